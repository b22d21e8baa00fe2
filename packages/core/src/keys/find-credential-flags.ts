/** A command-line flag that names a credential, with where its value starts. */
export interface FlagHit {
  /** The blank or quote before the flag (the flag itself at the start of the text). */
  at: number;
  valueAt: number;
  /** The flag's name without its dashes (`token`, `hawzu-api-key`). */
  flag: string;
}

// Command-line flags with a space before the value: `hawzu-cli login --token <value>`, after a
// blank or a quote (checked by hand: a leading class would make the search try every position).
// In a command's argument list (`["hawzu", "upload", "--token", "<value>"]`) the flag is a quoted
// element and its value the next one: the flag's closing quote (the one it opened with), `,`, blanks.
const CREDENTIAL_FLAG = /--?((?:[\w-]*[-_])?(?:token|api-key|apikey|key|secret|pat))(?:[ \t]+(?=[\w"'/+])|(["'])[ \t]*,[ \t]*(?=["']))/gi;
/**
 * Credential flags of `text`, in order: each a run of [\w-] that starts with `-` after a blank, line
 * break or quote (or at the start) and ends with a credential word (the word right after the
 * dashes or after `-` or `_`), then blanks and a value character. That is what CREDENTIAL_FLAG
 * matches there (`findCredentialFlagsBySearch`, which the property test compares): the expression
 * tried itself at every `-` of a log (each date has two), this reads only the dashes that follow a
 * blank or quote, a few per log.
 */
export function findCredentialFlags(text: string): FlagHit[] {
  const hits: FlagHit[] = [];
  for (let start = text.indexOf("-"); start !== -1; start = text.indexOf("-", start + 1)) {
    if (start > 0 && !isFlagBoundary(text.charCodeAt(start - 1))) continue;
    let end = start + 1;
    while (end < text.length && isFlagNameCharacter(text.charCodeAt(end))) end++;
    const after = text.charCodeAt(end);
    const listed = (after === 34 || after === 39) && start > 0 && text.charCodeAt(start - 1) === after;
    if ((after !== 32 && after !== 9 && !listed) || !endsWithFlagWord(text, start, end)) continue;
    const valueAt = listed ? nextListElement(text, end + 1) : valueAfterBlanks(text, end);
    if (valueAt < 0) continue;
    hits.push({ at: Math.max(0, start - 1), valueAt, flag: text.slice(text[start + 1] === "-" ? start + 2 : start + 1, end) });
  }
  return hits;
}

/** CREDENTIAL_FLAG's hits after a blank or a quote, by the expression's own search: the reference of findCredentialFlags. */
export function findCredentialFlagsBySearch(text: string): FlagHit[] {
  const hits: FlagHit[] = [];
  CREDENTIAL_FLAG.lastIndex = 0;
  for (let flag = CREDENTIAL_FLAG.exec(text); flag; flag = CREDENTIAL_FLAG.exec(text)) {
    // A listed flag's closing quote is the one it opened with.
    if ((flag.index > 0 && !isFlagBoundary(text.charCodeAt(flag.index - 1))) || (flag[2] !== undefined && text[flag.index - 1] !== flag[2])) {
      CREDENTIAL_FLAG.lastIndex = flag.index + 1;
      continue;
    }
    hits.push({ at: Math.max(0, flag.index - 1), valueAt: CREDENTIAL_FLAG.lastIndex, flag: flag[1]! });
  }
  return hits;
}

/** Where the value after a flag's blanks starts, -1 if no value character follows them. */
function valueAfterBlanks(text: string, end: number): number {
  let valueAt = end;
  while (text[valueAt] === " " || text[valueAt] === "\t") valueAt++;
  return valueAt < text.length && isFlagValueStart(text.charCodeAt(valueAt)) ? valueAt : -1;
}

/** Where the next quoted element of a list starts after `,` and blanks (from `from`), -1 if none does. */
function nextListElement(text: string, from: number): number {
  let at = from;
  while (text[at] === " " || text[at] === "\t") at++;
  if (text[at] !== ",") return -1;
  at++;
  while (text[at] === " " || text[at] === "\t") at++;
  return text[at] === '"' || text[at] === "'" ? at : -1;
}

const FLAG_WORDS = ["token", "key", "secret", "pat", "apikey"];

/** True when the run [start, end) (a `-` then [\w-]) ends with a credential word, any ASCII casing, after the dashes or a `-` or `_`. */
function endsWithFlagWord(text: string, start: number, end: number): boolean {
  for (const word of FLAG_WORDS) {
    const wordStart = end - word.length;
    if (wordStart <= start || !isAsciiWord(text, wordStart, end, word)) continue;
    const before = text[wordStart - 1];
    if (before === "-" || before === "_") return true;
  }
  return false;
}

/** True when text[from, to) is `word` (lower case) in any ASCII casing. */
function isAsciiWord(text: string, from: number, to: number, word: string): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    if (lower !== word.charCodeAt(index - from)) return false;
  }
  return true;
}

/** A blank, line break or quote: what a flag follows. */
function isFlagBoundary(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 34 || code === 39;
}

/** [\w-] */
function isFlagNameCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/** [\w"'/+] */
function isFlagValueStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 34 || code === 39 || code === 47 || code === 43;
}
