/**
 * Thrown while rewriting when redact cannot write a faithful masked copy (a codec it cannot
 * re-encode, a zip entry name a writer refuses): the command reports the message, writes nothing
 * and exits 2. The message names the input and what to do; it never holds file text.
 */
export class RedactRefusal extends Error {
  override readonly name = "RedactRefusal";
}

export function isRedactRefusal(error: unknown): error is RedactRefusal {
  return error instanceof RedactRefusal;
}
