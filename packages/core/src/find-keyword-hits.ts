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
  for (const word of options.keywords) if (text.includes(word)) return true;
  return mayHoldOddCasing(text) && ANY_CASING.test(text);
}

/**
 * Offsets of "hawzu" in any casing, for a text that holds none of the keywords as written: mixed
 * casings (HawZu) are rare, so they are looked for only if "wzu" in some casing hints at one.
 */
export function findOddCasingHits(text: string): number[] {
  const hits: number[] = [];
  if (mayHoldOddCasing(text)) {
    ODD_CASING.lastIndex = 0;
    for (let match = ODD_CASING.exec(text); match; match = ODD_CASING.exec(text)) hits.push(match.index);
  }
  return hits;
}

/** True when "wzu" in one of the casings that "hawzu" in any casing ends with can be found. */
function mayHoldOddCasing(text: string): boolean {
  return text.includes("wzu") || text.includes("WZU") || text.includes("wZu") || text.includes("Wzu");
}
