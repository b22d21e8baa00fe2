/** How long to wait between attempts. */
export interface BackoffOptions {
  /** First retry waits up to this (ms), doubling each time. Default 500. */
  baseDelayMs: number;
  /** No computed wait exceeds this (ms). Default 8000. */
  maxDelayMs: number;
}

/**
 * The wait before retry number `retry` (1-based): "full jitter" exponential backoff, a random
 * time in [0, min(max, base * 2^(retry-1))], so clients that failed together do not retry together.
 */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}
