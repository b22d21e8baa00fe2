import { MAX_TOKEN_LENGTH } from "./is-credential-like.js";

/** A value as written after a key and separator. */
export interface WrittenValue {
  /** Offset of the first character of the value itself (inside any quotes). */
  start: number;
  end: number;
  /** The quote that opened it (`"`, `'`, `` ` ``, `\"`), or "" when unquoted. */
  quote: string;
}

// Value characters: the token alphabets (letters, digits, -_.~+/=), percent escapes, and the JSON
// escapes `\/` and `\u00XX` that appear when a config is embedded in a JSON string.
// Escaped forms take up to six characters per token character; one more means "too long".
const LONGEST_WRITTEN = MAX_TOKEN_LENGTH * 3;
const VALUE_RUN = new RegExp(`(?:[A-Za-z0-9\\-_.~+/=%]|\\\\/|\\\\u[0-9a-fA-F]{4}){1,${LONGEST_WRITTEN + 1}}`, "y");
const OPENING_QUOTE = /(?:[frbuRBU@$]?)(\\*["'`])/y;
// What may follow an unquoted value: the end of the value in every config and log syntax we read.
// A backslash ends one too: `Bearer abc\"` inside a JSON-escaped string.
const UNQUOTED_END = /[\s;,&)}\]"'#<>|\\]/;

/**
 * Reads the value that starts at `position` (after optional blanks and an optional quote).
 * Returns undefined when there is no plain value there: an interpolation, an expression, a value
 * that goes on past the maximum token length.
 */
export function readValue(text: string, position: number): WrittenValue | undefined {
  let index = position;
  while (index < text.length && (text[index] === " " || text[index] === "\t")) index++;
  OPENING_QUOTE.lastIndex = index;
  const opening = OPENING_QUOTE.exec(text);
  let quote = "";
  if (opening) {
    quote = opening[1]!;
    index = OPENING_QUOTE.lastIndex;
  }
  const start = index;
  // One native regex run instead of a character loop: values are read at every key occurrence.
  VALUE_RUN.lastIndex = start;
  const run = VALUE_RUN.exec(text);
  if (!run) return undefined;
  index = VALUE_RUN.lastIndex;
  if (index - start > LONGEST_WRITTEN) return undefined;
  const end = index;
  if (quote) {
    if (!text.startsWith(quote, end)) return undefined;
  } else if (end < text.length && !UNQUOTED_END.test(text[end]!)) {
    return undefined;
  }
  return { start, end, quote };
}
