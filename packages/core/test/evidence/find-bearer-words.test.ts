import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../test/support/seeded-random.js";
import { findBearerWords, findBearerWordsBySearch } from "../../src/evidence/find-bearer-words.js";

// The scheme word and its form are read back from where the match ends instead of from a match
// array; both must give the same words. Seeded random texts of the pieces scheme words are made of
// (the words in any casing and inside others, blanks, quotes, commas, the .NET two-argument form
// and its near misses), so a failure replays.
const pieces = [
  "Bearer", "bearer", "BEARER", "bEaReR", "Token", "token", "TOKEN", "tOkEn", "Tokens", "xBearer", "myToken", "_token", "Bearer2",
  " ", "  ", "\t", "\n", '"', "'", ",", ", ", '", "', "', '", '",', " ,", "(", ")", "=", ":", "abc", "h7Gk2pQx9LmZ4vNc8RtY3wBs", "é",
];

describe("findBearerWords", () => {
  it("reads the same scheme words back from the match end as from the match arrays", () => {
    const random = seededRandom("find-bearer-words");
    let found = 0;
    for (let round = 0; round < 20_000; round++) {
      const parts: string[] = [];
      const count = 1 + random.int(24);
      for (let index = 0; index < count; index++) parts.push(pieces[random.int(pieces.length)]!);
      const text = parts.join("");
      const bySearch = findBearerWordsBySearch(text);
      expect(findBearerWords(text)).toEqual(bySearch);
      found += bySearch.length;
    }
    expect(found).toBeGreaterThan(5000);
  });
});
