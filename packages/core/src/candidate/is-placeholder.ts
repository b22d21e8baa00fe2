// Words that documentation, templates and tests use instead of a real value. HAWZU.md lists the
// vendor's own placeholders (YOUR_API_TOKEN, <ACCESS_TOKEN>, ...); the rest are the usual suspects.
const PLACEHOLDER_WORDS =
  /your|xxxx|\*\*\*|changeme|change[-_]?me|dummy|example|placeholder|redacted|sample|insert|replace|token[-_]?here|key[-_]?here|here$|^here|test[-_]?token|fake|mock|notreal|not[-_]a[-_]|todo|foobar|lorem|abcdefgh|12345678|qwerty|secret[-_]?value|token[-_]?value|masked|hidden|invalid|\.\.\./i;

/** True for values that are obviously not real credentials: placeholders, masks, dummies. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER_WORDS.test(value);
}
