export { findTokens } from "./find-tokens.js";
export { createTokenScanner, SKIP_MARGIN, type TokenScanner, type TokenScannerOptions } from "./create-token-scanner.js";
export { hasKeyword } from "./has-keyword.js";
export { HAWZU_CASING_HINTS, holdsKeyword } from "./find-keyword-hits.js";
export { fingerprint } from "./fingerprint.js";
export { redact } from "./redact.js";
export { contexts } from "./contexts/index.js";
export { defineContext } from "./define-context.js";
export { isCredentialLike } from "./candidate/is-credential-like.js";
export { readFoundToken, type FoundTokenSpan } from "./read-found-token.js";
export { findSuppression } from "./suppression.js";
export { isHawzuPath, keywordsFor } from "./resolve-options.js";
export type {
  Confidence,
  ContextMatch,
  ContextWindow,
  DetectionContext,
  Encoding,
  Finding,
  FindOptions,
  ScanResult,
  SuppressedFinding,
} from "./types.js";
