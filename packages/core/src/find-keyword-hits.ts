import type { ResolvedOptions } from "./types.js";

// The literal prefilter: every context needs the word "hawzu" in reach (a key, a host, a section),
// a configured prefix or key name, so text without them is skipped before any regular expression
// runs. The literals are `options.keywords`, computed once per scan.
const ODD_CASING = /hawzu/gi;
const ANY_CASING = /hawzu/i;

/** Offsets of every keyword (any casing of "hawzu", known prefixes, extra key names), sorted. */
export function findKeywordHits(text: string, options: ResolvedOptions): number[] {
  const hits: number[] = [];
  for (const word of options.keywords) {
    for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + word.length)) {
      hits.push(index);
    }
  }
  if (hits.length === 0) return findOddCasingHits(text);
  // One keyword's hits come in order (the usual case: only "hawzu"); sorting a million hits of a
  // hostile line with a comparator cost more than finding them.
  for (let index = 1; index < hits.length; index++) {
    if (hits[index]! < hits[index - 1]!) return hits.sort((a, b) => a - b);
  }
  return hits;
}

/**
 * True when findKeywordHits would find a hit, stopping at the first: the streaming scanner and
 * front ends only ask whether a stretch has one, and a line that says hawzu a million times made
 * them collect every offset to count them (a quarter of the scanner's time on such a line).
 */
export function hasKeywordHit(text: string, options: ResolvedOptions): boolean {
  return holdsKeyword(text, options.keywords);
}

/**
 * hasKeywordHit for keywords computed once (`keywordsFor`): front ends that ask per file or per
 * string (the ESLint rule) resolve their options once, not at every call.
 */
export function holdsKeyword(text: string, keywords: readonly string[]): boolean {
  for (const word of keywords) if (text.includes(word)) return true;
  return ANY_CASING.test(text);
}

/**
 * Offsets of "hawzu" in any casing (`hawZU`, `HaWzU`), for a text that holds none of the keywords
 * as written. One case-insensitive search, as fast as three `indexOf` passes (64 MB of the sparse
 * log: 20 ms against 26); four of them for casings of "wzu" first used to decide whether to search,
 * and four casings left out (`hawZU`) made such a text clean.
 */
export function findOddCasingHits(text: string): number[] {
  const hits: number[] = [];
  ODD_CASING.lastIndex = 0;
  for (let match = ODD_CASING.exec(text); match; match = ODD_CASING.exec(text)) hits.push(match.index);
  return hits;
}

/**
 * Every casing of "wzu": "hawzu" in any casing holds one. Front ends that search bytes (which have
 * no case-insensitive search) look for these to find every casing.
 */
export const HAWZU_CASING_HINTS: readonly string[] = ["wzu", "wzU", "wZu", "wZU", "Wzu", "WzU", "WZu", "WZU"];
