import { isCredentialLike } from "@hawzu-scan/core";
import { shownUrl } from "../ast/find-hawzu-target.js";

// Runs of token characters, split at the separators of URLs and assignments (`?access_token=...`).
const TOKEN_RUN = /[A-Za-z0-9\-_.~+/%]{20,}/g;
// A URL written anywhere in the text (a callee's source, a description): its secrets are dropped.
const URL_IN_TEXT = /\b[a-z][\w+.-]*:\/\/[^\s"'`<>()]+/gi;

/**
 * Message text built from the code (a client's URL, a callee's source) can hold a credential: every
 * URL keeps only its scheme, host and path, and every credential-like run left is replaced, so an
 * ESLint message never carries a token, a password or a signed query.
 */
export function withoutTokens(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => shownUrl(url)).replace(TOKEN_RUN, withoutCredentialPieces);
}

// A base64 token may hold `/` and `.`, so a run is judged whole first; else each piece of a host or
// path (`api.example.com/v1/<token>`) is judged on its own.
function withoutCredentialPieces(run: string): string {
  if (isCredentialLike(run)) return "[redacted]";
  return run
    .split(/([/.]+)/)
    .map((piece) => (piece.length >= 16 && isCredentialLike(piece) ? "[redacted]" : piece))
    .join("");
}
