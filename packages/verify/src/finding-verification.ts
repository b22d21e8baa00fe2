import type { Identity, UnknownReason, VerificationResult, VerificationStatus } from "./verification-result.js";

/** The `verification` field a JSON finding gains with `--verify` (issue 5). */
export interface FindingVerification {
  status: VerificationStatus;
  checkedAt: string;
  /** For `live`: what the API said about the token. */
  identity?: Identity;
  /** For `unknown`: why, as a code and one line for people. */
  reason?: UnknownReason;
  detail?: string;
}

/** Shapes a result for a finding's JSON: only what a reader of that finding needs. */
export function findingVerification(result: VerificationResult): FindingVerification {
  if (result.status === "live") return { status: "live", checkedAt: result.checkedAt, identity: result.identity };
  if (result.status === "inactive") return { status: "inactive", checkedAt: result.checkedAt };
  return { status: "unknown", checkedAt: result.checkedAt, reason: result.reason, detail: result.detail };
}
