/** Where the word "hawzu" occurs, skipping this tool's own name (`hawzu-scan`, its directives). */
const HAWZU_WORD = /hawzu(?!-scan)/gi;

export function findHawzuWords(text: string): number[] {
  const found: number[] = [];
  // `test` and the fixed match length (five letters, then a look-ahead) give each start without a
  // match array: a hostile line holds millions of them. (Three indexOf cursors, one per usual
  // casing, were slower: a call of indexOf costs about 30 ns, this expression's test about 65.)
  HAWZU_WORD.lastIndex = 0;
  while (HAWZU_WORD.test(text)) found.push(HAWZU_WORD.lastIndex - 5);
  return found;
}

/** [A-Za-z0-9_.-], by character code: this runs at every mention. */
function isKeyCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}
const LONGEST_KEY = 100;
const isDashOrDot = (code: number) => code === 45 || code === 46;

/** The identifier-like run of characters around a "hawzu" at `index` (e.g. `HAWZU_ACCESS_TOKEN`). */
export function expandKey(text: string, index: number, minimumLength = 5): { start: number; end: number } {
  let start = index;
  while (start > 0 && index - start < LONGEST_KEY && isKeyCharacter(text.charCodeAt(start - 1))) start--;
  let end = index + minimumLength;
  while (end < text.length && end - index < LONGEST_KEY && isKeyCharacter(text.charCodeAt(end))) end++;
  // Flags (`--hawzu-token`) and trailing dots (`hawzu.`) are not part of the name.
  while (start < end && isDashOrDot(text.charCodeAt(start))) start++;
  while (end > start && isDashOrDot(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Each distinct identifier-like key around a "hawzu", once however often it says hawzu. */
export function findHawzuKeys(text: string, words: readonly number[] = findHawzuWords(text)): Array<{ start: number; end: number }> {
  const keys: Array<{ start: number; end: number }> = [];
  let coveredUntil = -1;
  for (let word = 0; word < words.length; word++) {
    const index = words[word]!;
    if (index < coveredUntil) continue;
    const key = expandKey(text, index);
    coveredUntil = key.end;
    keys.push(key);
  }
  return keys;
}
