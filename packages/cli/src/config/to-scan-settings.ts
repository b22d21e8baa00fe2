import type { Confidence } from "@hawzu-scan/core";
import { DEFAULT_ARCHIVE_LIMITS, type ScanSettings } from "../scan/scan-context.js";
import type { ScanConfig } from "./validate-config.js";

/**
 * What every source is told, from the config file and the command line (whose known prefixes add to
 * the file's, and whose --min-confidence wins): one place, so a scan and `redact` judge alike.
 */
export function toScanSettings(config: ScanConfig, flags: { knownPrefixes: readonly string[]; minConfidence?: Confidence }, captureTokens: boolean): ScanSettings {
  return {
    core: {
      knownPrefixes: [...(config.knownPrefixes ?? []), ...flags.knownPrefixes],
      minConfidence: flags.minConfidence ?? config.minConfidence ?? "medium",
      extraKeyNames: config.extraKeyNames ?? [],
    },
    limits: { ...DEFAULT_ARCHIVE_LIMITS, ...config.archives },
    captureTokens,
  };
}
