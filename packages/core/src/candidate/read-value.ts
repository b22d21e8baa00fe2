import { MAX_JWT_LENGTH, MAX_TOKEN_LENGTH, MIN_TOKEN_LENGTH } from "./is-credential-like.js";

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
// A JWT is never escaped (base64url only), so its longer limit counts as written.
const LONGEST_WRITTEN = Math.max(MAX_TOKEN_LENGTH * 3, MAX_JWT_LENGTH);
// Only `\u00XX` escapes of token characters belong to a value: Docker's `\u0026` (an escaped `&`
// after a query-string token) ends it, as `&` would.
const TOKEN_CHARACTER_ESCAPE = "\\\\u00(?:3[0-9]|[46][1-9a-fA-F]|[57][0-9aA]|2[5bBdDeEfF]|3[dD]|5[fF]|7[eE])";
// In a percent-encoded form or query (`a%3Db%26hawzu_token%3D<token>%26page%3D2`), an encoded `&`,
// blank or quote ends the value as the character itself would: no token holds one.
const ENCODED_END = "%(?:25)?(?:2[026]|27)";
const VALUE_RUN = new RegExp(`(?:[A-Za-z0-9\\-_.~+/=]|%(?!${ENCODED_END.slice(1)})|\\\\/|${TOKEN_CHARACTER_ESCAPE}){1,${LONGEST_WRITTEN + 1}}`, "y");
const ENDS_ENCODED = new RegExp(ENCODED_END, "y");
// The last value run found too long to be a token (one per text: the scan reads one text at a time).
let longRun: { text: string | undefined; start: number; end: number } = { text: undefined, start: 0, end: 0 };
// A quote may also be JSON's `\u0022` (Docker and .NET loggers escape quotes that way), Lua's long
// brackets (`[[…]]`, `[==[…]==]`) or an Erlang/Elixir binary (`<<"…">>`).
const OPENING_QUOTE = /(?:[frbuRBU@$]?)(\\*["'`]|\\u0022|\[=*\[|<<")/y;
// What may follow an unquoted value: the end of the value in every config and log syntax we read.
// A backslash ends one too: `Bearer abc\"` inside a JSON-escaped string.
// A NUL byte ends one (padding, /proc environ files), as the CLI's readers blank NULs anyway.
// A backtick ends one too: Markdown's inline code (`` `export HAWZU_TOKEN=<token>` ``).
// A token ends where its alphabet ends, also before `[` (HttpClient wire logs print
// `Bearer <token>[\r][\n]`), an ANSI colour escape (CI echoes) and box-drawing characters (tables).
const UNQUOTED_END = /[\s;,&)}\]"'`#<>|\\[\x00\x1b\u2500-\u257f]/;

/**
 * True when a written value is long enough to be a token: escapes and encodings only shorten it,
 * so a shorter one is dropped before any costlier evidence (its host) is looked up.
 */
export function mayHoldToken(value: WrittenValue): boolean {
  return value.end - value.start >= MIN_TOKEN_LENGTH;
}

/**
 * False when no value read at `position` can pass `mayHoldToken`: after the blanks (and a `@` or
 * `$` that may prefix a quote), fewer than MIN_TOKEN_LENGTH characters of the value alphabet, also
 * after a quote there (what may wrap a value, a YAML anchor or tag or code, always passes). Every character of a value run is in that alphabet, so this is a necessary
 * condition of `readValue` + `mayHoldToken`, read by code without either expression: a log says
 * "token" before many short words (`token refreshed`).
 */
export function mayStartLongValue(text: string, position: number): boolean {
  let index = position;
  // By character code: this runs at every credential assignment and scheme word of a log.
  while (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 9) index++;
  // A YAML anchor or tag, or code around a literal (readValue reads past them): left to readValue.
  const first = text.charCodeAt(index);
  // `[[`: a Lua long bracket (`<<"` starts like a wrapper).
  if (first === 38 || first === 33 || isWrapperStart(first) || (first === 91 && (text.charCodeAt(index + 1) === 91 || text.charCodeAt(index + 1) === 61))) return true;
  if (first === 64 || first === 36) index++;
  let run = valueAlphabetRun(text, index);
  if (run >= MIN_TOKEN_LENGTH) return true;
  const after = text.charCodeAt(index + run);
  if (after !== 34 && after !== 39 && after !== 96) return false;
  run = valueAlphabetRun(text, index + run + 1);
  return run >= MIN_TOKEN_LENGTH;
}

