import { describe, expect, it } from "vitest";
import { MaskValues } from "../../src/redact/mask-values.js";
import { seededTokens } from "../helpers/seeded-tokens.js";

/** Pushes `text` through a masker in the given chunk sizes (cycled) and joins the output. */
function maskInChunks(masker: MaskValues, text: string, sizes: number[]): string {
  const bytes = Buffer.from(text);
  const out: Buffer[] = [];
  for (let at = 0, turn = 0; at < bytes.length; turn++) {
    const size = sizes[turn % sizes.length]!;
    out.push(masker.push(bytes.subarray(at, at + size)));
    at += size;
  }
  out.push(masker.end());
  return Buffer.concat(out).toString();
}

describe("MaskValues", () => {
  const nextToken = seededTokens(7);

  it("masks every occurrence, whatever the chunk edges (every split point of the text)", () => {
    const [a, b] = [nextToken(), nextToken()];
    const text = `x ${a}\n${b}${a} y ${b}`;
    const expected = text.replaceAll(a, "A***").replaceAll(b, "B***");
    for (let size = 1; size <= text.length; size++) {
      const masker = new MaskValues();
      masker.add(a, "A***");
      masker.add(b, "B***");
      expect(maskInChunks(masker, text, [size, size + 3])).toBe(expected);
      expect(masker.masked).toBe(4);
    }
  });

  it("merges overlapping values into one mask and ignores values too short to be tokens", () => {
    const token = nextToken();
    const masker = new MaskValues();
    masker.add(token, "T***");
    masker.add(`"${token}"`, "Q***");
    expect(masker.add("short", "S***")).toBe(false);
    expect(maskInChunks(masker, `a "${token}" short`, [5])).toBe("a Q*** short");
  });

  it("passes text with no value through unchanged, holding back only what a value could still complete", () => {
    const masker = new MaskValues();
    masker.add(nextToken(), "T***");
    const out = masker.push(Buffer.from("a".repeat(100)));
    expect(out.length).toBe(100 - 39);
    expect(Buffer.concat([out, masker.end()]).toString()).toBe("a".repeat(100));
  });
});
