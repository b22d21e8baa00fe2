import { suppressionsAddedText } from "../change/suppressions-added-text.js";
import { verificationLabel } from "../verify/verification-label.js";
import { describeCommit, messages, shortFingerprint } from "../messages.js";
import type { Report, ScannedFinding, ScannedSuppressed } from "../report.js";
import { escapeControl } from "../scan/escape-control.js";

export interface TextReporterOptions {
  color: boolean;
}

/** Extra facts the text summary shows that the JSON report does not carry. */
export interface TextSummary {
  baselined: number;
}

const STYLES = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], cyan: [36, 39] } as const;

/**
 * How many sightings of one token are shown in full: a token copied into every line of a log would
 * otherwise bury the others (one token seen 320 times printed 111 KB). The rest are counted.
 */
export const SIGHTINGS_SHOWN = 3;

/**
 * Human output, grouped by file: each finding with position, confidence, short fingerprint, rule,
 * context and a code frame whose token is redacted; the first sightings of each token, then a count;
 * the hint once, after the findings. Findings can be written as they are found (stdin).
 */
export function createTextReporter(write: (text: string) => void, { color }: TextReporterOptions) {
  const paint = (style: keyof typeof STYLES, text: string) => (color ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text);
  let currentGroup: string | undefined;
  let printed = 0;
  // Sightings per token fingerprint, in the order tokens were first seen.
  const sightings = new Map<string, number>();
  const verifications = new Set<string>();

  const group = (finding: ScannedFinding) => {
    const name = escapeControl([finding.file, finding.member].filter(Boolean).join("!/") + (finding.commit ? ` @ ${finding.commit}${describeCommit(finding)}` : ""));
    if (name === currentGroup) return;
    currentGroup = name;
    write(`${printed > 0 ? "\n" : ""}${paint("bold", name)}\n`);
  };

  const entry = (finding: ScannedFinding | ScannedSuppressed, label: string) => {
    const position = `${finding.line}:${finding.column}`;
    const level = finding.confidence === "high" ? paint("red", "high  ") : paint("yellow", "medium");
    const fingerprint = paint("dim", shortFingerprint(finding.fingerprint));
    write(`  ${position.padEnd(9)} ${level} ${finding.redacted} ${fingerprint}  ${escapeControl(finding.context)}  ${paint("dim", finding.ruleId)}${escapeControl(label)}\n`);
    const verification = "verification" in finding ? finding.verification : undefined;
    if (verification) {
      verifications.add(verification.status);
      const status = escapeControl(verificationLabel(verification));
      write(`    ${verification.status === "live" ? paint("red", paint("bold", status)) : paint("dim", status)}\n`);
    }
    const frame = finding.frame;
    if (frame) {
      const width = String(finding.line).length;
      // The caret line keeps the frame's tabs, so the carets stay under the token.
      const indent = frame.line.slice(0, frame.markStart).replace(/[^\t]/g, " ");
      if (frame.before !== undefined) write(paint("dim", `    ${String(finding.line - 1).padStart(width)} | ${frame.before}\n`));
      write(`  > ${String(finding.line)} | ${frame.line}\n`);
      write(`    ${" ".repeat(width)} | ${indent}${paint("red", "^".repeat(frame.markLength))}\n`);
    }
  };

  return {
    finding(finding: ScannedFinding): void {
      const seen = (sightings.get(finding.fingerprint) ?? 0) + 1;
      sightings.set(finding.fingerprint, seen);
      if (seen > SIGHTINGS_SHOWN) return;
      group(finding);
      entry(finding, "");
      printed++;
    },
    end(report: Report, summary: TextSummary): void {
      if (printed > 0) {
        const repeated = [...sightings].filter(([, count]) => count > SIGHTINGS_SHOWN);
        if (repeated.length > 0) write("\n");
        for (const [fingerprint, count] of repeated) write(`${messages.moreSightings(shortFingerprint(fingerprint), count - SIGHTINGS_SHOWN, count)}\n`);
        write(`\n${paint("cyan", "hint:")} ${messages.hint(verifications, report.findings.some((finding) => finding.commit !== undefined))}\n`);
      }
      const suppressed = report.suppressed ?? [];
      if (suppressed.length > 0) {
        write(`${printed > 0 ? "\n" : ""}${messages.suppressedHeading(suppressed.length)}\n`);
        for (const finding of suppressed) {
          write(`  ${escapeControl([finding.file, finding.member].filter(Boolean).join("!/"))}\n`);
          entry(finding, finding.reason ? `  (reason: ${finding.reason})` : "  (no reason given)");
        }
      }
      const added = report.suppressionsAdded ?? [];
      if (added.length > 0) write(`${printed > 0 || suppressed.length > 0 ? "\n" : ""}${suppressionsAddedText(added)}`);
      const { files, bytes, durationMs, ignored, binaryAsText } = report.stats;
      const line =
        messages.summary(report.findings.length, files, bytes, durationMs, report.errors.length, summary.baselined, ignored) +
        (binaryAsText ? messages.binaryAsText(binaryAsText) : "");
      write(`${printed > 0 || suppressed.length > 0 || added.length > 0 ? "\n" : ""}${report.findings.length > 0 ? paint("red", line) : line}\n`);
    },
  };
}
