import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../test/support/seeded-random.js";
import { TextEvidence } from "../../src/evidence/TextEvidence.js";

// Credential assignments are read in blocks of lines on demand; any question must get what the
// whole window's list (read in one pass) answers. Seeded random texts of assignment pieces with
// line breaks anywhere, so a failure replays.
// A value long enough to be a token, drawn at run time (no token-like literal in the repository).
const value = seededRandom("assignment-value").bytes(18).toString("base64url");
const pieces = [
  "\n", "\n", "\n", "\n", "\r\n", " ", "\t", "token", "API_TOKEN", "apiKey", "secret", "Authorization", "bearer", "credentials", '"', "'", "\\\"",
  "=", ":", ":=", "=>", "==", "://", value, `token=${value}`, `"apiKey": "${value}"`, "abc", "%3D", "\\/", "$X", "null", ",", "{", "}", "# ",
];

function randomText(random: ReturnType<typeof seededRandom>): string {
  const parts: string[] = [];
  for (let count = 1 + random.int(600); count > 0; count--) parts.push(pieces[random.int(pieces.length)]!);
  return parts.join("");
}

describe("TextEvidence.credentialAssignments", () => {
  it("answers from blocks of lines exactly as from the whole window's list", () => {
    const random = seededRandom("credential-assignments-by-block");
    let found = 0;
    for (let round = 0; round < 600; round++) {
      const text = randomText(random);
      const whole = new TextEvidence(text);
      void whole.credentialAssignments();
      const lazy = new TextEvidence(text);
      for (let question = 0; question < 8; question++) {
        const from = random.int(text.length + 1);
        const to = from + random.int(text.length - from + 1);
        const expected = whole.credentialAssignments(from, to);
        expect(lazy.credentialAssignments(from, to)).toEqual(expected);
        found += expected.length;
      }
      expect(lazy.credentialAssignments()).toEqual(whole.credentialAssignments());
    }
    expect(found).toBeGreaterThan(1000);
  });
});
