import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../test/support/seeded-random.js";
import { computeKeywordWindows, computeWindows } from "../src/compute-windows.js";
import { findKeywordHits, findOddCasingHits } from "../src/find-keyword-hits.js";
import { resolveOptions } from "../src/resolve-options.js";

// computeKeywordWindows finds the windows without listing every keyword hit; where it answers, it
// must give exactly the windows of the listed hits. Seeded texts of 0-120 KB: keyword pieces in
// every casing at random gaps (dense runs, lone hits, hits near both ends), line breaks sometimes
// frequent and sometimes absent for 20 KB (so window edges snap to a line break or a token edge).
const keywordPieces = ["hawzu", "Hawzu", "HAWZU", "hAwZu", "hawzu-scan", "hzw_", "Acme_Token", "ACME_TOKEN", "acme_token", "hzwhzw", "aaa"];
const fillers = ["x", "token", " ", "=", "abc123", "\n", "ab-cd", "é"];
const optionSets = [
  resolveOptions(),
  resolveOptions({ knownPrefixes: ["hzw_"] }),
  resolveOptions({ extraKeyNames: ["Acme_Token"] }),
  resolveOptions({ knownPrefixes: ["aaa"] }),
  resolveOptions({ knownPrefixes: ["hzwhzw"] }),
];

function randomText(random: ReturnType<typeof seededRandom>): string {
  const length = random.int(random.int(4) === 0 ? 3000 : 120_000);
  const hitEvery = [30, 400, 3000, 12_000, 40_000][random.int(5)]!;
  const lineEvery = [20, 200, 5000, 1_000_000][random.int(4)]!;
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    let piece: string;
    if (random.int(hitEvery) === 0) piece = keywordPieces[random.int(keywordPieces.length)]!;
    else if (random.int(lineEvery) === 0) piece = "\n";
    else piece = fillers[random.int(fillers.length - 1)]!;
    parts.push(piece);
    size += piece.length;
  }
  return parts.join("");
}

const SEVERAL = 60;

describe("computeKeywordWindows", () => {
  it("gives the windows of every listed hit", () => {
    const random = seededRandom("compute-keyword-windows");
    let answered = 0;
    let severalWindows = 0;
    for (let round = 0; round < 1000; round++) {
      const text = randomText(random);
      const options = optionSets[random.int(optionSets.length)]!;
      const windows = computeKeywordWindows(text, options.keywords);
      const hits = findKeywordHits(text, options);
      if (windows === undefined) {
        // Only self-overlapping keywords leave it to the hits.
        expect(options.keywords.some((word) => word === "aaa" || word === "hzwhzw")).toBe(true);
        continue;
      }
      if (windows.length === 0) {
        // No keyword as written: the hits are the odd casings alone.
        expect(options.keywords.some((word) => text.includes(word))).toBe(false);
        expect(hits).toEqual(findOddCasingHits(text));
        continue;
      }
      answered++;
      if (windows.length > 1) severalWindows++;
      expect(windows).toEqual(computeWindows(text, hits));
    }
    expect(answered).toBeGreaterThan(300);
    expect(severalWindows).toBeGreaterThan(SEVERAL);
  });

  it("reads a line of a million keywords with a few searches per window", () => {
    const text = "hawzu ".repeat(1_000_000);
    expect(computeKeywordWindows(text, resolveOptions().keywords)).toEqual(computeWindows(text, findKeywordHits(text, resolveOptions())));
  });
});
