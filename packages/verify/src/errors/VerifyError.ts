/** Base class of the errors this package throws (configuration mistakes, never API answers). */
export class VerifyError extends Error {
  override name = "VerifyError";
}

/** True for any error thrown by @hawzu-scan/verify. */
export function isVerifyError(error: unknown): error is VerifyError {
  return error instanceof VerifyError;
}
