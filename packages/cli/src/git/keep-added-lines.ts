import type { Finding } from "@hawzu-scan/core";

/**
 * Keeps the findings that touch one of `addedLines` (1-based): a history scan judges a whole file as
 * it was in a commit, but a finding belongs to that commit only if the commit added one of its lines.
 */
export function keepAddedLines<T extends Pick<Finding, "line" | "endLine">>(findings: readonly T[], addedLines: readonly number[]): T[] {
  const added = new Set(addedLines);
  return findings.filter((finding) => {
    for (let line = finding.line; line <= finding.endLine; line++) if (added.has(line)) return true;
    return false;
  });
}
