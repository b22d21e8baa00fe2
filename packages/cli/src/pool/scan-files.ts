import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { messages } from "../messages.js";
import type { ScanSettings, ScanSink } from "../scan/scan-context.js";
import type { FileEntry } from "../walk/collect-files.js";
import { replay, runFileTask, type FileTaskResult } from "./file-task.js";

// Starting a worker costs tens of milliseconds: below this much input one thread is faster.
const PARALLEL_FROM_BYTES = 16 * 1024 * 1024;
// Small files travel to a worker in batches: one message per file would leave the workers waiting
// on the main thread (a checkout is thousands of files of a few KB).
const BATCH_FILES = 256;
const BATCH_BYTES = 2 * 1024 * 1024;
const WORKER_URL = new URL("./scan-worker.js", import.meta.url);

/**
 * Scans the files, in parallel on `jobs` worker threads when there is enough input, reporting each
 * file's events to the sink when the file is done. Resolves to the bytes handed to the core.
 */
export async function scanFiles(files: readonly FileEntry[], settings: ScanSettings, sink: ScanSink, jobs: number, onFileDone?: (entry: FileEntry) => void): Promise<number> {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  // The worker is the compiled .js next to this module; when running from sources (tests), it is not there.
  const workers = Math.min(jobs, files.length);
  if (workers <= 1 || total < PARALLEL_FROM_BYTES || !existsSync(fileURLToPath(WORKER_URL))) {
    let bytes = 0;
    for (const entry of files) {
      bytes += (await runFileTask(entry, settings, sink)).scannedBytes;
      onFileDone?.(entry);
    }
    return bytes;
  }
  const queue = batches(files);
  let bytes = 0;
  const runWorker = async () => {
    const worker = new Worker(WORKER_URL, { workerData: { settings } });
    try {
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        const results = await ask(worker, batch).catch((error: Error) => error);
        batch.forEach((entry, index) => {
          const result = results instanceof Error ? undefined : results[index];
          if (result) {
            replay(result.events, sink);
            bytes += result.scannedBytes;
          } else {
            sink.error({ file: entry.displayPath, message: messages.scanFailed(results instanceof Error ? results.message : "no result") });
          }
          onFileDone?.(entry);
        });
        // A worker that failed may be in any state: the rest goes to a fresh one.
        if (results instanceof Error) {
          await worker.terminate();
          return runWorker();
        }
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: workers }, runWorker));
  return bytes;
}

/**
 * Biggest files first, so one large file does not start last and finish alone; a big file is a
 * batch of its own, small ones are grouped up to BATCH_FILES files or BATCH_BYTES bytes.
 */
function batches(files: readonly FileEntry[]): FileEntry[][] {
  const sorted = [...files].sort((a, b) => b.size - a.size);
  const result: FileEntry[][] = [];
  let current: FileEntry[] = [];
  let currentBytes = 0;
  for (const entry of sorted) {
    if (current.length > 0 && (current.length >= BATCH_FILES || currentBytes + entry.size > BATCH_BYTES)) {
      result.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(entry);
    currentBytes += entry.size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

let nextId = 0;

function ask(worker: Worker, entries: FileEntry[]): Promise<FileTaskResult[]> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (message: { id: number; results?: FileTaskResult[]; failure?: string }) => {
      if (message.id !== id) return;
      cleanup();
      if (message.results) resolve(message.results);
      else reject(new Error(message.failure));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.postMessage({ id, entries });
  });
}
