import { createReadStream, createWriteStream } from "node:fs";
import { open, realpath } from "node:fs/promises";
import { resolve } from "node:path";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { ScanSettings } from "../scan/scan-context.js";
import { DEFAULT_ARCHIVE_LIMITS } from "../scan/scan-context.js";
import { loadConfig } from "../config/load-config.js";
import type { RunIo } from "../io.js";
import { messages } from "../messages.js";
import type { ReportFinding } from "../report.js";
import { scanInput } from "../scan/scan-input.js";
import { describeReadError } from "../sources/file.js";

interface Replacement {
  /** 0-based UTF-16 columns on the line; `to` may be Infinity (to the end of the line). */
  from: number;
  to: number;
  text: string;
}

/**
 * `hawzu-scan redact IN [-o OUT]`: a copy of a log (plain or .gz, the copy is of the same kind) in
 * which every found token is replaced by its redacted form; every other byte is unchanged. Two
 * passes over the input: find, then copy, so memory stays bounded on any size.
 */
export async function redactCommand(input: string, options: { output?: string; config?: string }, io: RunIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const fail = (message: string) => {
    io.stderr.write(`${messages.usagePrefix}${message}\n`);
    return 2;
  };
  const loaded = await loadConfig(cwd, options.config);
  if (!loaded.ok) return fail(loaded.message);
  const inputPath = resolve(cwd, input);
  if (options.output) {
    const [a, b] = await Promise.all([realpath(inputPath).catch(() => inputPath), realpath(resolve(cwd, options.output)).catch(() => resolve(cwd, options.output!))]);
    if (a === b) return fail(messages.redactSameFile);
  }
  let gzipped: boolean;
  try {
    const handle = await open(inputPath, "r");
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    await handle.close();
    gzipped = head[0] === 0x1f && head[1] === 0x8b;
  } catch (error) {
    return fail(`${input}: ${describeReadError(error)}`);
  }
  const settings: ScanSettings = {
    core: { knownPrefixes: loaded.config.knownPrefixes ?? [], minConfidence: "medium" /* mask every token, whatever the report threshold */, extraKeyNames: loaded.config.extraKeyNames ?? [] },
    limits: { ...DEFAULT_ARCHIVE_LIMITS, ...loaded.config.archives },
  };
  const textOf = () => {
    const raw = createReadStream(inputPath, { highWaterMark: 1024 * 1024 });
    if (!gzipped) return raw;
    const gunzip = createGunzip({ chunkSize: 1024 * 1024 });
    raw.on("error", (error) => gunzip.destroy(error));
    return raw.pipe(gunzip);
  };

  // Pass 1: find every token (suppressed ones too: the copy is kept, a fake value costs nothing to mask).
  const found: ReportFinding[] = [];
  const location = { file: input };
  const errors: string[] = [];
  const sink = {
    finding: (finding: ReportFinding) => found.push(finding),
    suppressed: (finding: ReportFinding) => found.push(finding),
    error: (error: { message: string }) => errors.push(error.message),
    warning: () => {},
  };
  try {
    const name = gzipped ? input.replace(/\.gz$/i, "") : input;
    await scanInput({ location, corePath: name, stream: textOf() }, { settings, sink, budget: { decompressed: 0 }, scannedBytes: 0 });
  } catch (error) {
    const zlib = typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("Z_");
    return fail(`${input}: ${zlib ? messages.redactCorruptGzip : describeReadError(error)}`);
  }

  // Pass 2: copy, rewriting only the lines that hold a token.
  const byLine = new Map<number, Replacement[]>();
  const add = (line: number, replacement: Replacement) => byLine.set(line, [...(byLine.get(line) ?? []), replacement]);
  for (const finding of found) {
    if (finding.endLine === finding.line) {
      add(finding.line, { from: finding.column - 1, to: finding.endColumn - 1, text: finding.redacted });
    } else {
      add(finding.line, { from: finding.column - 1, to: Infinity, text: finding.redacted });
      for (let line = finding.line + 1; line < finding.endLine; line++) add(line, { from: 0, to: Infinity, text: "" });
      add(finding.endLine, { from: 0, to: finding.endColumn - 1, text: "" });
    }
  }
  const destination: Writable = options.output ? createWriteStream(resolve(cwd, options.output)) : io.stdout;
  const copy = Readable.from(rewriteLines(textOf(), byLine));
  try {
    if (gzipped) await pipeline(copy, createGzip(), destination, { end: Boolean(options.output) });
    else await pipeline(copy, destination, { end: Boolean(options.output) });
  } catch (error) {
    return fail(`${options.output ?? "stdout"}: ${(error as Error).message}`);
  }
  io.stderr.write(`${messages.wroteRedacted(options.output ?? "standard output", found.length)}\n`);
  return 0;
}

/** The input unchanged, except lines in `byLine`, which are decoded, rewritten and encoded again. */
async function* rewriteLines(source: AsyncIterable<Buffer>, byLine: Map<number, Replacement[]>): AsyncGenerator<Buffer> {
  let line = 1;
  let pending: Buffer[] = [];
  for await (const chunk of source) {
    const out: Buffer[] = [];
    let position = 0;
    while (position < chunk.length) {
      if (!byLine.has(line)) {
        const stretchStart = position;
        while (position < chunk.length && !byLine.has(line)) {
          const newline = chunk.indexOf(10, position);
          if (newline === -1) {
            position = chunk.length;
            break;
          }
          position = newline + 1;
          line++;
        }
        out.push(chunk.subarray(stretchStart, position));
        continue;
      }
      const newline = chunk.indexOf(10, position);
      if (newline === -1) {
        pending.push(chunk.subarray(position));
        position = chunk.length;
        break;
      }
      pending.push(chunk.subarray(position, newline + 1));
      out.push(rewrite(Buffer.concat(pending), byLine.get(line)!));
      pending = [];
      position = newline + 1;
      line++;
    }
    if (out.length > 0) yield Buffer.concat(out);
  }
  if (pending.length > 0) yield rewrite(Buffer.concat(pending), byLine.get(line) ?? []);
}

function rewrite(lineBytes: Buffer, replacements: readonly Replacement[]): Buffer {
  const hasNewline = lineBytes.length > 0 && lineBytes[lineBytes.length - 1] === 10;
  let text = lineBytes.toString("utf8", 0, hasNewline ? lineBytes.length - 1 : lineBytes.length);
  for (const { from, to, text: replacement } of [...replacements].sort((a, b) => b.from - a.from)) {
    const end = Math.min(to, text.length - (text.endsWith("\r") && to === Infinity ? 1 : 0));
    text = text.slice(0, from) + replacement + text.slice(end);
  }
  return Buffer.concat([Buffer.from(text, "utf8"), hasNewline ? Buffer.from("\n") : Buffer.alloc(0)]);
}
