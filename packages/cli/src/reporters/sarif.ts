import { createHash } from "node:crypto";
import { contexts } from "@hawzu-scan/core";
import { verificationLabel } from "../verify/verification-label.js";
import { HINT } from "../messages.js";
import type { Report, ReportFinding } from "../report.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://github.com/hawzu-scan/hawzu-scan";

/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
 * `partialFingerprints` hash the token fingerprint and path, not the line, so an alert survives edits around it.
 */
export function renderSarif(report: Report, version: string): string {
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
  const result = (finding: ReportFinding, suppressions: object[]) => ({
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: finding.confidence === "high" ? "error" : "warning",
    message: { text: `Hawzu access token ${finding.redacted} (${finding.context})${finding.member ? ` in archive member ${finding.member}` : ""}${finding.commit ? ` in commit ${finding.commit}` : ""}.${finding.verification ? ` ${verificationLabel(finding.verification)}.` : ""} ${HINT}.` },
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
  });
  const results = [
    ...report.findings.map((finding) => result(finding, suppressionsOf(finding))),
    ...(report.suppressed ?? []).map((finding) => result(finding, [{ kind: "inSource", ...(finding.reason === undefined ? {} : { justification: finding.reason }) }])),
  ];
  const notifications = report.errors.map((error) => ({
    level: "error",
    message: { text: `${error.member ? `${error.file}!/${error.member}` : error.file}: ${error.message}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(error.file), uriBaseId: "%SRCROOT%" } } }],
  }));
  const sarif = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "hawzu-scan", informationUri: INFORMATION_URI, semanticVersion: version, version, rules } },
        results,
        invocations: [{ executionSuccessful: report.errors.length === 0, toolExecutionNotifications: notifications }],
        columnKind: "utf16CodeUnits",
        ...(report.suppressionsAdded ? { properties: { suppressionsAdded: report.suppressionsAdded } } : {}),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function stableFingerprint(finding: ReportFinding): string {
  return createHash("sha256").update(`${finding.file}\0${finding.member ?? ""}\0${finding.fingerprint}`).digest("hex");
}

function encodeUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}
