import { backoffDelay } from "./backoff-delay.js";
import { classifyResponse, type ResponseMeaning } from "./classify-response.js";
import { sendRequest } from "./http/send-request.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import type { UnknownReason, VerificationResult } from "./verification-result.js";
import { resolveVerifyOptions, type AttemptEvent, type ResolvedVerifyOptions, type VerifyOptions } from "./verify-options.js";
import { USER_AGENT } from "./version.js";
import { withholdToken } from "./withhold-token.js";

// An identity or error body is a few kB; anything far larger is not the API's answer.
const MAX_BODY_BYTES = 1024 * 1024;
// A header value may hold visible ASCII only; anything else could not be sent as sent by the user.
const SENDABLE_TOKEN = /^[\x21-\x7e]+$/;

/** After this many failed connections in a row (any tokens), the API is taken to be unreachable. */
export const UNREACHABLE_AFTER = 4;

/**
 * Shared by the requests of one verifier. After a 429 with `Retry-After`, no request of the run
 * starts before `notBefore`, so one rate limit does not cost every concurrent request a 429. After
 * {@link UNREACHABLE_AFTER} connection failures in a row (refused, DNS, TLS, timeouts) the API is
 * taken to be unreachable: the rest of the run sends nothing (40 tokens against a refused port
 * would otherwise wait out 4 attempts with backoff each).
 */
export interface Pacer {
  notBefore: number;
  /** Connection failures in a row; any answer resets it. */
  failuresInRow: number;
  /** The error code (or `timeout`) that made the run stop sending. */
  unreachable?: string;
}

/** A fresh pacer for one run. */
export function createPacer(): Pacer {
  return { notBefore: 0, failuresInRow: 0 };
}

/**
 * Asks `GET {baseUrl}/api/v1/me` whether `token` is live. Never rejects for anything the network
 * or the API does: every such case is a {@link VerificationResult}. Rejects only for a programming
 * or configuration mistake (an unusable base URL: {@link InvalidBaseUrlError}; bad options:
 * RangeError), before sending anything. The token is sent in the Authorization header only,
 * never follows a redirect, and appears in no result or error.
 */
export async function verify(token: string, options: VerifyOptions = {}): Promise<VerificationResult> {
  return verifyResolved(token, resolveVerifyOptions(options), createPacer());
}

/** {@link verify} with options already resolved (endpoint included) and a pacer shared across a run. */
export async function verifyResolved(token: string, options: ResolvedVerifyOptions, pacer: Pacer): Promise<VerificationResult> {
  if (!SENDABLE_TOKEN.test(token)) {
    return unknown("invalid-token-text", "the token has spaces or non-ASCII characters and cannot be sent in a header", 0);
  }
  const headers = { authorization: `Bearer ${token}`, accept: "application/json", "user-agent": USER_AGENT };
  let last: { reason: UnknownReason; detail: string; httpStatus?: number } = { reason: "network-error", detail: "no request sent" };
  for (let attempt = 1; ; attempt++) {
    await sleep(pacer.notBefore - Date.now());
    if (pacer.unreachable !== undefined) {
      const why = `${UNREACHABLE_AFTER} connections in a row failed (${pacer.unreachable}), so the API looks unreachable`;
      const detail = attempt === 1 ? `not sent: ${why}` : `no more retries: ${why}`;
      return unknown("unreachable", detail, attempt - 1);
    }
    const outcome = await sendRequest({ url: options.endpoint, headers, timeoutMs: options.timeoutMs, maxBodyBytes: MAX_BODY_BYTES, agent: options.agent });
    // A reset after the response began is the API misbehaving, not an API out of reach.
    if (outcome.kind === "response" || (outcome.kind === "network-error" && outcome.answered)) pacer.failuresInRow = 0;
    else if (++pacer.failuresInRow >= UNREACHABLE_AFTER) pacer.unreachable ??= outcome.kind === "timeout" ? "timeout" : outcome.code;

    let retryAfterMs: number | undefined;
    let retryable: boolean;
    let settled: VerificationResult | undefined;
    if (outcome.kind === "response") {
      const meaning: ResponseMeaning = classifyResponse({
        status: outcome.status,
        contentType: outcome.headers["content-type"],
        body: outcome.body,
        truncated: outcome.truncated,
        location: outcome.headers.location,
      });
      if (meaning.kind === "live") settled = { status: "live", identity: withholdToken(meaning.identity, token), httpStatus: outcome.status, checkedAt: now(), attempts: attempt };
      else if (meaning.kind === "inactive") settled = { status: "inactive", httpStatus: outcome.status, checkedAt: now(), attempts: attempt };
      else last = { reason: meaning.reason, detail: meaning.detail, httpStatus: outcome.status };
      retryable = meaning.kind === "retry";
      if (retryable) retryAfterMs = parseRetryAfter(header(outcome.headers["retry-after"]), Date.now());
    } else if (outcome.kind === "timeout") {
      last = { reason: "timeout", detail: `no complete answer within ${options.timeoutMs} ms` };
      retryable = options.retryOnTimeout;
    } else {
      last = { reason: "network-error", detail: `network error ${outcome.code}` };
      retryable = true;
    }

    // One decision per attempt, then one onAttempt call: the result, or the wait before a retry.
    let waitMs: number | undefined;
    if (!settled) {
      if (!retryable || attempt > options.maxRetries) {
        settled = unknown(last.reason, last.detail + (attempt === 1 ? "" : ` after ${attempt} attempts`), attempt, last.httpStatus);
      } else if (retryAfterMs !== undefined && retryAfterMs > options.maxRetryAfterMs) {
        const detail = `${last.detail}; the API asked to wait ${Math.ceil(retryAfterMs / 1000)} s, longer than the ${Math.ceil(options.maxRetryAfterMs / 1000)} s the verifier waits`;
        settled = unknown(last.reason, detail, attempt, last.httpStatus);
      } else {
        // Retry-After is the server's own word: honour it, with a little jitter so waiters spread out.
        waitMs =
          retryAfterMs !== undefined
            ? retryAfterMs + backoffDelay(1, { baseDelayMs: Math.min(options.baseDelayMs, 250), maxDelayMs: options.maxDelayMs })
            : backoffDelay(attempt, options);
        if (retryAfterMs !== undefined) pacer.notBefore = Math.max(pacer.notBefore, Date.now() + retryAfterMs);
      }
    }
    const event: AttemptEvent = {
      attempt,
      outcome: outcome.kind,
      ...(outcome.kind === "response" ? { httpStatus: outcome.status } : {}),
      ...(waitMs === undefined ? {} : { retryInMs: waitMs }),
    };
    options.onAttempt?.(event);
    if (settled) return settled;
    await sleep(waitMs ?? 0);
  }
}

function unknown(reason: UnknownReason, detail: string, attempts: number, httpStatus?: number): VerificationResult {
  return { status: "unknown", reason, detail, ...(httpStatus === undefined ? {} : { httpStatus }), checkedAt: now(), attempts };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function now(): string {
  return new Date().toISOString();
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
