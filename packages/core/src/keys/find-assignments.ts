import { mayHoldToken, mayStartLongValue, readValue, type WrittenValue } from "../candidate/read-value.js";

/** `key = value`, `key: value`, `"key": "value"`, `key := value`, `key => value` in any syntax. */
export interface Assignment {
  key: string;
  keyStart: number;
  value: WrittenValue;
}

// A credential word ending a key (optionally quoted), then one of the assignment operators of
// shell, .env, YAML, JSON, TOML, INI, properties, HCL, Go, Ruby/PHP/Perl. Searching from the
// credential word keeps the regex off the many `"level":`-style keys of a JSON log.
// `==`, `::` and `https://` are not assignments; a value may start with `/` (base64).
const CREDENTIAL_ASSIGNMENT =
  /((?:token|tokens|key|secret|pat|bearer|auth|authorization|credentials?)(?:value|prod|production|staging|dev|test|ci|v\d+|\d+)?)(\\*["'`]?)[ \t]*(?::=|=>|=(?!=)|:(?!:|\/\/))/gi;
const TYPE_THEN_EQUALS = /[ \t]*[A-Za-z_][\w.]{0,40}(?:\[[\w., ]{0,40}\]|<[\w., ]{0,40}>)?\??[ \t]*=(?![=>])/y;
const LONGEST_KEY = 80;

/**
 * Every assignment in `text[from, to)` of a plain value long enough to be a token (`mayHoldToken`)
 * whose key ends in a credential word (`token`, `API_KEY`, `accessToken`, `"secret"`); the caller
 * decides which keys count. A shorter value could never become a finding, and a log is full of
 * `Authorization: Bearer` and `"token": null`: those are dropped before their key and value are read.
 *
 * The expression finds them (`test`, no match array: this runs at every credential word of a log)
 * and its groups are read back from the operator: between the credential word and the operator a
 * match holds only backslashes, one quote and blanks, and it starts at the leftmost credential word
 * that ends where they start. `findCredentialAssignmentsBySearch` reads the groups from the match
 * arrays; the property test compares the two.
 */
export function findCredentialAssignments(text: string, from = 0, to = text.length): Assignment[] {
  const found: Assignment[] = [];
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  CREDENTIAL_ASSIGNMENT.lastIndex = 0;
  while (CREDENTIAL_ASSIGNMENT.test(region)) {
    const operatorEnd = CREDENTIAL_ASSIGNMENT.lastIndex;
    let valueAt = operatorEnd;
    // A typed declaration: `api_token: str = "…"`, `token: SecretStr = …`, `apiKey: string = "…"`.
    if (region[valueAt - 1] === ":") {
      TYPE_THEN_EQUALS.lastIndex = valueAt;
      if (TYPE_THEN_EQUALS.test(region)) valueAt = TYPE_THEN_EQUALS.lastIndex;
    }
    if (!mayStartLongValue(region, valueAt)) continue;
    // `:=` and `=>` are the two-character operators (a `:` or `=` cannot stand before one).
    const last = region.charCodeAt(operatorEnd - 1);
    const beforeLast = region.charCodeAt(operatorEnd - 2);
    const operator = (last === 61 && beforeLast === 58) || (last === 62 && beforeLast === 61) ? operatorEnd - 2 : operatorEnd - 1;
    let quoteEnd = operator;
    while (region.charCodeAt(quoteEnd - 1) === 32 || region.charCodeAt(quoteEnd - 1) === 9) quoteEnd--;
    let wordEnd = quoteEnd;
    if (isQuoteCharacter(region.charCodeAt(wordEnd - 1))) wordEnd--;
    while (region.charCodeAt(wordEnd - 1) === 92) wordEnd--;
    const matchStart = credentialWordStart(region, wordEnd);
    // The key is the identifier run that ends with the credential word.
    let keyStart = matchStart;
    while (keyStart > 0 && matchStart - keyStart < LONGEST_KEY && isKeyCharacter(region.charCodeAt(keyStart - 1))) keyStart--;
    // The word must end the key (`tokenizer:` is not `token:`) and a closing quote needs its opening one.
    if (quoteEnd > wordEnd && !closingQuoteIsOpened(region, keyStart, quoteEnd)) continue;
    const value = readValue(region, valueAt);
    if (!value || !mayHoldToken(value)) continue;
    found.push({
      key: region.slice(keyStart, wordEnd),
      keyStart: from + keyStart,
      value: { start: from + value.start, end: from + value.end, quote: value.quote },
    });
  }
  return found;
}

/** CREDENTIAL_ASSIGNMENT's matches read from its match arrays: the reference of findCredentialAssignments. */
export function findCredentialAssignmentsBySearch(text: string, from = 0, to = text.length): Assignment[] {
  const found: Assignment[] = [];
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  CREDENTIAL_ASSIGNMENT.lastIndex = 0;
  for (let match = CREDENTIAL_ASSIGNMENT.exec(region); match; match = CREDENTIAL_ASSIGNMENT.exec(region)) {
    let valueAt = CREDENTIAL_ASSIGNMENT.lastIndex;
    // A typed declaration: `api_token: str = "…"`, `token: SecretStr = …`, `apiKey: string = "…"`.
    if (region[valueAt - 1] === ":") {
      TYPE_THEN_EQUALS.lastIndex = valueAt;
      if (TYPE_THEN_EQUALS.test(region)) valueAt = TYPE_THEN_EQUALS.lastIndex;
    }
    if (!mayStartLongValue(region, valueAt)) continue;
    const wordEnd = match.index + match[1]!.length;
    // The key is the identifier run that ends with the credential word.
    let keyStart = match.index;
    while (keyStart > 0 && match.index - keyStart < LONGEST_KEY && isKeyCharacter(region.charCodeAt(keyStart - 1))) keyStart--;
    // The word must end the key (`tokenizer:` is not `token:`) and a closing quote needs its opening one.
    const quote = match[2]!;
    if (quote && !region.slice(Math.max(0, keyStart - quote.length), keyStart).endsWith(quote.replace(/^\\+/, ""))) continue;
    const value = readValue(region, valueAt);
    if (!value || !mayHoldToken(value)) continue;
    found.push({
      key: region.slice(keyStart, wordEnd),
      keyStart: from + keyStart,
      value: { start: from + value.start, end: from + value.end, quote: value.quote },
    });
  }
  return found;
}

/** `"`, `'` or a backtick. */
function isQuoteCharacter(code: number): boolean {
  return code === 34 || code === 39 || code === 96;
}

/**
 * The quote check of the expression's caller: the quote written between the word and the operator
 * (ending at `quoteEnd`, backslashes and all), stripped of its leading backslashes, must close one
 * written right before the key.
 */
function closingQuoteIsOpened(text: string, keyStart: number, quoteEnd: number): boolean {
  const last = text.charCodeAt(quoteEnd - 1);
  // Backslashes alone strip to "", which every text ends with.
  if (!isQuoteCharacter(last)) return true;
  // Stripped, it is its one quote character: the character before the key must be that quote.
  return keyStart > 0 && text.charCodeAt(keyStart - 1) === last;
}

const CREDENTIAL_WORDS = ["token", "tokens", "key", "secret", "pat", "bearer", "auth", "authorization", "credential", "credentials"];
const WORD_SUFFIXES = ["value", "prod", "production", "staging", "dev", "test", "ci"];

/**
 * CREDENTIAL_ASSIGNMENT's word group read backwards, as a trie over lower-case letters: from
 * LETTER_END, a credential word with an optional word suffix (`tokenvalue`, `secretprod`); from
 * DIGITS_END, what may stand before a digit suffix (`token` of `token2`, `tokenv` of `tokenv2`).
 * A match's groups cost a few steps down it.
 */
const TRIE_LETTERS = 26;
const trieChildren: number[] = [];
const trieAccepts: number[] = [];
const newTrieState = (): number => {
  for (let letter = 0; letter < TRIE_LETTERS; letter++) trieChildren.push(0);
  trieAccepts.push(0);
  return trieAccepts.length - 1;
};
const LETTER_END = newTrieState();
const DIGITS_END = newTrieState();
const addReversed = (root: number, written: string): void => {
  let state = root;
  for (let index = written.length - 1; index >= 0; index--) {
    const slot = state * TRIE_LETTERS + written.charCodeAt(index) - 97;
    if (trieChildren[slot] === 0) trieChildren[slot] = newTrieState();
    state = trieChildren[slot]!;
  }
  trieAccepts[state] = 1;
};
for (const word of CREDENTIAL_WORDS) {
  addReversed(LETTER_END, word);
  for (const suffix of WORD_SUFFIXES) addReversed(LETTER_END, word + suffix);
  addReversed(DIGITS_END, word);
  addReversed(DIGITS_END, word + "v");
}
const TRIE_CHILDREN = Int32Array.from(trieChildren);
const TRIE_ACCEPTS = Uint8Array.from(trieAccepts);

/**
 * Where CREDENTIAL_ASSIGNMENT's word group (a credential word, then an optional suffix: `value`,
 * an environment, `v2`, `2`) starts when it ends at `end`, in any ASCII casing: the leftmost start,
 * as the expression tries starts from the left; -1 when no word ends there.
 */
function credentialWordStart(text: string, end: number): number {
  let position = end;
  let state = LETTER_END;
  while (position > 0 && isDigit(text.charCodeAt(position - 1))) {
    position--;
    state = DIGITS_END;
  }
  let start = -1;
  while (position > 0) {
    const letter = (text.charCodeAt(position - 1) | 32) - 97;
    if (letter < 0 || letter >= TRIE_LETTERS) break;
    state = TRIE_CHILDREN[state * TRIE_LETTERS + letter]!;
    if (state === 0) break;
    position--;
    if (TRIE_ACCEPTS[state] === 1) start = position;
  }
  return start;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** [\w.\-@$] by character code: this runs back over every key of a log (a regex test per character cost more). */
function isKeyCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 95 || code === 46 || code === 45 || code === 64 || code === 36
  );
}
