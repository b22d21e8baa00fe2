import { findWordStarts } from "./find-word-starts.js";

/** A `Bearer` or `Token` scheme word of an Authorization header, with where its value starts. */
export interface BearerWord {
  at: number;
  valueAt: number;
  /** `Bearer` (not `Token`). */
  isBearer: boolean;
  /** The .NET-style two-argument form: `AuthenticationHeaderValue("Bearer", "<token>")`. */
  twoArguments: boolean;
}

// Hawzu authenticates with `Authorization: Bearer <token>` (HAWZU.md); `Token <value>` is the
// other common scheme word. Found once per window, for every context that judges bearer values.
const SCHEME_WORD = /\b(?:Bearer|Token)(?:[ \t]+|(["'])[ \t]*,[ \t]*(?=["']))/gi;
const SCHEME_WORD_AT = new RegExp(SCHEME_WORD.source, "iy");

/**
 * Every scheme word in `text`, in order. With `lower` (the text lower-cased, same length), the
 * words are found by substring search and confirmed where they start.
 */
export function findBearerWords(text: string, lower?: string): BearerWord[] {
  const words: BearerWord[] = [];
  if (lower !== undefined && lower.length === text.length) {
    let until = 0;
    for (const start of findWordStarts(lower, ["bearer", "token"])) {
      if (start < until) continue;
      SCHEME_WORD_AT.lastIndex = start;
      const word = SCHEME_WORD_AT.exec(text);
      if (!word) continue;
      until = SCHEME_WORD_AT.lastIndex;
      const first = word[0].charCodeAt(0);
      words.push({ at: start, valueAt: until, isBearer: first === 66 || first === 98, twoArguments: word[1] !== undefined });
    }
    return words;
  }
  SCHEME_WORD.lastIndex = 0;
  for (let word = SCHEME_WORD.exec(text); word; word = SCHEME_WORD.exec(text)) {
    const first = word[0].charCodeAt(0);
    words.push({ at: word.index, valueAt: SCHEME_WORD.lastIndex, isBearer: first === 66 || first === 98, twoArguments: word[1] !== undefined });
  }
  return words;
}
