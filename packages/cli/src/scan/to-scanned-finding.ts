import type { Finding, SuppressedFinding } from "@hawzu-scan/core";
import type { CodeFrame, ScannedFinding, ScannedSuppressed } from "../report.js";
import type { InputLocation } from "./scan-context.js";

/** The core's finding placed in its input, with only the fields reports may show. */
export function toScannedFinding(finding: Finding | SuppressedFinding, location: InputLocation, frame: CodeFrame | undefined): ScannedFinding & ScannedSuppressed {
  return {
    ruleId: finding.ruleId,
    file: location.file,
    ...(location.member === undefined ? {} : { member: location.member }),
    ...(location.commit === undefined ? {} : { commit: location.commit }),
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    confidence: finding.confidence,
    context: finding.context,
    fingerprint: finding.fingerprint,
    redacted: finding.redacted,
    ...("reason" in finding && finding.reason !== undefined ? { reason: finding.reason } : {}),
    ...(frame === undefined ? {} : { frame }),
  };
}
