import type { Agent } from "node:http";
import { HttpsProxyAgent } from "https-proxy-agent";
import { DEFAULT_BASE_URL, meEndpoint } from "./resolve-base-url.js";

/** One request's story, for progress output and statistics. Never holds the token. */
export interface AttemptEvent {
  /** 1 for the first request of a token, 2 for its first retry, ... */
  attempt: number;
  outcome: "response" | "timeout" | "network-error";
  /** The HTTP status, for `response`. */
  httpStatus?: number;
  /** The wait before the next attempt (ms), when one follows. */
  retryInMs?: number;
}

/** Options of {@link verify} and {@link createVerifier}. Every field has a default. */
export interface VerifyOptions {
  /**
   * The API base URL. Default `https://api.hawzu.com`; the CLI passes `--hawzu-url` or
   * `HAWZU_API_URL`. https only, except loopback hosts (127.0.0.0/8, ::1, localhost).
   */
  baseUrl?: string;
  /** Per-request timeout covering connect, headers and body (ms). Default 10 000. */
  timeoutMs?: number;
  /** Retries after a 429, a 5xx or a network error. Default 3 (so at most 4 requests). */
  maxRetries?: number;
  /** Exponential backoff: the first retry waits up to this (ms), with full jitter. Default 500. */
  baseDelayMs?: number;
  /** Longest computed backoff (ms). Default 8 000. */
  maxDelayMs?: number;
  /**
   * The longest `Retry-After` honoured (ms). A server asking for more gets no retry, and the
   * token is `unknown` (rate-limited) rather than retried early. Default 30 000.
   */
  maxRetryAfterMs?: number;
  /**
   * Retry after a timeout too. Default false: a request that used the whole timeout rarely does
   * better at once, and each retry costs another full timeout.
   */
  retryOnTimeout?: boolean;
  /** Called once after each request; for progress output and statistics. */
  onAttempt?: (event: AttemptEvent) => void;
  /**
   * An http(s) proxy for https base URLs, e.g. from `proxyForUrl(url, process.env)` (the CLI reads
   * `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` so). Requests go through a CONNECT tunnel, so the
   * proxy never sees the token; an http (loopback) base URL is never proxied. Default: none.
   */
  proxy?: URL;
}

/** The options with defaults applied, the endpoint resolved once, and the proxy's agent. */
export type ResolvedVerifyOptions = Required<Omit<VerifyOptions, "onAttempt" | "proxy">> &
  Pick<VerifyOptions, "onAttempt"> & {
    /** `GET /api/v1/me` under the base URL. */
    endpoint: URL;
    /** Set when requests go through a proxy. */
    agent?: Agent;
  };

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RETRIES = 3;

export function resolveVerifyOptions(options: VerifyOptions = {}): ResolvedVerifyOptions {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const endpoint = meEndpoint(baseUrl);
  const resolved: ResolvedVerifyOptions = {
    baseUrl,
    endpoint,
    ...(options.proxy && endpoint.protocol === "https:" ? { agent: new HttpsProxyAgent(options.proxy, { keepAlive: false }) } : {}),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    retryOnTimeout: options.retryOnTimeout ?? false,
    onAttempt: options.onAttempt,
  };
  // Retries are capped at 3 by design (issue 5); more would hammer a struggling API.
  if (!Number.isInteger(resolved.maxRetries) || resolved.maxRetries < 0 || resolved.maxRetries > 3) {
    throw new RangeError("maxRetries must be an integer from 0 to 3");
  }
  if (!(resolved.timeoutMs > 0)) throw new RangeError("timeoutMs must be a positive number");
  return resolved;
}