/** How many characters from `from` are in the value alphabet with its escape characters (`%`, `\`), up to MIN_TOKEN_LENGTH. */
function valueAlphabetRun(text: string, from: number): number {
  let index = from;
  while (index - from < MIN_TOKEN_LENGTH && index < text.length && (isValueCharacter(text.charCodeAt(index)) || text.charCodeAt(index) === 92)) index++;
  return index - from;
}

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
  } else if (text[index] === "&" || text[index] === "!") {
    // A YAML anchor or tag before the value: `token: &prod <token>`, `token: !!str "<token>"`.
    YAML_PROPERTIES.lastIndex = index;
    if (!YAML_PROPERTIES.test(text)) return undefined;
    index = YAML_PROPERTIES.lastIndex;
    OPENING_QUOTE.lastIndex = index;
    const tagged = OPENING_QUOTE.exec(text);
    if (tagged) {
      quote = tagged[1]!;
      index = OPENING_QUOTE.lastIndex;
    }
  } else {
    // Code may wrap a literal: `("…")`, `/* prod */ "…"`, `(string)"…"`, `<string>"…"`,
    // ``String.raw`…` ``. Only a quoted literal is read behind such a wrapper.
    const unwrapped = afterCodeWrapping(text, index);
    if (unwrapped !== index) {
      OPENING_QUOTE.lastIndex = unwrapped;
      const wrapped = OPENING_QUOTE.exec(text);
      if (!wrapped) return undefined;
      quote = wrapped[1]!;
      index = OPENING_QUOTE.lastIndex;
    }
  }
  const start = index;
  // Inside a run already known to be too long (`HAWZU_TOKEN=HAWZU_TOKEN=...`), every later start
  // is too long as well: answering from the run's end keeps hostile lines linear.
  if (text === longRun.text && start > longRun.start && start < longRun.end && longRun.end - start > LONGEST_WRITTEN) return undefined;
  // One native regex run instead of a character loop: values are read at every key occurrence.
  VALUE_RUN.lastIndex = start;
  const run = VALUE_RUN.exec(text);
  if (!run) return undefined;
  index = VALUE_RUN.lastIndex;
  if (index - start > LONGEST_WRITTEN) {
    longRun = { text, start, end: runEnd(text, index) };
    return undefined;
  }
  const end = index;
  if (quote) {
    if (!text.startsWith(closingQuote(quote), end)) return undefined;
  } else if (end < text.length && !UNQUOTED_END.test(text[end]!)) {
    ENDS_ENCODED.lastIndex = end;
    if (!ENDS_ENCODED.test(text)) return undefined;
  }
  return { start, end, quote };
}

/** What closes a value opened by `quote`: the same quote, or the mirror of a bracket (`]==]`, `">>`). */
export function closingQuote(quote: string): string {
  const first = quote.charCodeAt(0);
  if (first === 91) return `]${quote.slice(1, -1)}]`;
  if (first === 60) return '">>';
  return quote;
}

const YAML_PROPERTIES = /(?:(?:&[\w-]{1,64}|!!?[\w-]{0,32})[ \t]+){1,2}/y;
// What code may put before a literal: a block comment on the line, an opening parenthesis, a cast
// (`(string)`, `(String)`), a TypeScript assertion (`<string>`), `String.raw` before a backtick,
// a JSX expression holding only a literal (`token={"…"}`), a secret wrapper (pydantic's `SecretStr("…")`),
// PHP's var_dump (`["hawzu_token"]=> string(40) "…"`).
const CODE_WRAPPER =
  /[ \t]*(?:\/\*[^\n]{0,200}?\*\/|\((?:[ \t]*[A-Za-z_][\w.]{0,40}[ \t]*\)(?=[ \t]*[@$"'`(]))?|<[A-Za-z_][\w.]{0,40}(?:\[\])?>|String\.raw(?=`)|\{(?=[ \t]*(["'`])[^"'`\n]{0,1600}\1[ \t]*\})|(?:SecretStr|SecretBytes|SecretString|Secret|SensitiveString)[ \t]*\(|string\(\d{1,4}\)(?=[ \t]*"))/y;
/** What CODE_WRAPPER can start with, `[(/<S{s]`, by character code (NaN, past the end, is none). */
function isWrapperStart(code: number): boolean {
  return code === 40 || code === 47 || code === 60 || code === 83 || code === 123 || code === 115;
}

/**
 * Where a literal wrapped in code starts (after up to four wrappers), or `position` when none is
 * there: a failed plain read pays one character test, so values are still read at every key cheaply.
 */
function afterCodeWrapping(text: string, position: number): number {
  if (!isWrapperStart(text.charCodeAt(position))) return position;
  let index = position;
  for (let count = 0; count < 4; count++) {
    CODE_WRAPPER.lastIndex = index;
    if (!CODE_WRAPPER.test(text)) break;
    index = CODE_WRAPPER.lastIndex;
  }
  while (text[index] === " " || text[index] === "\t") index++;
  return index;
}

/** Where a value run that is already past `from` ends (a loop: a regex would recurse per character). */
function runEnd(text: string, from: number): number {
  let index = from;
  for (;;) {
    const code = text.charCodeAt(index);
    if (code === 37) {
      ENDS_ENCODED.lastIndex = index;
      if (ENDS_ENCODED.test(text)) return index;
      index++;
    } else if (isValueCharacter(code)) index++;
    else if (code === 92 && text[index + 1] === "/") index += 2;
    else if (code === 92 && text.startsWith("u00", index + 1) && /^[0-9a-fA-F]{2}$/.test(text.slice(index + 4, index + 6)) && isValueCharacter(Number.parseInt(text.slice(index + 4, index + 6), 16))) index += 6;
    else return index;
  }
}

/** [A-Za-z0-9-_.~+/=%] by character code. */
function isValueCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 45 || code === 95 || code === 46 || code === 126 || code === 43 || code === 47 || code === 61 || code === 37
  );
}
