import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../test/support/seeded-random.js";
import { mayHoldToken, mayStartLongValue, readValue } from "../../src/candidate/read-value.js";

// mayStartLongValue lets the bearer contexts skip readValue where no value long enough can start:
// it must never say no where readValue finds a value that mayHoldToken accepts. Seeded random
// texts of value characters, escapes, quotes and prefixes, so a failure replays.
const pieces = [
  "a", "Z", "9", "-", "_", ".", "~", "+", "/", "=", "%2F", "%26", "%", "\\/", "\\u0041", "\\u0026", "\\", '"', "'", "`", '\\"', "\\u0022",
  "@", "$", "f", "r", " ", "\t", "*", "[", "(", ",", "abcdefghij", "ABCDEFGHIJ0123456789",
  "&prod ", "!!str ", "/* prod */ ", "(string)", "<string>", "String.raw", "{", "}", "SecretStr(", ")",
];

describe("mayStartLongValue", () => {
  it("is true wherever readValue reads a value long enough to be a token", () => {
    const random = seededRandom("may-start-long-value");
    let long = 0;
    for (let round = 0; round < 20_000; round++) {
      const parts: string[] = [];
      const count = 1 + random.int(16);
      for (let index = 0; index < count; index++) parts.push(pieces[random.int(pieces.length)]!);
      const text = parts.join("");
      for (let position = 0; position < text.length; position++) {
        const value = readValue(text, position);
        if (!value || !mayHoldToken(value)) continue;
        long++;
        expect(mayStartLongValue(text, position)).toBe(true);
      }
    }
    expect(long).toBeGreaterThan(10_000);
  });
});
