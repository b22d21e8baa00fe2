import { describe, expect, it } from "vitest";
import { findKeywordSpans } from "../../src/scan/find-keyword-spans.js";
import { seededRandom } from "../helpers/seeded-tokens.js";

/** Which bytes of `length` the spans cover, clipped to the block. */
function covered(spans: readonly [number, number][], length: number): boolean[] {
  const bytes = Array.from({ length }, () => false);
  for (const [start, end] of spans) for (let index = Math.max(0, start); index < Math.min(length, end); index++) bytes[index] = true;
  return bytes;
}

/** The reference: one span per hit, every hit found. */
function spanPerHit(block: Buffer, needles: readonly Buffer[], margin: number): [number, number][] {
  const spans: [number, number][] = [];
  for (const needle of needles) for (let hit = block.indexOf(needle); hit !== -1; hit = block.indexOf(needle, hit + 1)) spans.push([hit - margin, hit + margin]);
  return spans;
}

describe("findKeywordSpans", () => {
  const needles = ["wzu", "WZU", "wZu", "Wzu"].map((needle) => Buffer.from(needle));

  it("covers exactly the bytes that one span per hit covers, on seeded blocks of sparse and dense hits", () => {
    const random = seededRandom(14);
    const words = ["hawzu ", "HAWZU_", "Hawzu.", "x", "log line ", "\n", "wz", "u", "aaaaaaaaaaaaaaaaaaaa"];
    for (let round = 0; round < 300; round++) {
      const parts: string[] = [];
      const density = random();
      for (let size = 0; size < 200 + random() * 3000; ) {
        const word = random() < density ? words[Math.floor(random() * 3)]! : words[3 + Math.floor(random() * (words.length - 3))]!;
        parts.push(word);
        size += word.length;
      }
      const block = Buffer.from(parts.join(""));
      const margin = 1 + Math.floor(random() * 200);
      expect(covered(findKeywordSpans(block, needles, margin), block.length), `round ${round}`).toEqual(covered(spanPerHit(block, needles, margin), block.length));
    }
  });

  it("gives a few spans, not one per hit, for a line that is all keywords", () => {
    const block = Buffer.from("hawzu ".repeat(200_000));
    const spans = findKeywordSpans(block, needles, 33_000);
    expect(spans.length).toBeLessThanOrEqual(needles.length);
    expect(covered(spans, block.length).every(Boolean)).toBe(true);
  });
});
