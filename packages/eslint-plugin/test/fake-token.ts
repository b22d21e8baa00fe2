import { isCredentialLike } from "@hawzu-scan/core";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A generator of fake tokens (letters and digits) that the core's strictest credential check
 * accepts. Seeded (mulberry32), so a failing case replays with the same values.
 */
export function createFakeTokens(seed: number): (length?: number) => string {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  return (length = 32) => {
    // The core's credential check needs 20 characters or more: shorter would never pass.
    if (length < 20) throw new RangeError(`fake tokens are at least 20 characters (asked for ${length})`);
    for (;;) {
      const token = Array.from({ length }, () => ALPHANUMERIC[Math.floor(next() * ALPHANUMERIC.length)]).join("");
      if (isCredentialLike(token, "strict")) return token;
    }
  };
}

/** The tests' default generator: the seed is fixed, each call gives the next token. */
export const fakeToken = createFakeTokens(0x4a57);

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
