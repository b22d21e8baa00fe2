import { seededRandom } from "../../../test/support/seeded-random.js";
import { isCredentialLike } from "@hawzu-scan/core";

// Seeded, so every run draws the same values: nothing here passes or fails by chance.
const random = seededRandom("eslint-plugin-fake-token");

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A random fake token (letters and digits) that the core's strictest credential check accepts. */
export function fakeToken(length = 32): string {
  for (;;) {
    const token = [...random.bytes(length)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("");
    if (isCredentialLike(token, "strict")) return token;
  }
}

/** 1-based line/column span of the `occurrence`-th `needle` in `code`, as ESLint reports it. */
export function spanOf(code: string, needle: string, occurrence = 0) {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) index = code.indexOf(needle, index + 1);
  if (index === -1) throw new Error("needle not in code");
  const position = (offset: number) => {
    const before = code.slice(0, offset).split("\n");
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const start = position(index);
  const end = position(index + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
