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
const CREDENTIAL_FLAG = /--?((?:[\w-]*[-_])?(?:token|api-key|apikey|key|secret|pat))[ \t]+(?=[\w"'/+])/gi;
/**
 * Credential flags of `text`, in order, after a blank or a quote. With `lower` (the text
 * lower-cased, same length), found from the credential words instead of by the expression.
 */
export function findCredentialFlags(text: string, lower?: string): FlagHit[] {
  return lower !== undefined && lower.length === text.length ? flagsAtWords(text, lower) : flagsBySearch(text);
}

/** CREDENTIAL_FLAG's hits after a blank or a quote, by one search over the text. */
function flagsBySearch(text: string): FlagHit[] {
  const hits: FlagHit[] = [];
  CREDENTIAL_FLAG.lastIndex = 0;
  for (let flag = CREDENTIAL_FLAG.exec(text); flag; flag = CREDENTIAL_FLAG.exec(text)) {
    if (flag.index > 0 && !isFlagBoundary(text.charCodeAt(flag.index - 1))) {
      CREDENTIAL_FLAG.lastIndex = flag.index + 1;
      continue;
    }
    hits.push({ at: Math.max(0, flag.index - 1), valueAt: CREDENTIAL_FLAG.lastIndex, flag: flag[1]! });
  }
  return hits;
}

// Each word is searched from a rare letter where it has one: `indexOf` skips to the search's first
// character, and a log has ten `t` for each `k` ("token" is found as "ken" after "to").
const FLAG_WORDS: ReadonlyArray<[word: string, searchFrom: number]> = [["token", 2], ["key", 0], ["secret", 0], ["pat", 0]];

/**
 * The same hits, found from the credential words (in the lower-cased text) that a blank follows:
 * the search above tries its expression at every `-` of a log (each date has two), for a few
 * flags. A hit is a run of [\w-] that starts with `-` after a blank or quote (a `-` inside a run is
 * refused above) and ends with the word, the word right after the dashes or after `-` or `_`;
 * then blanks and a value character. That is what CREDENTIAL_FLAG matches there, so the hits are
 * the same (the property test compares both).
 */
function flagsAtWords(text: string, lower: string): FlagHit[] {
  const hits: FlagHit[] = [];
  for (const [word, searchFrom] of FLAG_WORDS) {
    const tail = word.slice(searchFrom);
    for (let found = lower.indexOf(tail); found !== -1; found = lower.indexOf(tail, found + 1)) {
      const index = found - searchFrom;
      if (index < 0 || (searchFrom > 0 && !lower.startsWith(word, index))) continue;
      const end = index + word.length;
      const after = text.charCodeAt(end);
      if (after !== 32 && after !== 9) continue;
      let start = index;
      while (start > 0 && isFlagNameCharacter(text.charCodeAt(start - 1))) start--;
      if (text[start] !== "-" || (start > 0 && !isFlagBoundary(text.charCodeAt(start - 1)))) continue;
      const wordStarts = word === "key" && lower.startsWith("api", index - 3) ? [index, index - 3] : [index];
      if (!wordStarts.some((wordStart) => isAsciiWord(text, wordStart, end) && (wordStart === start + 1 || (wordStart - 1 > start && (text[wordStart - 1] === "-" || text[wordStart - 1] === "_"))))) continue;
      let valueAt = end;
      while (text[valueAt] === " " || text[valueAt] === "\t") valueAt++;
      if (valueAt >= text.length || !isFlagValueStart(text.charCodeAt(valueAt))) continue;
      hits.push({ at: Math.max(0, start - 1), valueAt, flag: text.slice(text[start + 1] === "-" ? start + 2 : start + 1, end) });
    }
  }
  return hits.sort((a, b) => a.at - b.at);
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

/** True when text[from, to) is ASCII (the lower-cased copy may hold an ASCII letter for another: the Kelvin sign). */
function isAsciiWord(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (text.charCodeAt(index) > 127) return false;
  return true;
}

