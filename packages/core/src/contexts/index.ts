import type { DetectionContext } from "../types.js";
import basicAuthToHawzuHost from "./basic-auth-to-hawzu-host.js";
import bearerToHawzuHost from "./bearer-to-hawzu-host.js";
import hawzuCallArgument from "./hawzu-call-argument.js";
import hawzuEnvNameValue from "./hawzu-env-name-value.js";
import hawzuFile from "./hawzu-file.js";
import hawzuIniSection from "./hawzu-ini-section.js";
import hawzuTableColumn from "./hawzu-table-column.js";
import hawzuNamedKey from "./hawzu-named-key.js";
import hawzuObjectBlock from "./hawzu-object-block.js";
import hawzuUrlCredential from "./hawzu-url-credential.js";
import hawzuWordNearby from "./hawzu-word-nearby.js";
import hawzuYamlBlock from "./hawzu-yaml-block.js";
import knownPrefix from "./known-prefix.js";
import kubernetesSecretData from "./kubernetes-secret-data.js";

/**
 * Every detection context, strongest evidence first: when two find the same range, the earlier
 * one's description and confidence are kept.
 */
export const contexts: readonly DetectionContext[] = [
  knownPrefix,
  kubernetesSecretData,
  hawzuNamedKey,
  hawzuEnvNameValue,
  hawzuTableColumn,
  bearerToHawzuHost,
  basicAuthToHawzuHost,
  hawzuUrlCredential,
  hawzuObjectBlock,
  hawzuCallArgument,
  hawzuIniSection,
  hawzuYamlBlock,
  hawzuFile,
  hawzuWordNearby,
];
