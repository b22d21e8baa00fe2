import type { FindingVerification } from "@hawzu-scan/verify";

/** One line on what the Hawzu API said, for people: live tokens name who they authenticate as. */
export function verificationLabel(verification: FindingVerification): string {
  if (verification.status === "live") {
    const who = verification.identity?.name ?? verification.identity?.id;
    return `LIVE: the Hawzu API accepts this token${who ? ` (${who})` : ""}: revoke it now`;
  }
  if (verification.status === "inactive") return "inactive: the Hawzu API refuses this token; remove it, nothing to revoke";
  return `verification unknown: ${verification.detail ?? verification.reason ?? "no answer"}; retry later`;
}
