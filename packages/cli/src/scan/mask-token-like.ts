import { isCredentialLike, redact } from "@hawzu-scan/core";

// Text shown next to a finding (the lines of a code frame, a commit subject) may hold other
// credentials: a value the core found below the minimum confidence, or on the same line.
const TOKEN_LIKE_RUN = /[A-Za-z0-9\-_.~+/=%]{16,}/g;
// Assignments and query strings glue a name to a value (`HAWZU_TOKEN=…`, `?token=…`): judged apart,
// so the mask covers the value only, not the key name beside it.
const ASSIGNMENT = /([=?&]+)/;
// Inside a URL or path, the pieces between separators.
const PATH_SEPARATOR = /([/.%]+)/;

/** `text` with every credential-like run replaced by its redacted form, and nothing else changed. */
export function maskTokenLike(text: string): string {
  return text.replace(TOKEN_LIKE_RUN, (run) => run.split(ASSIGNMENT).map(maskSegment).join(""));
}

// A segment that looks like a credential as a whole is masked whole (a base64 token may hold `/`
// or `.`); otherwise it may be a URL or path with a token as one of its pieces.
function maskSegment(segment: string): string {
  if (segment.length < 16) return segment;
  if (isCredentialLike(segment)) return redact(segment);
  return segment
    .split(PATH_SEPARATOR)
    .map((piece) => (piece.length >= 16 && isCredentialLike(piece) ? redact(piece) : piece))
    .join("");
}
