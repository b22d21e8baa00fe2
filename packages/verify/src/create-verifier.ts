import { fingerprint as fingerprintOf } from "@hawzu-scan/core";
import { createLimiter } from "./create-limiter.js";
import type { VerificationResult } from "./verification-result.js";
import { createPacer, verifyResolved } from "./verify.js";
import { resolveVerifyOptions, type AttemptEvent, type VerifyOptions } from "./verify-options.js";

/** Options of {@link createVerifier}: those of `verify`, plus the concurrency limit. */
export interface VerifierOptions extends VerifyOptions {
  /** Tokens checked at once. Default 4. */
  concurrency?: number;
}

/** One token to check, with the fingerprint the core gave its findings. */
export interface TokenToVerify {
  token: string;
  /** `sha256:<hex>` of the token, as in `Finding.fingerprint`; computed when omitted. */
  fingerprint?: string;
}

/** What a verifier has sent so far, for a summary line or a benchmark. */
export interface VerifierStats {
  /** Distinct tokens checked (cache misses). */
  tokens: number;
  /** HTTP requests started, retries included. */
  requests: number;
  /** Responses with status 429. */
  rateLimited: number;
  /** Requests that were retries. */
  retries: number;
  /** The most requests in flight at once. */
  peakConcurrency: number;
  /**
   * Set when the run stopped sending because connections kept failing: the error code of the
   * failures (`ECONNREFUSED`, `ENOTFOUND`, a TLS certificate code, `timeout`, ...).
   */
  unreachable?: string;
}

/** Checks the tokens of one run: each distinct token at most once, a few at a time. */
export interface Verifier {
  /** The result for `token`, from the run's cache when it was checked before (or is being checked). */
  verify(token: string, fingerprint?: string): Promise<VerificationResult>;
  /** Results for a list of tokens, in the same order; duplicates are checked once. */
  verifyFindings(items: readonly TokenToVerify[]): Promise<VerificationResult[]>;
  /** A snapshot of what was sent so far. */
  stats(): VerifierStats;
}

/**
 * Creates the verifier of one run. Validates the options and base URL at once (throws
 * {@link InvalidBaseUrlError} or RangeError), so the CLI can fail before scanning.
 * The cache is keyed by fingerprint, so a token found in 50 files is sent once, even when those
 * findings are verified concurrently: the second caller gets the first caller's promise.
 */
export function createVerifier(options: VerifierOptions = {}): Verifier {
  const limiter = createLimiter(options.concurrency ?? 4);
  const counts = { requests: 0, rateLimited: 0, retries: 0 };
  const onAttempt = (event: AttemptEvent) => {
    counts.requests++;
    if (event.attempt > 1) counts.retries++;
    if (event.httpStatus === 429) counts.rateLimited++;
    options.onAttempt?.(event);
  };
  const resolved = resolveVerifyOptions({ ...options, onAttempt });
  const pacer = createPacer();
  const cache = new Map<string, Promise<VerificationResult>>();

  const verifier: Verifier = {
    verify(token, fingerprint) {
      const key = fingerprintOf(token);
      // A mismatch means the caller paired a token with another finding: a programming mistake.
      if (fingerprint !== undefined && fingerprint !== key) {
        return Promise.reject(new TypeError("the token does not match the given fingerprint"));
      }
      let result = cache.get(key);
      if (!result) {
        result = limiter.run(() => verifyResolved(token, resolved, pacer));
        cache.set(key, result);
      }
      return result;
    },
    verifyFindings(items) {
      return Promise.all(items.map((item) => verifier.verify(item.token, item.fingerprint)));
    },
    stats() {
      return { tokens: cache.size, ...counts, peakConcurrency: limiter.peak, ...(pacer.unreachable === undefined ? {} : { unreachable: pacer.unreachable }) };
    },
  };
  return verifier;
}
