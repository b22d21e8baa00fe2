import { describe, expect, it } from "vitest";
import { expandKey } from "../../src/keys/find-hawzu-words.js";

describe("expandKey", () => {
  it("drops leading dashes and dots and trailing dots and dashes", () => {
    const text = "x --hawzu-token. y";
    const index = text.indexOf("hawzu");
    expect(expandKey(text, index)).toEqual({ start: text.indexOf("hawzu"), end: text.indexOf("token") + 5 });
    expect(expandKey("..hawzu..", 2)).toEqual({ start: 2, end: 7 });
  });
});
