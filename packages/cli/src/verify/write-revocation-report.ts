import { writeFile } from "node:fs/promises";
import { renderRevocationReport, type RevocationEntry, type VerificationResult } from "@hawzu-scan/verify";
import type { ScannedFinding } from "../report.js";

/** Writes `--revocation-report FILE`: JSON for a `.json` file, Markdown otherwise. */
export async function writeRevocationReport(
  file: string,
  findings: readonly ScannedFinding[],
  results: ReadonlyMap<string, VerificationResult>,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const entries: RevocationEntry[] = findings.map((finding) => ({
    file: finding.file,
    ...(finding.member === undefined ? {} : { member: finding.member }),
    ...(finding.commit === undefined ? {} : { commit: finding.commit }),
    line: finding.line,
    column: finding.column,
    fingerprint: finding.fingerprint,
    redacted: finding.redacted,
    verification: results.get(finding.fingerprint)!,
  }));
  const format = file.toLowerCase().endsWith(".json") ? "json" : "markdown";
  const written = await writeFile(file, renderRevocationReport(entries, { format })).catch((error: Error) => error);
  return written instanceof Error ? { ok: false, message: written.message } : { ok: true };
}
