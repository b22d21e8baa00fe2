import type { GroupedTokens } from "./revocation-entry.js";
import { retryHint } from "./retry-hint.js";
import { revocationSteps } from "./revocation-steps.js";

/** Bumped when the JSON shape changes incompatibly. */
export const REVOCATION_REPORT_VERSION = 1;

/** The revocation report as JSON, for tooling (tickets, dashboards). */
export function renderJson(tokens: GroupedTokens): string {
  const report = {
    version: REVOCATION_REPORT_VERSION,
    summary: { live: tokens.live.length, inactive: tokens.inactive.length, unknown: tokens.unknown.length },
    live: tokens.live.map((token) => ({
      fingerprint: token.fingerprint,
      redacted: token.redacted,
      accessType: token.verification.identity.accessType,
      identity: token.verification.identity,
      httpStatus: token.verification.httpStatus,
      checkedAt: token.verification.checkedAt,
      locations: token.locations,
      steps: revocationSteps(token.verification.identity),
    })),
    inactive: tokens.inactive.map((token) => ({
      fingerprint: token.fingerprint,
      redacted: token.redacted,
      httpStatus: token.verification.httpStatus,
      checkedAt: token.verification.checkedAt,
      locations: token.locations,
      action: "Remove it from code and logs; the API refused it, so there is nothing to revoke.",
    })),
    unknown: tokens.unknown.map((token) => ({
      fingerprint: token.fingerprint,
      redacted: token.redacted,
      reason: token.verification.reason,
      detail: token.verification.detail,
      ...(token.verification.httpStatus === undefined ? {} : { httpStatus: token.verification.httpStatus }),
      checkedAt: token.verification.checkedAt,
      locations: token.locations,
      hint: retryHint(token.verification.reason),
    })),
  };
  return JSON.stringify(report, null, 2) + "\n";
}
