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
 */
export function findCredentialAssignments(text: string, from = 0, to = text.length): Assignment[] {
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

/** [\w.\-@$] by character code: this runs back over every key of a log (a regex test per character cost more). */
function isKeyCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 95 || code === 46 || code === 45 || code === 64 || code === 36
  );
}
