import { isCredentialLike } from "@hawzu-scan/core";

// Runs of token characters, split at the separators of URLs and assignments (`?access_token=...`).
const TOKEN_RUN = /[A-Za-z0-9\-_.~+/%]{20,}/g;

/**
 * Message text built from the code (a client's URL, a callee's source) can hold a credential; every
 * credential-like run in it is replaced, so an ESLint message never carries a token.
 */
export function withoutTokens(text: string): string {
  return text.replace(TOKEN_RUN, (run) => (isCredentialLike(run) ? "[redacted]" : run));
}
