// A URL that only says where a request came from or where to go next is not where it was sent:
// a Referer or Origin (as a header, or the quoted field after status and size in a combined
// access-log line), or a query value (`?callback=https://…`).
const REFERRER_BEFORE = /(?:(?:referr?er|origin)["']?[ \t]*[:=][ \t]*["']?|"[ \t]+\d{3}[ \t]+(?:\d+|-)[ \t]+")$/i;
const URL_CHARACTERS_BACK = 256;

/** True when the URL starting at `urlStart` is a Referer, an Origin or a query value, not a request target. */
export function isNotRequestTarget(text: string, urlStart: number): boolean {
  const before = text[urlStart - 1];
  if (before === "=" || before === "&") return true;
  if (before !== '"' && before !== "'" && before !== " " && before !== "\t" && before !== ":") return false;
  return REFERRER_BEFORE.test(text.slice(Math.max(0, urlStart - 24), urlStart));
}

/** True when the word at `position` sits in a URL that is no request target (`"https://app.hawzu.com/…"` as a Referer). */
export function isInNonTargetUrl(text: string, position: number): boolean {
  // A host label follows `.`, `/` or `-`; a bare word (most mentions) is no URL's.
  const previous = text[position - 1];
  if (previous !== "." && previous !== "/" && previous !== "-") return false;
  let start = position;
  while (start > 0 && position - start < URL_CHARACTERS_BACK && !isUrlEnd(text.charCodeAt(start - 1))) start--;
  if (!/^(?:https?|wss?):\/\//i.test(text.slice(start, start + 8))) return false;
  return isNotRequestTarget(text, start);
}

/** Blank, quote, `<`, `>`, `=` or `&`: what a URL in a log or a query value starts after. */
function isUrlEnd(code: number): boolean {
  return code <= 32 || code === 34 || code === 39 || code === 60 || code === 62 || code === 61 || code === 38;
}
