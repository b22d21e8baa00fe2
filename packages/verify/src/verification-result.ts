/**
 * What the Hawzu API said about a token's owner, copied field by field from `GET /api/v1/me`
 * (HAWZU.md). Only the fields below are kept; anything else the API returns is dropped, so an
 * unexpected field can never carry a secret into a report.
 */
export interface Identity {
  /** The id of the user or token the API authenticated, e.g. `user_123` or `tok_42`. */
  id: string;
  /** The `type` the API returned, verbatim. Undocumented for tokens (HAWZU.md), so kept as text. */
  type?: string;
  /** The token's label (name) or the user's name. */
  name?: string;
  /** The workspace the token belongs to, with its workspace role when the API gives one. */
  workspace?: { id: string; name?: string; role?: string };
  /** The projects the token is assigned to, each with its role. */
  projects: { id: string; name?: string; role?: string }[];
  /** A top-level role, when the API gives one (a workspace token has one workspace role). */
  role?: string;
  /**
   * `workspace` or `project` when the identity says which access type the token has, otherwise
   * `undetermined`: the API documentation does not say what `type` holds for a token.
   */
  accessType: "workspace" | "project" | "undetermined";
}

/** Why a token's state could not be established. Each is documented in the package README. */
export type UnknownReason =
  | "invalid-token-text"
  | "rate-limited"
  | "server-error"
  | "timeout"
  | "network-error"
  | "unreachable"
  | "redirect"
  | "not-json"
  | "not-an-identity"
  | "body-too-large"
  | "unexpected-status";

/** The token works: the API answered 2xx with a JSON identity body. */
export interface LiveResult {
  status: "live";
  identity: Identity;
  httpStatus: number;
  /** ISO 8601 time of the answer. */
  checkedAt: string;
  /** Requests sent for this token (1 + retries). */
  attempts: number;
}

/**
 * The API refused the token (401, or 403 with a JSON error body). It may be revoked, expired,
 * disabled or never valid: the API does not say which (HAWZU.md), so neither does this result.
 */
export interface InactiveResult {
  status: "inactive";
  httpStatus: number;
  checkedAt: string;
  attempts: number;
}

/** The token's state is not known: never to be read as live or as inactive. */
export interface UnknownResult {
  status: "unknown";
  reason: UnknownReason;
  /** One line for people, e.g. `HTTP 503 after 4 attempts`. Never holds the token. */
  detail: string;
  /** The last HTTP status seen, when there was a response. */
  httpStatus?: number;
  checkedAt: string;
  attempts: number;
}

/** The outcome of checking one token against the Hawzu API. */
export type VerificationResult = LiveResult | InactiveResult | UnknownResult;

/** The three states, in the order reports list them. */
export type VerificationStatus = VerificationResult["status"];
