import { createWriteStream } from "node:fs";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { resolve } from "node:path";
import type { RunIo } from "../io.js";
import { messages } from "../messages.js";
import type { Report } from "../report.js";
import { renderCompact } from "../reporters/compact.js";
import { renderGithub } from "../reporters/github.js";
import { renderJsonChunks } from "../reporters/json.js";
import { renderSarifChunks } from "../reporters/sarif.js";
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
  // JSON and SARIF are written piece by piece: a report of any size is never one string in memory.
  let chunks: Iterable<string>;
  if (options.format === "json") chunks = renderJsonChunks(report);
  else if (options.format === "sarif") chunks = renderSarifChunks(report, options.version);
  else if (options.format === "github") chunks = [renderGithub(report)];
  else if (options.format === "compact") chunks = [renderCompact(report, options.baselined)];
  else chunks = textChunks(report, options.output ? false : options.color, options.baselined);
  if (!options.output) {
    // Plain writes, waiting when the pipe is full: a failure is seen by run's watch on stdout.
    for (const batch of batched(chunks)) {
      if (io.stdout.destroyed || io.stdout.errored) break;
      if (!io.stdout.write(batch)) await drained(io.stdout);
    }
    return { ok: true };
  }
  const result = await pipeline(Readable.from(batched(chunks), { objectMode: false }), createWriteStream(resolve(options.cwd, options.output))).catch((error: Error) => error);
  return result instanceof Error ? { ok: false, message: messages.outputFailed(options.output, result.message) } : { ok: true };
}

/**
 * The text report in pieces, made as they are written: all of it at once was one more copy of every
 * finding with its code frame (2 GB log, 100,000 findings, `-f text -o FILE`: 407 MB peak RSS).
 */
function* textChunks(report: Report, color: boolean, baselined: number): Generator<string> {
  let parts: string[] = [];
  const reporter = createTextReporter((part) => parts.push(part), { color });
  for (const finding of report.findings) {
    reporter.finding(finding);
    yield* parts;
    parts = [];
  }
  reporter.end(report, { baselined });
  yield* parts;
}

/** The pieces joined into writes of about 64 KB. */
function* batched(chunks: Iterable<string>): Generator<string> {
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

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("error", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("error", done);
    stream.on("close", done);
  });
}
