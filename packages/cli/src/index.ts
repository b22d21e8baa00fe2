export { run } from "./run.js";
export { guardProcess } from "./guard-process.js";
export type { RunIo } from "./io.js";
export type { CodeFrame, Report, ReportError, ReportFinding, ReportStats, ReportSuppressed, ScannedFinding } from "./report.js";
export type { InputLocation, ScanInput } from "./scan/scan-context.js";
export { scanInput } from "./scan/scan-input.js";
