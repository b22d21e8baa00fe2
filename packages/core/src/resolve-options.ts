import type { FindOptions, ResolvedOptions } from "./types.js";

// `indexOf` is a plain substring search, much faster than a case-insensitive regex; the casings
// people write are hawzu, Hawzu and HAWZU (find-keyword-hits.ts looks for the rare others).
const HAWZU_SPELLINGS = ["hawzu", "Hawzu", "HAWZU"];

/** Options with defaults filled in; validates what a caller could get wrong. */
export function resolveOptions(options: FindOptions = {}): ResolvedOptions {
  const knownPrefixes = [...(options.knownPrefixes ?? [])];
  for (const prefix of knownPrefixes) {
    if (typeof prefix !== "string" || prefix.length < 3) {
      throw new TypeError("knownPrefixes: each prefix must be a string of at least 3 characters");
    }
  }
  const extraKeyNames = [...(options.extraKeyNames ?? [])];
  // Extra key names are keywords too, in the casings people write them.
  const extraSpellings = extraKeyNames.flatMap((name) => [name, name.toLowerCase(), name.toUpperCase()]);
  return {
    knownPrefixes,
    minConfidence: options.minConfidence ?? "medium",
    path: options.path,
    extraKeyNames,
    keywords: [...new Set([...HAWZU_SPELLINGS, ...knownPrefixes, ...extraSpellings])],
  };
}

// A folder named after a Hawzu host, as HTTPie names its sessions (`sessions/api.hawzu.com/ci.json`,
// `sessions/app.hawzu.com_8443/…`): the files in it are that host's.
const HAWZU_HOST_FOLDER = /^(?:[a-z0-9-]+\.)*hawzu\.com(?:[_:]\d{1,5})?$/i;

/** True when the file's own name says Hawzu (`hawzu.yml`, `.hawzurc`, `hawzu/config.json`, `api.hawzu.com/default.json`). */
export function isHawzuPath(path: string | undefined): boolean {
  if (!path) return false;
  const parts = path.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? "";
  const parent = parts[parts.length - 2] ?? "";
  return /hawzu(?!-scan)/i.test(name) || /^\.?hawzu$/i.test(parent) || HAWZU_HOST_FOLDER.test(parent);
}

/** The literals the prefilter searches for, for front ends that search bytes before decoding. */
export function keywordsFor(options: FindOptions = {}): readonly string[] {
  return resolveOptions(options).keywords;
}
