// Words that documentation, templates and tests use instead of a real value. HAWZU.md lists the
// vendor's own placeholders (YOUR_API_TOKEN, <ACCESS_TOKEN>, $HAWZU_ACCESS_TOKEN, ...); the rest
// are the usual suspects. They count only as whole pieces of the value (split at separators,
// digits and case changes), so a random token that happens to contain "mock" is still a token.
const PLACEHOLDER_PIECES = new Set([
  "your", "yours", "changeme", "change", "dummy", "example", "examples", "placeholder", "redacted",
  "sample", "insert", "replace", "here", "fake", "mock", "mocked", "notreal", "todo", "tbd", "fixme",
  "foobar", "foo", "lorem", "ipsum", "qwerty", "masked", "hidden", "invalid", "xxx", "xxxx",
  "testtoken", "yourtoken", "mytoken", "tokenhere", "secretvalue", "tokenvalue", "none", "null",
]);
// Masks and runs that no generator produces: xxxxxx, ******, ..., abcdefgh, 12345678.
const MASK = /x{6,}|X{6,}|\*{3,}|\.\.\.|abcdefgh|12345678|0{8,}/;

const ONE_CASE = /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)$/;

/** True for values that are obviously not real credentials: placeholders, masks, dummies. */
export function isPlaceholder(value: string): boolean {
  if (MASK.test(value)) return true;
  // A whole separator-delimited part (`your-token-here`, `sk_fake_...`, `TOKEN_HERE`)...
  // People write them in one case (`foo`, `FOO`, `Foo`); random text mixes cases (`FOo`, `toDO`).
  for (const part of value.split(/[-_.~+/=]+/)) {
    const word = part.replace(/\d+$/, "");
    if (ONE_CASE.test(word) && PLACEHOLDER_PIECES.has(word.toLowerCase())) return true;
  }
  // ...or a value that starts with a longer one (`EXAMPLEa1b2c3`, `dummyAbc123`)...
  const lower = value.toLowerCase();
  for (const piece of PLACEHOLDER_PIECES) {
    if (piece.length >= 5 && lower.startsWith(piece)) return true;
  }
  // ...or a longer word anywhere (`EXAMPLEa1b2c3`, `myPlaceholderKey`); short ones like "foo"
  // turn up in random tokens by chance.
  const pieces = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!.toLowerCase();
    if (piece.length >= 5 && PLACEHOLDER_PIECES.has(piece)) return true;
    // `testToken`, `TestTokenValue`: a test word directly followed by "token".
    if (piece === "test" && pieces[index + 1]?.toLowerCase() === "token") return true;
  }
  return false;
}
