import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../test/support/seeded-random.js";
import { findKeywordHits, hasKeywordHit } from "../src/find-keyword-hits.js";
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
