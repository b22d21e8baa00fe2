import { VerifyError } from "./VerifyError.js";

/**
 * The configured API base URL cannot be used: not a URL, not https (outside loopback), or it
 * carries credentials, a query or a fragment. Thrown before any token is sent.
 */
export class InvalidBaseUrlError extends VerifyError {
  override name = "InvalidBaseUrlError";

  constructor(
    /** The origin of the URL as configured: its path, query and credentials are left out. */
    readonly baseUrl: string,
    /** What is wrong and what to do, one line. */
    readonly reason: string,
  ) {
    super(`Hawzu API URL ${baseUrl} cannot be used: ${reason}`);
  }
}

/** True for an {@link InvalidBaseUrlError}. */
export function isInvalidBaseUrlError(error: unknown): error is InvalidBaseUrlError {
  return error instanceof InvalidBaseUrlError;
}
