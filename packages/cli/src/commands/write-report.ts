import { createWriteStream } from "node:fs";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { resolve } from "node:path";
import type { RunIo } from "../io.js";
import { messages } from "../messages.js";
import type { Report } from "../report.js";
import { renderGithub } from "../reporters/github.js";
import { renderJsonChunks } from "../reporters/json.js";
import { renderSarifChunks } from "../reporters/sarif.js";
import { createTextReporter } from "../reporters/text.js";

export type Format = "text" | "json" | "sarif" | "github";
export const FORMATS: readonly Format[] = ["text", "json", "sarif", "github"];

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
  // JSON and SARIF are written piece by piece: a report of any size is never one string in memory.
  let chunks: Iterable<string>;
  if (options.format === "json") chunks = renderJsonChunks(report);
  else if (options.format === "sarif") chunks = renderSarifChunks(report, options.version);
  else if (options.format === "github") chunks = [renderGithub(report)];
  else {
    const parts: string[] = [];
    const reporter = createTextReporter((part) => parts.push(part), { color: options.output ? false : options.color });
    for (const finding of report.findings) reporter.finding(finding);
    reporter.end(report, { baselined: options.baselined });
    chunks = parts;
  }
  if (!options.output) {
    await writeChunks(chunks, io.stdout, false);
    return { ok: true };
  }
  const result = await writeChunks(chunks, createWriteStream(resolve(options.cwd, options.output)), true).catch((error: Error) => error);
  return result instanceof Error ? { ok: false, message: messages.outputFailed(options.output, result.message) } : { ok: true };
}

/** Writes the pieces in writes of about 64 KB, waiting when the destination is full. */
async function writeChunks(chunks: Iterable<string>, destination: Writable, end: boolean): Promise<void> {
  function* batched(): Generator<string> {
    let batch = "";
    for (const chunk of chunks) {
      batch += chunk;
      if (batch.length >= 64 * 1024) {
        yield batch;
        batch = "";
      }
    }
    if (batch.length > 0) yield batch;
  }
  await pipeline(Readable.from(batched(), { objectMode: false }), destination, { end });
}
