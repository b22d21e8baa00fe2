import { constants, readSync } from "node:fs";
import { open } from "node:fs/promises";
import type { ScanSettings, ScanSink } from "../scan/scan-context.js";
import { borrowReadBuffers } from "../scan/borrow-read-buffers.js";
import { errorAt } from "../scan/error-at.js";
import { scanInput } from "../scan/scan-input.js";
import { describeReadError } from "../sources/file.js";
import type { FileEntry } from "../walk/collect-files.js";
import type { FileTaskResult, ScanEvent } from "./file-task.js";
import { withPlainText } from "./with-plain-text.js";

/**
 * Context the core may use around a finding is far smaller than this (a 20 KB lookback, an 8 KB
 * window after, the byte scanner's 31 KB margins): each chunk reads this much of its neighbours, so
 * a token on an edge is judged exactly as in a scan of the whole file.
 */
export const CHUNK_OVERLAP = 256 * 1024;
// A split point looks this far ahead for a line end; a longer line is not split.
const LINE_SEARCH = 1024 * 1024;

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
  return withPlainText(entry.path, (fd) => {
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
  });
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
    // It is read once: its lines are counted here and the bytes handed to the scanner first.
    let from = Math.max(0, start - CHUNK_OVERLAP);
    let overlapLines = 0;
    let overlap: Buffer | undefined;
    if (from < start) {
      const before = Buffer.allocUnsafe(start - from);
      const { bytesRead } = await handle.read(before, 0, before.length, from);
      const lineStart = from === 0 ? 0 : before.indexOf(10) + 1;
      // No line break in the whole overlap (one huge line): read from the chunk's start only.
      if (lineStart === 0 && from !== 0) from = start;
      else {
        overlap = before.subarray(lineStart, bytesRead);
        from += lineStart;
        overlapLines = countLineBreaks(overlap);
      }
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
      let position = from;
      if (overlap) {
        position += overlap.length;
        yield overlap;
      }
      // Two read buffers take turns: the next block is read while this one is scanned (the scanner
      // copies what it keeps, `transientChunks`); the pair is the thread's, reused chunk after chunk.
      const { buffers, release } = borrowReadBuffers();
      let turn = 0;
      const readAt = (at: number) => {
        const buffer = buffers[turn++ % 2]!;
        return reader.read(buffer, 0, Math.min(buffer.length, to - at), at).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
      };
      let next = position < to ? readAt(position) : undefined;
      try {
        while (next) {
          const chunk = await next;
          if (chunk.length === 0) return;
          // Line breaks of the chunk's own bytes: where its lines end, and the next chunk's shift.
          lineBreaks += countLineBreaks(chunk.subarray(Math.max(0, start - position), Math.max(0, Math.min(chunk.length, end - position))));
          position += chunk.length;
          next = position < to ? readAt(position) : undefined;
          // Never leave the read-ahead unobserved: a failure surfaces on the next await.
          next?.catch(() => {});
          yield chunk;
        }
      } finally {
        // A read still under way writes into one of the pair: it is given back only once that ended.
        await next?.catch(() => {});
        release();
      }
    }
    const context = { settings, sink, budget: { decompressed: 0 }, scannedBytes: 0 };
    await scanInput({ location, corePath: entry.path, stream: range(), transientChunks: true }, context);
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
