import { isCredentialLike, type Confidence } from "@hawzu-scan/core";
import type { ArchiveLimits } from "../scan/scan-context.js";

/** The config file's shape (`hawzu-scan.config.json`, or `"hawzu-scan"` in package.json). */
export interface ScanConfig {
  /** More paths to skip, in .gitignore syntax, relative to the current directory. */
  ignore?: string[];
  /** Prefixes your Hawzu tokens start with: such values are found anywhere. */
  knownPrefixes?: string[];
  minConfidence?: Confidence;
  /** Extra key or variable names that hold Hawzu tokens in your code base. */
  extraKeyNames?: string[];
  archives?: Partial<ArchiveLimits>;
}

const TOP_KEYS = ["ignore", "knownPrefixes", "minConfidence", "extraKeyNames", "archives"];
const ARCHIVE_KEYS = ["maxDepth", "maxBytes", "maxRatio"];

/** Checks a parsed config; returns it typed, or the first problem as one readable sentence. */
export function validateConfig(value: unknown): { ok: true; config: ScanConfig } | { ok: false; problem: string } {
  if (!isObject(value)) return fail(`must be a JSON object (got ${typeName(value)})`);
  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.includes(key)) return fail(`unknown key ${shownKey(key)} (allowed: ${TOP_KEYS.join(", ")})`);
  }
  for (const key of ["ignore", "knownPrefixes", "extraKeyNames"] as const) {
    const list = value[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((item) => typeof item !== "string" || item.length === 0)) {
      return fail(`"${key}" must be a list of non-empty strings`);
    }
  }
  const prefixes = value.knownPrefixes as string[] | undefined;
  const short = prefixes?.find((prefix) => prefix.length < 3);
  if (short !== undefined) return fail(`"knownPrefixes": each prefix needs at least 3 characters (got "${short}")`);
  if (value.minConfidence !== undefined && value.minConfidence !== "high" && value.minConfidence !== "medium") {
    return fail(`"minConfidence" must be "high" or "medium" (got ${shownValue(value.minConfidence)})`);
  }
  if (value.archives !== undefined) {
    const archives = value.archives;
    if (!isObject(archives)) return fail(`"archives" must be an object with ${ARCHIVE_KEYS.join(", ")}`);
    for (const key of Object.keys(archives)) {
      if (!ARCHIVE_KEYS.includes(key)) return fail(`unknown key ${shownKey(`archives.${key}`)} (allowed: ${ARCHIVE_KEYS.join(", ")})`);
      const limit = archives[key];
      if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1) {
        return fail(`"archives.${key}" must be a whole number of at least 1 (got ${shownValue(limit)})`);
      }
    }
  }
  return { ok: true, config: value as ScanConfig };
}

function fail(problem: string): { ok: false; problem: string } {
  return { ok: false, problem };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "a list" : typeof value;
}

// A token pasted where a key or a setting belongs must not be printed back in the error.
function shownKey(key: string): string {
  return key.split(/[^A-Za-z0-9_\-]+/).some((piece) => isCredentialLike(piece)) ? "(not shown: it looks like a credential)" : `"${key.slice(0, 80)}"`;
}

function shownValue(value: unknown): string {
  return typeof value === "string" ? shownKey(value) : JSON.stringify(value)?.slice(0, 80) ?? String(value);
}
