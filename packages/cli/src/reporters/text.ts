import { suppressionsAddedText } from "../change/suppressions-added-text.js";
import { verificationLabel } from "../verify/verification-label.js";
import { HINT, messages } from "../messages.js";
import type { Report, ScannedFinding, ScannedSuppressed } from "../report.js";

export interface TextReporterOptions {
  color: boolean;
}

/** Extra facts the text summary shows that the JSON report does not carry. */
export interface TextSummary {
  baselined: number;
}

const STYLES = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], cyan: [36, 39] } as const;

/**
 * Human output, grouped by file: each finding with position, confidence, rule, context, a code
 * frame whose token is redacted, and a hint. Findings can be written as they are found (stdin).
 */
export function createTextReporter(write: (text: string) => void, { color }: TextReporterOptions) {
  const paint = (style: keyof typeof STYLES, text: string) => (color ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text);
  let currentGroup: string | undefined;
  let printed = 0;

  const group = (finding: ScannedFinding) => {
    const name = [finding.file, finding.member].filter(Boolean).join("!/") + (finding.commit ? ` @ ${finding.commit}` : "");
    if (name === currentGroup) return;
    currentGroup = name;
    write(`${printed > 0 ? "\n" : ""}${paint("bold", name)}\n`);
  };

  const entry = (finding: ScannedFinding | ScannedSuppressed, label: string) => {
    const position = `${finding.line}:${finding.column}`;
    const level = finding.confidence === "high" ? paint("red", "high  ") : paint("yellow", "medium");
    write(`  ${position.padEnd(9)} ${level} ${finding.redacted}  ${finding.context}  ${paint("dim", finding.ruleId)}${label}\n`);
    const verification = "verification" in finding ? finding.verification : undefined;
    if (verification) {
      const status = verificationLabel(verification);
      write(`    ${verification.status === "live" ? paint("red", paint("bold", status)) : paint("dim", status)}\n`);
    }
    const frame = finding.frame;
    if (frame) {
      const width = String(finding.line).length;
      if (frame.before !== undefined) write(paint("dim", `    ${String(finding.line - 1).padStart(width)} | ${frame.before}\n`));
      write(`  > ${String(finding.line)} | ${frame.line}\n`);
      write(`    ${" ".repeat(width)} | ${" ".repeat(frame.markStart)}${paint("red", "^".repeat(frame.markLength))}\n`);
    }
  };

  return {
    finding(finding: ScannedFinding): void {
      group(finding);
      entry(finding, "");
      write(`    ${paint("cyan", "hint:")} ${HINT}\n`);
      printed++;
    },
    end(report: Report, summary: TextSummary): void {
      const suppressed = report.suppressed ?? [];
      if (suppressed.length > 0) {
        write(`${printed > 0 ? "\n" : ""}${messages.suppressedHeading(suppressed.length)}\n`);
        for (const finding of suppressed) {
          write(`  ${[finding.file, finding.member].filter(Boolean).join("!/")}\n`);
          entry(finding, finding.reason ? `  (reason: ${finding.reason})` : "  (no reason given)");
        }
      }
      const added = report.suppressionsAdded ?? [];
      if (added.length > 0) write(`${printed > 0 || suppressed.length > 0 ? "\n" : ""}${suppressionsAddedText(added)}`);
      const { files, bytes, durationMs } = report.stats;
      const line = messages.summary(report.findings.length, files, bytes, durationMs, report.errors.length, summary.baselined);
      write(`${printed > 0 || suppressed.length > 0 || added.length > 0 ? "\n" : ""}${report.findings.length > 0 ? paint("red", line) : line}\n`);
    },
  };
}
