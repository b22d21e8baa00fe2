import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../test/support/seeded-random.js";
import { findCredentialAssignments, findCredentialAssignmentsBySearch } from "../../src/keys/find-assignments.js";

// The expression's groups are read back from its operator instead of from a match array; both
// must give the same assignments. Seeded random texts of the
// pieces keys, operators and values are made of (the credential words and suffixes in any casing,
// digits, quotes, backslashes, blanks, every operator and its near misses, the Kelvin sign and the
// long s that fold to ASCII letters only in Unicode mode, long value runs), so a failure replays.
const pieces = [
  "token", "TOKEN", "Token", "tokens", "key", "KEY", "\u212Aey", "secret", "Secret", "pat", "PAT", "bearer", "auth", "Auth",
  "authorization", "credential", "credentials", "CREDENTIALS", "\u017Fecret", "tokenizer", "monkey", "api_", "hawzu.", "x-",
  "value", "Value", "prod", "production", "staging", "dev", "test", "ci", "CI", "v", "V", "2", "12", "v2", "0",
  "=", "==", ":", "::", ":=", "::=", "=>", "://", "?=", "+=", ":/", "=:", "=\"", "\\", "\\\\", '"', "'", "`", '\\"',
  " ", "  ", "\t", "\n", "$", "@", "{", "(", "&a ", "!!str ", "é", "%2F", "\\u0041",
  "h7Gk2pQx9LmZ4vNc8RtY3wBs", "h7Gk2pQx9LmZ4vNc8RtY3wBsQ2", "abc", "str = ", ": string = ",
];

function randomText(random: ReturnType<typeof seededRandom>): string {
  const parts: string[] = [];
  const count = 1 + random.int(30);
  for (let index = 0; index < count; index++) {
    parts.push(pieces[random.int(pieces.length)]!);
    // Often a whole assignment: a key ending in a credential word, a quote, an operator, a long value.
    if (random.int(3) === 0) {
      parts.push(["token", "Key", "SECRET", "authv2", "tokenprod"][random.int(5)]!, ["", '"', "'", '\\"'][random.int(4)]!);
      parts.push([" ", "", "\t"][random.int(3)]!, ["=", ":", ":=", "=>", "=="][random.int(5)]!, [" ", '"', ""][random.int(3)]!);
      parts.push("h7Gk2pQx9LmZ4vNc8RtY3wBs".slice(random.int(8)));
    }
  }
  return parts.join("");
}

describe("findCredentialAssignments", () => {
  it("reads the same assignments back from the operator as from the match arrays, whole and in ranges", () => {
    const random = seededRandom("find-assignments");
    let found = 0;
    for (let round = 0; round < 20_000; round++) {
      const text = randomText(random);
      const bySearch = findCredentialAssignmentsBySearch(text);
      expect(findCredentialAssignments(text)).toEqual(bySearch);
      found += bySearch.length;
      const from = random.int(text.length + 1);
      const to = from + random.int(text.length - from + 1);
      expect(findCredentialAssignments(text, from, to)).toEqual(findCredentialAssignmentsBySearch(text, from, to));
    }
    expect(found).toBeGreaterThan(2000);
  });
});
