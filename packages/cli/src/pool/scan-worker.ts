// A worker thread of the pool: scans the files it is sent, one at a time, and posts the events back.
import { parentPort } from "node:worker_threads";
import { describeFailure } from "../describe-failure.js";
import type { ScanSettings } from "../scan/scan-context.js";
import type { FileEntry } from "../walk/collect-files.js";
import { runFileTask } from "./file-task.js";

parentPort?.on("message", async (task: { id: number; entry: FileEntry; settings: ScanSettings }) => {
  try {
    const result = await runFileTask(task.entry, task.settings);
    parentPort?.postMessage({ id: task.id, result });
  } catch (error) {
    // Only the error's class (and frames when debugging) crosses over: its message may quote the text.
    parentPort?.postMessage({ id: task.id, failure: describeFailure(error, process.env) });
  }
});
