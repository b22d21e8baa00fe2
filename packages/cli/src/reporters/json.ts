import { toReportFinding, type Report } from "../report.js";

/** `--format json`: the public report shape (see README), stable key order, no code frames. */
export function renderJson(report: Report): string {
  const { suppressed, suppressionsAdded } = report;
  const clean: Report = {
    version: 1,
    findings: report.findings.map(toReportFinding),
    errors: report.errors.map(({ file, member, message }) => ({ file, ...(member === undefined ? {} : { member }), message })),
    stats: {
      files: report.stats.files,
      bytes: report.stats.bytes,
      durationMs: report.stats.durationMs,
      ignored: report.stats.ignored ?? 0,
      skippedBinary: report.stats.skippedBinary ?? 0,
    },
    ...(suppressed === undefined ? {} : { suppressed: suppressed.map((finding) => ({ ...toReportFinding(finding), ...(finding.reason === undefined ? {} : { reason: finding.reason }) })) }),
    ...(report.covered === undefined ? {} : { covered: report.covered }),
    ...(suppressionsAdded === undefined ? {} : { suppressionsAdded }),
  };
  return `${JSON.stringify(clean, null, 2)}\n`;
}
