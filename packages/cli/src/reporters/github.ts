import { verificationLabel } from "../verify/verification-label.js";
import { HINT } from "../messages.js";
import type { Report } from "../report.js";
import { describeLocation } from "../scan/describe-location.js";

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
    const where = finding.member ? ` in archive member ${finding.member}` : "";
    const verified = finding.verification ? ` ${verificationLabel(finding.verification)}.` : "";
    const message = `${finding.redacted} ${finding.context}${where} (${finding.confidence} confidence).${verified} ${HINT}.`;
    return `::${finding.confidence === "high" ? "error" : "warning"} ${properties.join(",")}::${escapeData(message)}`;
  });
  for (const error of report.errors) {
    const name = describeLocation(error);
    lines.push(`::error file=${escapeProperty(error.file)},title=${escapeProperty("hawzu-scan: not scanned")}::${escapeData(`${name}: ${error.message}`)}`);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
