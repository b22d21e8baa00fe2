import { describe, expect, it } from "vitest";
import { findTokens } from "../src/index.js";

// A Hawzu key name read inside another value would carry a piece of that value into `context`.
// Built at run time, so no token-like literal sits in this file.
const hawzuToken = ["Xq7GkP2m", "R9vT4wZ8", "yB3nC6dF", "1hJ5sL0a"].join("");
describe("a finding's context", () => {
  it("never quotes another vendor's token that holds a Hawzu key name", () => {
    const vendorToken = "ghp_Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2";
    const text = `HAWZU_TOKEN=${vendorToken}hawzu_token=${hawzuToken}\n`;
    for (const finding of findTokens(text).findings) expect(finding.context).not.toContain(vendorToken.slice(4, 16));
  });

  it("still reads a key inside code after a typed declaration", () => {
    const text = `const hawzuToken: string = process.env.HAWZU_TOKEN ?? "${hawzuToken}";\n`;
    expect(findTokens(text).findings.map((finding) => finding.context)).toEqual(["value of process.env.HAWZU_TOKEN"]);
  });
});
