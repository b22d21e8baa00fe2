/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3: delay-seconds or an HTTP date) as milliseconds
 * from `now`. Returns undefined when absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only an HTTP date counts; `Date.parse` alone would also accept things like "5.5" or "1 2".
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
