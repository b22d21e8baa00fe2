import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { RunIo } from "../io.js";
import { messages } from "../messages.js";
import { compareErrors, compareFindings, toReportFinding, type Report, type ReportError, type ReportFinding } from "../report.js";
import { exitCode } from "./scan.js";
import { writeReport, type Format } from "./write-report.js";
import { parseJson } from "../parse-json.js";

/**
 * `hawzu-scan merge a.json b.json ...`: one report from the JSON reports of shard jobs, as if one
 * job had scanned everything (stats are summed). Exit code as for a scan.
 */
export async function mergeCommand(files: readonly string[], options: { format: Format; output?: string }, io: RunIo, version: string): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  if (files.length === 0) {
    io.stderr.write(`${messages.usagePrefix}${messages.mergeUsage}\n`);
    return 2;
  }
  const findings = new Map<string, ReportFinding>();
  const errors = new Map<string, ReportError>();
  const stats = { files: 0, bytes: 0, durationMs: 0, skippedBinary: 0 };
  for (const file of files) {
    const text = await readFile(resolve(cwd, file), "utf8").catch((error: Error) => error);
    const parsed = typeof text === "string" ? parseReport(text) : { ok: false as const, problem: (text as { code?: string }).code ?? text.message };
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
    stats.skippedBinary += parsed.report.stats.skippedBinary ?? 0;
  }
  const report: Report = {
    version: 1,
    findings: [...findings.values()].sort(compareFindings),
    errors: [...errors.values()].sort(compareErrors),
    stats,
  };
  const written = await writeReport(report, { format: options.format, output: options.output, cwd, color: false, version, baselined: 0 }, io);
  if (!written.ok) {
    io.stderr.write(`${messages.usagePrefix}${written.message}\n`);
    return 2;
  }
  return exitCode(report);
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
