import { createHash } from "node:crypto";
import { contexts } from "@hawzu-scan/core";
import { verificationLabel } from "../verify/verification-label.js";
import { HINT, HISTORY_HINT } from "../messages.js";
import type { Report, ReportFinding, ReportSuppressed } from "../report.js";
import { streamArray } from "./stream-json.js";
import { describeLocation } from "../scan/describe-location.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://github.com/hawzu-scan/hawzu-scan";

/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
 * `partialFingerprints` hash the token fingerprint and path, not the line, so an alert survives edits around it.
 */
export function renderSarif(report: Report, version: string): string {
  return [...renderSarifChunks(report, version)].join("");
}

// Stands in for the results while the rest of the log is stringified; the results are then
// written one by one in its place (it comes before anything holding a file name).
const RESULTS_MARK = "@@hawzu-scan-results@@";

/** The same text as `renderSarif`, in pieces: one per result, so a large report is never one string. */
export function* renderSarifChunks(report: Report, version: string): Generator<string> {
  const rules = contexts.map((context) => ({
    id: context.id,
    name: context.id,
    shortDescription: { text: context.description },
    fullDescription: { text: context.description },
    help: { text: `A Hawzu access token was found (${context.description}). What to do: ${HINT}.` },
    defaultConfiguration: { level: context.confidence === "high" ? "error" : "warning" },
    properties: { tags: ["security", "secret"], precision: context.confidence === "high" ? "high" : "medium", "security-severity": "8.0" },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const added = report.suppressionsAdded ?? [];
  // SARIF suppressions (3.35): an inline comment is `inSource`; a rule, config or baseline edit that
  // a change adds is `external`, `underReview` (the scan used the base's settings, so it still fails).
  const suppressionsOf = (finding: ReportFinding) =>
    added
      .filter((suppression) => suppression.kind !== "inline" && suppression.fingerprints.includes(finding.fingerprint))
      .map((suppression) => ({
        kind: "external",
        status: "underReview",
        justification: suppression.reason ?? suppression.what,
        location: { physicalLocation: { artifactLocation: { uri: encodeUri(suppression.file), uriBaseId: "%SRCROOT%" }, ...(suppression.line === undefined ? {} : { region: { startLine: suppression.line } }) } },
      }));
  const notifications = report.errors.map((error) => ({
    level: "error",
    message: { text: `${describeLocation(error)}: ${error.message}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(error.file), uriBaseId: "%SRCROOT%" } } }],
  }));
  const sarif = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "hawzu-scan", informationUri: INFORMATION_URI, semanticVersion: version, version, rules } },
        results: RESULTS_MARK,
        invocations: [{ executionSuccessful: report.errors.length === 0, toolExecutionNotifications: notifications }],
        columnKind: "utf16CodeUnits",
        ...(report.suppressionsAdded ? { properties: { suppressionsAdded: report.suppressionsAdded } } : {}),
      },
    ],
  };
  const text = `${JSON.stringify(sarif, null, 2)}\n`;
  const mark = text.indexOf(JSON.stringify(RESULTS_MARK));
  yield text.slice(0, mark);
  // The findings, then the suppressed ones (`inSource`); `results` sits at depth 3: the log, `runs`, the run.
  const suppressed = report.suppressed ?? [];
  const items: readonly ReportFinding[] = suppressed.length === 0 ? report.findings : [...report.findings, ...suppressed];
  yield* streamArray(items, (finding, index) => {
    if (index < report.findings.length) return toSarifResult(finding as ReportFinding, ruleIndex, suppressionsOf(finding as ReportFinding));
    const { reason } = finding as ReportSuppressed;
    return toSarifResult(finding as ReportFinding, ruleIndex, [{ kind: "inSource", ...(reason === undefined ? {} : { justification: reason }) }]);
  }, 3);
  yield text.slice(mark + JSON.stringify(RESULTS_MARK).length);
}

function toSarifResult(finding: ReportFinding, ruleIndex: ReadonlyMap<string, number>, suppressions: object[]) {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: finding.confidence === "high" ? "error" : "warning",
    message: { text: `Hawzu access token ${finding.redacted} (${finding.context})${finding.member ? ` in archive member ${finding.member}` : ""}${finding.commit ? ` in commit ${finding.commit}` : ""}.${finding.verification ? ` ${verificationLabel(finding.verification)}.` : ""} ${finding.commit ? HISTORY_HINT : HINT}.` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(finding.file), uriBaseId: "%SRCROOT%" },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { "hawzuTokenLocation/v1": stableFingerprint(finding) },
    properties: {
      fingerprint: finding.fingerprint,
      redacted: finding.redacted,
      confidence: finding.confidence,
      ...(finding.member ? { member: finding.member } : {}),
      ...(finding.commit ? { commit: finding.commit } : {}),
      ...(finding.author !== undefined ? { author: finding.author, date: finding.date, subject: finding.subject } : {}),
      ...(finding.verification ? { verification: finding.verification.status } : {}),
    },
    ...(suppressions.length > 0 ? { suppressions } : {}),
  };
}

function stableFingerprint(finding: ReportFinding): string {
  return createHash("sha256").update(`${finding.file}\0${finding.member ?? ""}\0${finding.fingerprint}`).digest("hex");
}

function encodeUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}
