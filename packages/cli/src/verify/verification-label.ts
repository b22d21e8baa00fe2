import type { FindingVerification } from "@hawzu-scan/verify";

/**
 * One line on what the Hawzu API said, for people, in one shape for every status:
 * `STATUS: what the API said: what to do`. Live tokens name who they authenticate as.
 */
export function verificationLabel(verification: FindingVerification): string {
  if (verification.status === "live") {
    const who = verification.identity?.name ?? verification.identity?.id;
    // A withheld name is already in parentheses: `(withheld: ...)`, not `((withheld: ...))`.
    const named = who ? (who.startsWith("(") ? ` ${who}` : ` (${who})`) : "";
    return `LIVE: the Hawzu API accepts this token${named}: revoke it now`;
  }
  if (verification.status === "inactive") return "inactive: the Hawzu API refuses this token: nothing to revoke, remove it";
  return `unknown: no verdict from the Hawzu API (${verification.detail ?? verification.reason ?? "no answer"}): run --verify again later`;
}
