import { toReportFinding, type Report, type ReportFinding, type ReportSuppressed } from "../report.js";
import { streamJson } from "./stream-json.js";

/** `--format json`: the public report shape (see README), stable key order, no code frames. */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join("");
}

/**
 * The same text as `renderJson`, in pieces: one per finding, so a report of any size is written
 * without holding it whole as one string (or a second copy of every finding) in memory.
 */
export function renderJsonChunks(report: Report): Iterable<string> {
  const { suppressed, suppressionsAdded } = report;
  const shape = {
    version: 1,
    findings: report.findings,
    errors: report.errors.map(({ file, member, message }) => ({ file, ...(member === undefined ? {} : { member }), message })),
    stats: {
      files: report.stats.files,
      bytes: report.stats.bytes,
      durationMs: report.stats.durationMs,
      ignored: report.stats.ignored ?? 0,
      binaryAsText: report.stats.binaryAsText ?? 0,
    },
    ...(suppressed === undefined ? {} : { suppressed }),
    ...(report.covered === undefined ? {} : { covered: report.covered }),
    ...(suppressionsAdded === undefined ? {} : { suppressionsAdded }),
  };
  return streamJson(shape, {
    findings: (finding) => toReportFinding(finding as ReportFinding),
    suppressed: (finding) => {
      const { reason } = finding as ReportSuppressed;
      return { ...toReportFinding(finding as ReportSuppressed), ...(reason === undefined ? {} : { reason }) };
    },
  });
}
