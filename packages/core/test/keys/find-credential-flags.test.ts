import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../test/support/seeded-random.js";
import { findCredentialFlags, findCredentialFlagsBySearch } from "../../src/keys/find-credential-flags.js";

// The flags are found from the dashes that follow a blank or quote instead of by trying the
// expression at every dash; both must give the same hits. Seeded random texts of the pieces flags
// are made of (dashes, underscores, the words in any casing, blanks, quotes, the Kelvin sign that
// lower-cases to `k`), so a failure replays.
const pieces = [
  "-", "--", "---", "_", " ", "  ", "\t", "\n", "\r", '"', "'", "=", "/", "+", "x", "Z9", "api", "api-", "API", "hawzu",
  "token", "TOKEN", "Token", "key", "KEY", "Key", "\u212Aey", "apikey", "api-key", "secret", "SECRET", "pat", "PAT", "tokens",
  "my", "ci", "2026-11-28", "é",
];

describe("findCredentialFlags", () => {
  it("finds the same flags from the dashes as by the expression", () => {
    const random = seededRandom("find-credential-flags");
    let hits = 0;
    for (let round = 0; round < 20_000; round++) {
      const parts: string[] = [];
      const count = 1 + random.int(24);
      for (let index = 0; index < count; index++) {
        parts.push(pieces[random.int(pieces.length)]!);
        // Often a whole flag-shaped run: blank, dashes, words, blanks, a value start.
        if (random.int(3) === 0) parts.push(" ", "--".slice(random.int(3)), pieces[random.int(pieces.length)]!, ["token", "Key", "apikey", "pat"][random.int(4)]!, " ", "v");
      }
      const text = parts.join("");
      const bySearch = findCredentialFlagsBySearch(text);
      expect(findCredentialFlags(text)).toEqual(bySearch);
      hits += bySearch.length;
    }
    expect(hits).toBeGreaterThan(1000);
  });
});
