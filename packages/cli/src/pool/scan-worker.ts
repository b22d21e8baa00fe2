// A worker thread of the pool: scans the batches of files and the chunks of big files it is sent,
// and posts each one's events back.
import { parentPort, workerData } from "node:worker_threads";
import { describeFailure } from "../describe-failure.js";
import type { ScanSettings } from "../scan/scan-context.js";
import type { FileEntry } from "../walk/collect-files.js";
import { runChunkTask, type ChunkTask } from "./chunk-task.js";
import { runBatchTask } from "./file-task.js";

// The settings come once, with the worker: each message is only a batch of paths or a chunk.
const settings = (workerData as { settings: ScanSettings }).settings;

parentPort?.on("message", async (task: { id: number; entries?: FileEntry[]; chunk?: ChunkTask }) => {
  try {
    if (task.chunk) parentPort?.postMessage({ id: task.id, chunk: await runChunkTask(task.chunk, settings) });
    else parentPort?.postMessage({ id: task.id, results: await runBatchTask(task.entries ?? [], settings) });
  } catch (error) {
    // Only the error's class (and frames when debugging) crosses over: its message may quote the text.
    parentPort?.postMessage({ id: task.id, failure: describeFailure(error, process.env) });
  }
});
