import { keywordsFor, type FindOptions } from "@hawzu-scan/core";

// Every casing of "hawzu" the core's prefilter reacts to contains one of these (find-keyword-hits.ts);
// its other keywords (known prefixes, extra key names) are searched as they are.
const HAWZU_NEEDLES = ["wzu", "WZU", "wZu", "Wzu"];

const cache = new WeakMap<object, Buffer[]>();

/**
 * The byte strings of which a text must hold one for the core to report anything (unless its path
 * is Hawzu-named): what lets bytes with no keyword be passed over without being decoded.
 * Cached per options object: a checkout asks for them once per file.
 */
export function keywordNeedles(options: Omit<FindOptions, "path">): Buffer[] {
  const cached = cache.get(options);
  if (cached) return cached;
  const otherKeywords = keywordsFor(options).filter((keyword) => !/wzu/i.test(keyword));
  const needles = [...HAWZU_NEEDLES, ...otherKeywords].map((needle) => Buffer.from(needle, "utf8"));
  cache.set(options, needles);
  return needles;
}

/** True when `bytes` holds one of the needles. */
export function holdsNeedle(bytes: Buffer, needles: readonly Buffer[]): boolean {
  return needles.some((needle) => bytes.includes(needle));
}
