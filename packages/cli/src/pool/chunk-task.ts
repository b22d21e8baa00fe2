import { closeSync, constants, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import type { ScanSettings, ScanSink } from "../scan/scan-context.js";
import { errorAt } from "../scan/error-at.js";
import { scanInput } from "../scan/scan-input.js";
import { describeReadError } from "../sources/file.js";
import { SNIFF_BYTES, sniffKind } from "../sources/sniff-kind.js";
import type { FileEntry } from "../walk/collect-files.js";
import type { FileTaskResult, ScanEvent } from "./file-task.js";

/**
 * Context the core may use around a finding is far smaller than this (a 20 KB lookback, an 8 KB
 * window after, the byte scanner's 31 KB margins): each chunk reads this much of its neighbours, so
 * a token on an edge is judged exactly as in a scan of the whole file.
 */
export const CHUNK_OVERLAP = 256 * 1024;
// A split point looks this far ahead for a line end; a longer line is not split.
const LINE_SEARCH = 1024 * 1024;
const READ_SIZE = 4 * 1024 * 1024;

/** One piece of a big plain file: the lines of [start, end), read with the overlap around them. */
export interface ChunkTask {
  entry: FileEntry;
  start: number;
  end: number;
}

export interface ChunkResult extends FileTaskResult {
  /** Line breaks in [start, end): how far the next chunk's lines are shifted. */
  lineBreaks: number;
}

/**
 * Cuts a big file into pieces of about `chunkBytes` that begin at line starts, when it is plain text
 * (a compressed stream cannot be split: it is scanned whole, by one thread). Undefined when it
 * should not be split.
 */
export function splitFile(entry: FileEntry, chunkBytes: number): ChunkTask[] | undefined {
  if (entry.size < 2 * chunkBytes) return undefined;
  let fd: number;
  try {
    fd = openSync(entry.path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.allocUnsafe(SNIFF_BYTES);
    if (sniffKind(head.subarray(0, readSync(fd, head, 0, head.length, 0))) !== "text") return undefined;
    const cuts = [0];
    const window = Buffer.allocUnsafe(Math.min(LINE_SEARCH, chunkBytes));
    for (let nominal = chunkBytes; nominal < entry.size - chunkBytes / 2; nominal += chunkBytes) {
      const read = readSync(fd, window, 0, window.length, nominal - 1);
      const newline = window.subarray(0, read).indexOf(10);
      if (newline === -1) continue;
      const cut = nominal + newline;
      if (cut > cuts[cuts.length - 1]! && cut < entry.size) cuts.push(cut);
    }
    if (cuts.length < 2) return undefined;
    return cuts.map((start, index) => ({ entry, start, end: cuts[index + 1] ?? entry.size }));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Scans one chunk: reads from CHUNK_OVERLAP before `start` (from a line start) to CHUNK_OVERLAP
 * after `end`, and keeps only the findings that start on the chunk's own lines, numbered from the
 * chunk's first line (the pool adds the lines of the chunks before).
 */
export async function runChunkTask(task: ChunkTask, settings: ScanSettings): Promise<ChunkResult> {
  const { entry, start, end } = task;
  const events: ScanEvent[] = [];
  const location = { file: entry.displayPath };
  let handle;
  let lineBreaks = 0;
  try {
    handle = await open(entry.path, constants.O_RDONLY | constants.O_NONBLOCK);
    // The overlap before, from just after a line break, so the chunk's lines keep their columns.
    let from = Math.max(0, start - CHUNK_OVERLAP);
    let overlapLines = 0;
    if (from < start) {
      const before = Buffer.allocUnsafe(start - from);
      const { bytesRead } = await handle.read(before, 0, before.length, from);
      const lineStart = from === 0 ? 0 : before.indexOf(10) + 1;
      // No line break in the whole overlap (one huge line): read from the chunk's start only.
      from = lineStart === 0 && from !== 0 ? start : from + lineStart;
      overlapLines = countLineBreaks(before.subarray(from - (start - before.length), bytesRead));
    }
    const to = Math.min(entry.size, end + CHUNK_OVERLAP);
    const isLast = end >= entry.size;
    const own = (line: number) => line > overlapLines && (isLast || line <= overlapLines + lineBreaks);
    const sink: ScanSink = {
      finding: (finding, token) => {
        if (own(finding.line)) events.push({ type: "finding", finding: shift(finding, overlapLines), ...(token === undefined ? {} : { token }) });
      },
      suppressed: (finding) => {
        if (own(finding.line)) events.push({ type: "suppressed", finding: shift(finding, overlapLines) });
      },
      error: (error) => events.push({ type: "error", error }),
      warning: (file, message) => events.push({ type: "warning", file, message }),
    };
    const reader = handle;
    async function* range(): AsyncGenerator<Buffer> {
      for (let position = from; position < to; ) {
        const buffer = Buffer.allocUnsafe(Math.min(READ_SIZE, to - position));
        const { bytesRead } = await reader.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) return;
        const chunk = buffer.subarray(0, bytesRead);
        // Line breaks of the chunk's own bytes: where its lines end, and the next chunk's shift.
        lineBreaks += countLineBreaks(chunk.subarray(Math.max(0, start - position), Math.max(0, Math.min(bytesRead, end - position))));
        position += bytesRead;
        yield chunk;
      }
    }
    const context = { settings, sink, budget: { decompressed: 0 }, scannedBytes: 0 };
    await scanInput({ location, corePath: entry.displayPath, stream: range() }, context);
  } catch (error) {
    events.push({ type: "error", error: errorAt(location, describeReadError(error)) });
  } finally {
    await handle?.close().catch(() => {});
  }
  return { events, scannedBytes: end - start, lineBreaks };
}

function shift<T extends { line: number; endLine: number }>(finding: T, lines: number): T {
  return { ...finding, line: finding.line - lines, endLine: finding.endLine - lines };
}

function countLineBreaks(bytes: Buffer): number {
  let count = 0;
  for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) count++;
  return count;
}
