import { isCredentialLike, type Confidence } from "@hawzu-scan/core";

/** The keys of `hawzu-scan.config.json` that the rule uses; the CLI's other keys are checked, not used. */
export interface FileScanConfig {
  knownPrefixes?: string[];
  minConfidence?: Confidence;
  extraKeyNames?: string[];
}

// The CLI's keys (packages/cli/src/config/validate-config.ts): a file the CLI accepts is accepted here.
const TOP_KEYS = ["ignore", "knownPrefixes", "minConfidence", "extraKeyNames", "archives"];

/** Checks a parsed config as the CLI does; returns the keys the rule uses, or the first problem. */
export function validateScanConfig(value: unknown): { ok: true; config: FileScanConfig } | { ok: false; problem: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, problem: "must be a JSON object" };
  const record = value as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => !TOP_KEYS.includes(key));
  if (unknownKey !== undefined) return { ok: false, problem: `unknown key ${shownKey(unknownKey)} (allowed: ${TOP_KEYS.join(", ")})` };
  for (const key of ["ignore", "knownPrefixes", "extraKeyNames"]) {
    const list = record[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((item) => typeof item !== "string" || item.length === 0))) {
      return { ok: false, problem: `"${key}" must be a list of non-empty strings` };
    }
  }
  const prefixes = record["knownPrefixes"] as string[] | undefined;
  if (prefixes?.some((prefix) => prefix.length < 3)) return { ok: false, problem: `"knownPrefixes": each prefix needs at least 3 characters` };
  const minConfidence = record["minConfidence"];
  if (minConfidence !== undefined && minConfidence !== "high" && minConfidence !== "medium") {
    return { ok: false, problem: `"minConfidence" must be "high" or "medium"` };
  }
  const config: FileScanConfig = {};
  if (prefixes) config.knownPrefixes = prefixes;
  if (minConfidence !== undefined) config.minConfidence = minConfidence;
  if (record["extraKeyNames"] !== undefined) config.extraKeyNames = record["extraKeyNames"] as string[];
  return { ok: true, config };
}

// A token pasted where a key belongs must not be printed back in the message (as the CLI does).
function shownKey(key: string): string {
  return key.split(/[^A-Za-z0-9_\-]+/).some((piece) => isCredentialLike(piece)) ? "(not shown: it looks like a credential)" : `"${key.slice(0, 80)}"`;
}
