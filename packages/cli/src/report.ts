import type { Confidence } from "@hawzu-scan/core";
import type { FindingVerification } from "@hawzu-scan/verify";
import type { AddedSuppression } from "./change/added-suppression.js";
import { compareText } from "./compare-text.js";

/**
 * One finding as every report shows it: where (file relative to the current directory, the archive
 * member, the commit for history scans), the core's positions and its redacted form. Never the token.
 */
export interface ReportFinding {
  ruleId: string;
  file: string;
  /** Path inside an archive; nested archives are joined with `!/`. */
  member?: string;
  /** The commit that added the line, for history scans. */
  commit?: string;
  /** With `commit`: its author's name, author date (ISO 8601) and subject line. */
  author?: string;
  date?: string;
  subject?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  confidence: Confidence;
  context: string;
  fingerprint: string;
  redacted: string;
  /** What the Hawzu API said about the token, with `--verify`. */
  verification?: FindingVerification;
}

/** A finding an inline `hawzu-scan-ignore` comment silenced, listed by `--list-suppressed`. */
export interface ReportSuppressed extends ReportFinding {
  reason?: string;
}

/** Something that was not (fully) scanned: never silently counted as clean. */
export interface ReportError {
  file: string;
  member?: string;
  message: string;
}

export interface ReportStats {
  files: number;
  bytes: number;
  durationMs: number;
  /** Files and folders skipped by ignore rules (a folder counts once); absent in older reports. */
  ignored?: number;
  /** Binary files and archive members (images, databases, executables), read for the text in them. */
  binaryAsText?: number;
}

/** What a report covers, so `merge` can tell a complete set of shards from a partial one. */
export interface ReportCoverage {
  /** The paths given, as typed (`-` for standard input); empty for git scans. */
  inputs: string[];
  /** What git was read instead of paths: `--staged`, `--since REV` or `--git-history`. */
  git?: string;
  /** `--shard K/N`: this report covers the K-th of N slices of the inputs. */
  shard?: { index: number; count: number };
}

/** The JSON report (`--format json`): a public contract, `version` bumps on any breaking change. */
export interface Report {
  version: 1;
  findings: ReportFinding[];
  errors: ReportError[];
  stats: ReportStats;
  suppressed?: ReportSuppressed[];
  /** Absent in reports written before it was added, and in merges of such reports. */
  covered?: ReportCoverage;
  /** Scans of a change (--since, --staged): every suppression the change adds, for review. */
  suppressionsAdded?: AddedSuppression[];
}

/** The line of text around a finding, already redacted, for the text reporter's code frame. */
export interface CodeFrame {
  /** The line before, when it was at hand (redacted, cropped). */
  before?: string;
  /** The finding's line with the token replaced by its redacted form (cropped). */
  line: string;
  /** Where the redacted token sits in `line` (0-based) and how wide it is. */
  markStart: number;
  markLength: number;
}

/** A finding on its way to the reporters; `frame` is dropped by every machine-readable format. */
export interface ScannedFinding extends ReportFinding {
  frame?: CodeFrame;
}

export interface ScannedSuppressed extends ReportSuppressed {
  frame?: CodeFrame;
}

/** Stable order of findings: by file, member, commit, position, rule. */
export function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    compareText(a.file, b.file) ||
    compareText(a.member ?? "", b.member ?? "") ||
    compareText(a.commit ?? "", b.commit ?? "") ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

export function compareErrors(a: ReportError, b: ReportError): number {
  return compareText(a.file, b.file) || compareText(a.member ?? "", b.member ?? "") || compareText(a.message, b.message);
}

/** Only the public keys, in the documented order: what JSON, SARIF and merge see. */
export function toReportFinding(finding: ReportFinding): ReportFinding {
  const { ruleId, file, member, commit, author, date, subject, line, column, endLine, endColumn, confidence, context, fingerprint, redacted, verification } = finding;
  return {
    ruleId,
    file,
    ...(member === undefined ? {} : { member }),
    ...(commit === undefined ? {} : { commit }),
    ...(author === undefined ? {} : { author }),
    ...(date === undefined ? {} : { date }),
    ...(subject === undefined ? {} : { subject }),
    line,
    column,
    endLine,
    endColumn,
    confidence,
    context,
    fingerprint,
    redacted,
    ...(verification === undefined ? {} : { verification }),
  };
}
