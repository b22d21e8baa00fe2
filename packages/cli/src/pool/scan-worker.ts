// A worker thread of the pool: scans the batches of files it is sent, and posts each batch's events back.
import { parentPort, workerData } from "node:worker_threads";
import type { ScanSettings } from "../scan/scan-context.js";
import type { FileEntry } from "../walk/collect-files.js";
import { runBatchTask } from "./file-task.js";

// The settings come once, with the worker: each message is only a batch of paths.
const settings = (workerData as { settings: ScanSettings }).settings;

parentPort?.on("message", async (task: { id: number; entries: FileEntry[] }) => {
  try {
    const results = await runBatchTask(task.entries, settings);
    parentPort?.postMessage({ id: task.id, results });
  } catch (error) {
    // One line, not a stack trace: the main thread names the files of the batch.
    parentPort?.postMessage({ id: task.id, failure: (error as Error)?.message ?? String(error) });
  }
});
