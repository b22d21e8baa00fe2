import { describeCommit, messages, shortFingerprint } from "../messages.js";
import type { Report } from "../report.js";
import { escapeControl } from "../scan/escape-control.js";
import { verificationLabel } from "../verify/verification-label.js";

/**
 * `--format compact`: one line per finding, `file:line:col: message [confidence/rule]`, as ESLint's
 * `unix` formatter writes them, for editors' quickfix lists and grep; then the summary line.
 */
export function renderCompact(report: Report, baselined: number): string {
  const lines = report.findings.map((finding) => {
    const path = escapeControl([finding.file, finding.member].filter(Boolean).join("!/"));
    const commit = finding.commit ? escapeControl(` in commit ${finding.commit}${describeCommit(finding)}`) : "";
    const verified = finding.verification ? `; ${escapeControl(verificationLabel(finding.verification))}` : "";
    const message = `${finding.redacted} ${shortFingerprint(finding.fingerprint)} ${escapeControl(finding.context)}${commit}${verified}`;
    return `${path}:${finding.line}:${finding.column}: ${message} [${finding.confidence}/${finding.ruleId}]`;
  });
  const { files, bytes, durationMs, ignored } = report.stats;
  const summary = messages.summary(report.findings.length, files, bytes, durationMs, report.errors.length, baselined, ignored);
  return `${lines.map((line) => `${line}\n`).join("")}${lines.length > 0 ? "\n" : ""}${summary}\n`;
}
