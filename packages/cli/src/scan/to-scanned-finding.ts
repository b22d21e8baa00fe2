import type { Finding, SuppressedFinding } from "@hawzu-scan/core";
import type { CodeFrame, ScannedFinding, ScannedSuppressed } from "../report.js";
import { detachString } from "./detach-string.js";
import type { InputLocation } from "./scan-context.js";

/**
 * The core's finding placed in its input, with only the fields reports may show. Its strings are
 * detached from the scanned text, so a kept finding never keeps the text alive.
 */
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
    context: detachString(finding.context),
    fingerprint: detachString(finding.fingerprint),
    redacted: detachString(finding.redacted),
    ...("reason" in finding && finding.reason !== undefined ? { reason: detachString(finding.reason) } : {}),
    ...(frame === undefined ? {} : { frame: detachFrame(frame) }),
  };
}

function detachFrame(frame: CodeFrame): CodeFrame {
  return { ...frame, ...(frame.before === undefined ? {} : { before: detachString(frame.before) }), line: detachString(frame.line) };
}
