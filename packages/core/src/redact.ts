const VISIBLE_CHARACTERS = 4;
// A fixed mask, so the redacted form does not give away the token's length either.
const MASK = "********";

/** The only form of a token any output may show: at most its first 4 characters. */
export function redact(token: string): string {
  const visible = token.length >= 16 ? token.slice(0, VISIBLE_CHARACTERS) : "";
  return visible + MASK;
}
