import type { ReportError, ScannedFinding, ScannedSuppressed } from "../report.js";
import type { InputLocation, ScanSettings, ScanSink } from "../scan/scan-context.js";
import { scanFile } from "../sources/file.js";
import type { FileEntry } from "../walk/collect-files.js";

/** What scanning one file produced, in the order it happened: plain data a worker can post. */
export type ScanEvent =
  | { type: "finding"; finding: ScannedFinding; token?: string }
  | { type: "suppressed"; finding: ScannedSuppressed }
  | { type: "error"; error: ReportError }
  | { type: "warning"; file: string; message: string }
  | { type: "binary"; location: InputLocation };

export interface FileTaskResult {
  events: ScanEvent[];
  scannedBytes: number;
}

/** Scans one file, recording events (used in worker threads, and inline for small scans). */
export async function runFileTask(entry: FileEntry, settings: ScanSettings, forward?: ScanSink): Promise<FileTaskResult> {
  const events: ScanEvent[] = [];
  const sink: ScanSink = forward ?? {
    finding: (finding, token) => events.push(token === undefined ? { type: "finding", finding } : { type: "finding", finding, token }),
    suppressed: (finding) => events.push({ type: "suppressed", finding }),
    error: (error) => events.push({ type: "error", error }),
    warning: (file, message) => events.push({ type: "warning", file, message }),
    binary: (location) => events.push({ type: "binary", location }),
  };
  const context = { settings, sink, budget: { decompressed: 0 }, scannedBytes: 0 };
  await scanFile(entry.path, { file: entry.displayPath }, context, { expectedSize: entry.size });
  return { events, scannedBytes: context.scannedBytes };
}

/** Scans a batch of files, one after the other: many small files cost one worker message. */
export async function runBatchTask(entries: readonly FileEntry[], settings: ScanSettings): Promise<FileTaskResult[]> {
  const results: FileTaskResult[] = [];
  for (const entry of entries) results.push(await runFileTask(entry, settings));
  return results;
}

export function replay(events: readonly ScanEvent[], sink: ScanSink): void {
  for (const event of events) {
    if (event.type === "finding") sink.finding(event.finding, event.token);
    else if (event.type === "suppressed") sink.suppressed(event.finding);
    else if (event.type === "error") sink.error(event.error);
    else if (event.type === "binary") sink.binary?.(event.location);
    else sink.warning(event.file, event.message);
  }
}
