export { verify } from "./verify.js";
export { createVerifier, type Verifier, type VerifierOptions, type VerifierStats, type TokenToVerify } from "./create-verifier.js";
export type { AttemptEvent, VerifyOptions } from "./verify-options.js";
export { DEFAULT_TIMEOUT_MS, DEFAULT_MAX_RETRIES } from "./verify-options.js";
export { BASE_URL_VARIABLE, DEFAULT_BASE_URL, checkBaseUrl, isLoopbackHost, meEndpoint, type BaseUrlCheck } from "./resolve-base-url.js";
export { UNREACHABLE_AFTER } from "./verify.js";
export { proxyForUrl, type ProxyChoice, type ProxyEnvironment } from "./http/proxy-for-url.js";
export { findingVerification, type FindingVerification } from "./finding-verification.js";
export { renderRevocationReport, type RevocationReportOptions } from "./render-revocation-report.js";
export { REVOCATION_REPORT_VERSION } from "./revocation/render-json.js";
export type { RevocationEntry, TokenLocation } from "./revocation/revocation-entry.js";
export { USER_AGENT, VERSION } from "./version.js";
export { VerifyError, isVerifyError } from "./errors/VerifyError.js";
export { InvalidBaseUrlError, isInvalidBaseUrlError } from "./errors/InvalidBaseUrlError.js";
export type {
  Identity,
  InactiveResult,
  LiveResult,
  UnknownReason,
  UnknownResult,
  VerificationResult,
  VerificationStatus,
} from "./verification-result.js";
