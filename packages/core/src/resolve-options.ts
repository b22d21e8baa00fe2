import type { FindOptions, ResolvedOptions } from "./types.js";

/** Options with defaults filled in; validates what a caller could get wrong. */
export function resolveOptions(options: FindOptions = {}): ResolvedOptions {
  const knownPrefixes = [...(options.knownPrefixes ?? [])];
  for (const prefix of knownPrefixes) {
    if (typeof prefix !== "string" || prefix.length < 3) {
      throw new TypeError("knownPrefixes: each prefix must be a string of at least 3 characters");
    }
  }
  return {
    knownPrefixes,
    minConfidence: options.minConfidence ?? "medium",
    path: options.path,
    extraKeyNames: [...(options.extraKeyNames ?? [])],
  };
}

/** True when the file's own name says Hawzu (`hawzu.yml`, `.hawzurc`, `hawzu/config.json`). */
export function isHawzuPath(path: string | undefined): boolean {
  if (!path) return false;
  const parts = path.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? "";
  const parent = parts[parts.length - 2] ?? "";
  return /hawzu(?!-scan)/i.test(name) || /^\.?hawzu$/i.test(parent);
}
