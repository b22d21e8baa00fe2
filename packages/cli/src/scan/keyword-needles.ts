import { HAWZU_CASING_HINTS, keywordsFor, type FindOptions } from "@hawzu-scan/core";

// Every casing of "hawzu" contains one of the core's hints (the casings of "wzu"); its other
// keywords (known prefixes, extra key names) are searched as they are.

// Keyed by the option arrays, not the options object: a streamed input is given a fresh
// `{ ...core, path }` each time, whose arrays are still the settings' own.
const cache = new WeakMap<readonly string[], WeakMap<readonly string[], Buffer[]>>();
const NONE: readonly string[] = [];

/**
 * The byte strings of which a text must hold one for the core to report anything (unless its path
 * is Hawzu-named): what lets bytes with no keyword be passed over without being decoded.
 * Cached per pair of keyword lists: a checkout asks for them once per file.
 */
export function keywordNeedles(options: Omit<FindOptions, "path">): Buffer[] {
  const prefixes = options.knownPrefixes ?? NONE;
  const keyNames = options.extraKeyNames ?? NONE;
  let byKeyNames = cache.get(prefixes);
  if (!byKeyNames) cache.set(prefixes, (byKeyNames = new WeakMap()));
  const cached = byKeyNames.get(keyNames);
  if (cached) return cached;
  const otherKeywords = keywordsFor(options).filter((keyword) => !/wzu/i.test(keyword));
  const needles = [...HAWZU_CASING_HINTS, ...otherKeywords].map((needle) => Buffer.from(needle, "utf8"));
  byKeyNames.set(keyNames, needles);
  return needles;
}

/** True when `bytes` holds one of the needles. */
export function holdsNeedle(bytes: Buffer, needles: readonly Buffer[]): boolean {
  return needles.some((needle) => bytes.includes(needle));
}
