import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../test/support/seeded-random.js";
import { findKeywordHits, HAWZU_CASING_HINTS, hasKeywordHit, holdsKeyword } from "../src/find-keyword-hits.js";
import { resolveOptions } from "../src/resolve-options.js";

// hasKeywordHit stops at the first hit instead of collecting them all; it must answer exactly
// whether findKeywordHits finds one. Seeded random texts of keyword pieces in every casing (the
// three indexOf spellings, odd ones that only the case-insensitive search finds, the Kelvin sign,
// near misses), with and without known prefixes and extra key names, so a failure replays.
const pieces = [
  "hawzu", "Hawzu", "HAWZU", "hAwZu", "HaWZU", "haw", "zu", "wzu", "WZU", "Wzu", "wZu", "h", "a", "w", "z", "u", "H", "A", "W", "Z", "U",
  "hawzu-scan", " ", "\n", "_", "-", "hzw_", "hzw", "acme_token", "ACME_TOKEN", "Acme_Token", "acme", "\u212A", "é",
];
const optionSets = [resolveOptions(), resolveOptions({ knownPrefixes: ["hzw_"] }), resolveOptions({ extraKeyNames: ["Acme_Token"] })];

describe("hasKeywordHit", () => {
  it("says whether findKeywordHits finds a hit", () => {
    const random = seededRandom("find-keyword-hits");
    let withHits = 0;
    for (let round = 0; round < 20_000; round++) {
      const parts: string[] = [];
      const count = random.int(12);
      for (let index = 0; index < count; index++) parts.push(pieces[random.int(pieces.length)]!);
      const text = parts.join("");
      const options = optionSets[random.int(optionSets.length)]!;
      const found = findKeywordHits(text, options).length > 0;
      expect(hasKeywordHit(text, options)).toBe(found);
      if (found) withHits++;
    }
    expect(withHits).toBeGreaterThan(2000);
    expect(withHits).toBeLessThan(18_000);
  });
});

/** "hawzu" in each of its 32 casings. */
function everyCasing(): string[] {
  return Array.from({ length: 32 }, (_, mask) => [..."hawzu"].map((letter, index) => (mask & (1 << index) ? letter.toUpperCase() : letter)).join(""));
}

describe("every casing of hawzu", () => {
  it("is a hit, and holds one of the casing hints front ends search bytes for", () => {
    const options = resolveOptions();
    for (const casing of everyCasing()) {
      const text = `x ${casing}_TOKEN=1`;
      expect(findKeywordHits(text, options), casing).toEqual([2]);
      expect(hasKeywordHit(text, options), casing).toBe(true);
      expect(holdsKeyword(text, options.keywords), casing).toBe(true);
      expect(HAWZU_CASING_HINTS.some((hint) => casing.includes(hint)), casing).toBe(true);
    }
  });
});
