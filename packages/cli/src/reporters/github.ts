import { verificationLabel } from "../verify/verification-label.js";
import { describeCommit, HINT, HISTORY_HINT } from "../messages.js";
import type { Report } from "../report.js";
import { describeLocation } from "../scan/describe-location.js";
import { escapeControl } from "../scan/escape-control.js";

/**
 * `--format github`: workflow commands that GitHub Actions shows as annotations on the file
 * (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions).
 */
export function renderGithub(report: Report): string {
  const lines = report.findings.map((finding) => {
    const properties = [
      `file=${escapeProperty(finding.file)}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      `endLine=${finding.endLine}`,
      `endColumn=${finding.endColumn}`,
      `title=${escapeProperty(`Hawzu access token (${finding.ruleId})`)}`,
    ];
    const where = (finding.member ? ` in archive member ${finding.member}` : "") + (finding.commit ? ` added by commit ${finding.commit}${describeCommit(finding)}` : "");
    const verified = finding.verification ? ` ${verificationLabel(finding.verification)}.` : "";
    const message = `${finding.redacted} ${finding.context}${where} (${finding.confidence} confidence).${verified} ${finding.commit ? HISTORY_HINT : HINT}.`;
    return `::${finding.confidence === "high" ? "error" : "warning"} ${properties.join(",")}::${escapeData(message)}`;
  });
  // Suppressed findings (--list-suppressed, or those a change adds) and added suppressions: seen, not failing.
  for (const finding of report.suppressed ?? []) {
    const properties = [`file=${escapeProperty(finding.file)}`, `line=${finding.line}`, `col=${finding.column}`, `title=${escapeProperty("hawzu-scan: suppressed finding")}`];
    const reason = finding.reason === undefined ? "no reason given" : `reason: ${finding.reason}`;
    lines.push(`::notice ${properties.join(",")}::${escapeData(`${finding.redacted} ${finding.context} suppressed by a hawzu-scan-ignore comment (${reason}).`)}`);
  }
  for (const added of report.suppressionsAdded ?? []) {
    const properties = [`file=${escapeProperty(added.file)}`, ...(added.line === undefined ? [] : [`line=${added.line}`]), `title=${escapeProperty("hawzu-scan: suppression added by this change")}`];
    const reason = added.reason === undefined ? "no reason given" : `reason: ${added.reason}`;
    const hides = added.kind === "inline" || added.fingerprints.length === 0 ? "" : ` It would hide ${added.fingerprints.length} finding(s) of this scan.`;
    lines.push(`::warning ${properties.join(",")}::${escapeData(`${added.what} (${reason}).${hides} Review it before merging.`)}`);
  }
  for (const error of report.errors) {
    const name = describeLocation(error);
    lines.push(`::error file=${escapeProperty(error.file)},title=${escapeProperty("hawzu-scan: not scanned")}::${escapeData(`${name}: ${error.message}`)}`);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

// Control characters from scanned names are shown escaped first: the runner's log is a terminal too.
function escapeData(text: string): string {
  return escapeControl(text).replace(/%/g, "%25");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
