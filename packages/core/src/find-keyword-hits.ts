import type { ResolvedOptions } from "./types.js";

// The literal prefilter: every context needs the word "hawzu" in reach (a key, a host, a section)
// or a configured prefix, so text without them is skipped before any regular expression runs.
// `indexOf` is a plain substring search, much faster than a case-insensitive regex; the casings
// people write are hawzu, Hawzu and HAWZU.
const HAWZU_SPELLINGS = ["hawzu", "Hawzu", "HAWZU"];
const ODD_CASING = /hawzu/gi;

/** Offsets of every "hawzu" (any casing) and known prefix in `text`, sorted. */
export function findKeywordHits(text: string, options: ResolvedOptions): number[] {
  const hits: number[] = [];
  // Extra key names a team configured are keywords too, in the casings people write them.
  const extraSpellings = options.extraKeyNames.flatMap((name) => [name, name.toLowerCase(), name.toUpperCase()]);
  for (const word of new Set([...HAWZU_SPELLINGS, ...options.knownPrefixes, ...extraSpellings])) {
    for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + word.length)) {
      hits.push(index);
    }
  }
  // Mixed casings (HawZu) are rare; look for them only if "awzu"/"AWZU"/"wzu" hint at one.
  if (hits.length === 0 && (text.includes("wzu") || text.includes("WZU") || text.includes("wZu") || text.includes("Wzu"))) {
    ODD_CASING.lastIndex = 0;
    for (let match = ODD_CASING.exec(text); match; match = ODD_CASING.exec(text)) hits.push(match.index);
  }
  return hits.sort((a, b) => a - b);
}

/** True when `text` holds anything the contexts could use: the cheap yes/no for a whole chunk. */
