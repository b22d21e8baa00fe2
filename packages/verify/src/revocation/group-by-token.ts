import type { LiveResult, VerificationResult } from "../verification-result.js";
import type { GroupedTokens, RevocationEntry, TokenGroup, TokenLocation } from "./revocation-entry.js";

// When one token's findings disagree (results merged from two runs), the strongest word wins:
// a live answer matters most, and a definite refusal says more than no answer.
const STRENGTH = { live: 3, inactive: 2, unknown: 1 } as const;
// Workspace tokens reach furthest; an undetermined one may be a workspace token, so it comes next.
const REACH = { workspace: 0, undetermined: 1, project: 2 } as const;

/** Groups entries by fingerprint, splits them by state and sorts them for the report. */
export function groupByToken(entries: readonly RevocationEntry[]): GroupedTokens {
  const groups = new Map<string, TokenGroup>();
  for (const entry of entries) {
    let group = groups.get(entry.fingerprint);
    if (!group) {
      group = { fingerprint: entry.fingerprint, redacted: entry.redacted, verification: entry.verification, locations: [] };
      groups.set(entry.fingerprint, group);
    } else if (STRENGTH[entry.verification.status] > STRENGTH[group.verification.status]) {
      group.verification = entry.verification;
    }
    const location: TokenLocation = { file: entry.file, line: entry.line, column: entry.column };
    if (entry.member !== undefined) location.member = entry.member;
    if (entry.commit !== undefined) location.commit = entry.commit;
    group.locations.push(location);
  }
  const grouped: GroupedTokens = { live: [], inactive: [], unknown: [] };
  for (const group of groups.values()) {
    group.locations = uniqueSorted(group.locations);
    const { verification } = group;
    if (verification.status === "live") grouped.live.push({ ...group, verification });
    else if (verification.status === "inactive") grouped.inactive.push({ ...group, verification });
    else grouped.unknown.push({ ...group, verification });
  }
  grouped.live.sort((a, b) => REACH[a.verification.identity.accessType] - REACH[b.verification.identity.accessType] || compareLive(a.verification, b.verification) || a.fingerprint.localeCompare(b.fingerprint));
  grouped.inactive.sort(byFirstLocation);
  grouped.unknown.sort(byFirstLocation);
  return grouped;
}

function compareLive(a: LiveResult, b: LiveResult): number {
  const key = (result: LiveResult) => `${result.identity.workspace?.name ?? ""}\u0000${result.identity.name ?? ""}`;
  return key(a).localeCompare(key(b));
}

function byFirstLocation(a: TokenGroup<VerificationResult>, b: TokenGroup<VerificationResult>): number {
  return compareLocations(a.locations[0], b.locations[0]) || a.fingerprint.localeCompare(b.fingerprint);
}

function compareLocations(a: TokenLocation | undefined, b: TokenLocation | undefined): number {
  if (!a || !b) return 0;
  return a.file.localeCompare(b.file) || (a.member ?? "").localeCompare(b.member ?? "") || a.line - b.line || a.column - b.column;
}

function uniqueSorted(locations: TokenLocation[]): TokenLocation[] {
  const seen = new Set<string>();
  return locations
    .filter((location) => {
      const key = JSON.stringify([location.file, location.member, location.commit, location.line, location.column]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(compareLocations);
}
