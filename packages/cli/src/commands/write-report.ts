import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { RunIo } from "../io.js";
import { messages } from "../messages.js";
import type { Report } from "../report.js";
import { renderCompact } from "../reporters/compact.js";
import { renderGithub } from "../reporters/github.js";
import { renderJson } from "../reporters/json.js";
import { renderSarif } from "../reporters/sarif.js";
import { createTextReporter } from "../reporters/text.js";

export type Format = "text" | "compact" | "json" | "sarif" | "github";
export const FORMATS: readonly Format[] = ["text", "compact", "json", "sarif", "github"];

export interface WriteReportOptions {
  format: Format;
  output?: string;
  cwd: string;
  color: boolean;
  version: string;
  baselined: number;
  /** The text reporter that already printed the findings live, if any: only its summary is left. */
  live?: ReturnType<typeof createTextReporter>;
}

/** Renders the report in the chosen format to stdout or `--output`. */
export async function writeReport(report: Report, options: WriteReportOptions, io: RunIo): Promise<{ ok: true } | { ok: false; message: string }> {
  if (options.live) {
    options.live.end(report, { baselined: options.baselined });
    return { ok: true };
  }
  let text: string;
  if (options.format === "json") text = renderJson(report);
  else if (options.format === "sarif") text = renderSarif(report, options.version);
  else if (options.format === "github") text = renderGithub(report);
  else if (options.format === "compact") text = renderCompact(report, options.baselined);
  else {
    const parts: string[] = [];
    const reporter = createTextReporter((part) => parts.push(part), { color: options.output ? false : options.color });
    for (const finding of report.findings) reporter.finding(finding);
    reporter.end(report, { baselined: options.baselined });
    text = parts.join("");
  }
  if (!options.output) {
    io.stdout.write(text);
    return { ok: true };
  }
  const result = await writeFile(resolve(options.cwd, options.output), text).catch((error: Error) => error);
  return result instanceof Error ? { ok: false, message: messages.outputFailed(options.output, result.message) } : { ok: true };
}
