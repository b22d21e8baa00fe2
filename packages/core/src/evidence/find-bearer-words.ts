
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
// HTTPie names the scheme and passes the token in the next flag: `http -A bearer -a <token> <url>`,
// `--auth-type=bearer --auth=<token>`: the value starts after that flag.
const AUTH_FLAG = /(?:-a|--auth)(?:[ \t]+|=)/y;

/** Where the value after a scheme word starts: past HTTPie's `-a`/`--auth` flag when one is there. */
function afterAuthFlag(text: string, valueAt: number): number {
  if (text.charCodeAt(valueAt) !== 45) return valueAt;
  AUTH_FLAG.lastIndex = valueAt;
  return AUTH_FLAG.test(text) ? AUTH_FLAG.lastIndex : valueAt;
}

/**
 * Every scheme word in `text`, in order. One case-insensitive search: V8 runs it from the words'
 * letters, faster than finding "bearer" and "token" in a lower-cased copy and confirming each
 * (measured on the dense benchmark log: 21 against 61 ms for 32 MB, the copy included). `test`
 * gives no match array (a log says Bearer or Token on every third line): the word and the form are
 * read back from where the match ends, past the blanks and the `", "` of the two-argument form, to
 * the word's last letter (`r` ends Bearer, `n` ends Token). `findBearerWordsBySearch` reads them
 * from the match arrays; the property test compares the two.
 */
export function findBearerWords(text: string): BearerWord[] {
  const words: BearerWord[] = [];
  SCHEME_WORD.lastIndex = 0;
  while (SCHEME_WORD.test(text)) {
    const valueAt = SCHEME_WORD.lastIndex;
    let wordEnd = valueAt;
    let twoArguments = false;
    for (;;) {
      const code = text.charCodeAt(wordEnd - 1);
      if (code === 44) twoArguments = true;
      else if (code !== 32 && code !== 9 && code !== 34 && code !== 39) break;
      wordEnd--;
    }
    const isBearer = (text.charCodeAt(wordEnd - 1) | 32) === 114;
    words.push({ at: wordEnd - (isBearer ? 6 : 5), valueAt: afterAuthFlag(text, valueAt), isBearer, twoArguments });
  }
  return words;
}

/** SCHEME_WORD's matches read from its match arrays: the reference of findBearerWords. */
export function findBearerWordsBySearch(text: string): BearerWord[] {
  const words: BearerWord[] = [];
  SCHEME_WORD.lastIndex = 0;
  for (let word = SCHEME_WORD.exec(text); word; word = SCHEME_WORD.exec(text)) {
    const first = word[0].charCodeAt(0);
    words.push({ at: word.index, valueAt: afterAuthFlag(text, SCHEME_WORD.lastIndex), isBearer: first === 66 || first === 98, twoArguments: word[1] !== undefined });
  }
  return words;
}
