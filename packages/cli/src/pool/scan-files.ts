import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ScanSettings, ScanSink } from "../scan/scan-context.js";
import type { FileEntry } from "../walk/collect-files.js";
import { describeFailure, type FailureDescription } from "../describe-failure.js";
import { messages } from "../messages.js";
import { errorAt } from "../scan/error-at.js";
import { replay, runFileTask, type FileTaskResult } from "./file-task.js";

// Starting a worker costs tens of milliseconds: below this much input one thread is faster.
const PARALLEL_FROM_BYTES = 16 * 1024 * 1024;
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
      const result = await runFileTask(entry, settings, sink).catch((error: unknown) => error as Error);
      if (result instanceof Error) reportFailure(entry, describeFailure(result, process.env), sink);
      else bytes += result.scannedBytes;
      onFileDone?.(entry);
    }
    return bytes;
  }
  // Biggest files first, so one large file does not start last and finish alone.
  const queue = [...files].sort((a, b) => b.size - a.size);
  let bytes = 0;
  const runWorker = async () => {
    let worker = new Worker(WORKER_URL);
    try {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        const result = await ask(worker, entry, settings).catch((error: unknown) => error as Error);
        if (result instanceof Error) {
          // One file failed (or killed its thread): name it, start a fresh thread, go on.
          reportFailure(entry, (result as Error & { failure?: FailureDescription }).failure ?? describeFailure(result, process.env), sink);
          await worker.terminate();
          worker = new Worker(WORKER_URL);
        } else {
          replay(result.events, sink);
          bytes += result.scannedBytes;
        }
        onFileDone?.(entry);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: workers }, runWorker));
  return bytes;
}

/** One line naming the file; where it failed follows as a warning, only when debugging. */
function reportFailure(entry: FileEntry, failure: FailureDescription, sink: ScanSink): void {
  sink.error(errorAt({ file: entry.displayPath }, messages.workerFailed(failure.label)));
  if (failure.frames) sink.warning(entry.displayPath, `where it failed:\n${failure.frames}`);
}

let nextId = 0;

function ask(worker: Worker, entry: FileEntry, settings: ScanSettings): Promise<FileTaskResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (message: { id: number; result?: FileTaskResult; failure?: FailureDescription }) => {
      if (message.id !== id) return;
      cleanup();
      if (message.result) resolve(message.result);
      else reject(Object.assign(new Error("scan failed in a worker"), { failure: message.failure }));
    };
    // A thread that ends without answering (out of memory, process.exit) must not hang the scan.
    const onExit = (code: number) => {
      cleanup();
      reject(Object.assign(new Error(`worker exited with code ${code}`), { name: "WorkerExit" }));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ id, entry, settings });
  });
}
