import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { RunIo } from "../io.js";
import { messages } from "../messages.js";
import { compareErrors, compareFindings, toReportFinding, type Report, type ReportCoverage, type ReportError, type ReportFinding } from "../report.js";
import { exitCode } from "./scan.js";
import { writeReport, type Format } from "./write-report.js";
import { parseJson } from "../parse-json.js";
import { describeLocation } from "../scan/describe-location.js";
import { escapeControl } from "../scan/escape-control.js";

/**
 * `hawzu-scan merge a.json b.json ...`: one report from the JSON reports of shard jobs, as if one
 * job had scanned everything (stats are summed). Every error the reports carry is printed, and a
 * shard set with a slice missing is an error of the merged report. Exit code as for a scan.
 */
export async function mergeCommand(files: readonly string[], options: { format: Format; output?: string }, io: RunIo, version: string): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  if (files.length === 0) {
    io.stderr.write(`${messages.usagePrefix}${messages.mergeUsage}\n`);
    return 2;
  }
  const findings = new Map<string, ReportFinding>();
  const errors = new Map<string, ReportError>();
  const stats = { files: 0, bytes: 0, durationMs: 0, ignored: 0, binaryAsText: 0 };
  const coverages: Array<ReportCoverage | undefined> = [];
  for (const file of files) {
    const text = await readFile(resolve(cwd, file), "utf8").catch((error: Error) => error);
    if (typeof text !== "string") {
      io.stderr.write(`${messages.usagePrefix}${messages.mergeUnreadable(file, (text as { code?: string }).code ?? text.message)}\n`);
      return 2;
    }
    const parsed = parseReport(text);
    if (!parsed.ok) {
      io.stderr.write(`${messages.usagePrefix}${messages.mergeBadReport(file, parsed.problem)}\n`);
      return 2;
    }
    for (const finding of parsed.report.findings) {
      const clean = toReportFinding(finding);
      findings.set(JSON.stringify(clean), clean);
    }
    for (const error of parsed.report.errors) errors.set(JSON.stringify(error), error);
    stats.files += parsed.report.stats.files;
    stats.bytes += parsed.report.stats.bytes;
    stats.durationMs += parsed.report.stats.durationMs;
    stats.ignored += parsed.report.stats.ignored ?? 0;
    coverages.push(parsed.report.covered);
    stats.binaryAsText += parsed.report.stats.binaryAsText ?? 0;
  }
  for (const missing of missingShards(coverages)) errors.set(JSON.stringify(missing), missing);
  const sortedErrors = [...errors.values()].sort(compareErrors);
  // The summary says "see above": name each input the reports could not scan, as a scan does.
  for (const error of sortedErrors) io.stderr.write(`${messages.usagePrefix}${escapeControl(describeLocation(error))}: ${error.message}\n`);
  const report: Report = {
    version: 1,
    findings: [...findings.values()].sort(compareFindings),
    errors: sortedErrors,
    stats,
    ...mergedCoverage(coverages),
  };
  const written = await writeReport(report, { format: options.format, output: options.output, cwd, color: false, version, baselined: 0 }, io);
  if (!written.ok) {
    io.stderr.write(`${messages.usagePrefix}${written.message}\n`);
    return 2;
  }
  return exitCode(report);
}

/** Per set of shards of the same inputs and N, an error for each K that no report covers. */
function missingShards(coverages: ReadonlyArray<ReportCoverage | undefined>): ReportError[] {
  const sets = new Map<string, { inputs: string; count: number; seen: Set<number> }>();
  for (const coverage of coverages) {
    if (!coverage?.shard) continue;
    const inputs = describeInputs(coverage);
    const key = JSON.stringify([inputs, coverage.shard.count]);
    const set = sets.get(key) ?? { inputs, count: coverage.shard.count, seen: new Set<number>() };
    set.seen.add(coverage.shard.index);
    sets.set(key, set);
  }
  const missing: ReportError[] = [];
  for (const { inputs, count, seen } of sets.values()) {
    for (let index = 1; index <= count; index++) {
      if (!seen.has(index)) missing.push({ file: inputs, message: messages.missingShard(index, count, [...seen].sort((a, b) => a - b)) });
    }
  }
  return missing;
}

function describeInputs(coverage: ReportCoverage): string {
  return [coverage.git, ...coverage.inputs].filter(Boolean).join(" ") || ".";
}

/** The merge covers every report's inputs; unknown when any report did not say. */
function mergedCoverage(coverages: ReadonlyArray<ReportCoverage | undefined>): { covered?: ReportCoverage } {
  if (coverages.some((coverage) => coverage === undefined)) return {};
  const inputs = [...new Set(coverages.flatMap((coverage) => coverage!.inputs))];
  const git = [...new Set(coverages.map((coverage) => coverage!.git).filter((value) => value !== undefined))];
  return { covered: { inputs, ...(git.length === 1 ? { git: git[0] } : {}) } };
}

function parseReport(text: string): { ok: true; report: Report } | { ok: false; problem: string } {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const report = parsed.value as Partial<Report> | null;
  if (report?.version !== 1) return { ok: false, problem: "missing \"version\": 1" };
  if (!Array.isArray(report.findings) || !Array.isArray(report.errors) || typeof report.stats !== "object" || report.stats === null) {
    return { ok: false, problem: 'needs "findings", "errors" and "stats"' };
  }
  return { ok: true, report: report as Report };
}
