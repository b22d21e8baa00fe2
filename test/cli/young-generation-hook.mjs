// Preloaded into the CLI by memory.test.ts (`node --import`): samples the main thread's young
// generation (V8's new space) every few milliseconds while worker threads run, and writes what it
// saw to the file named in YOUNG_GENERATION_OUT when the process exits. Worker threads load it too,
// and do nothing.
import { writeFileSync } from "node:fs";
import { getHeapSpaceStatistics } from "node:v8";
import { isMainThread } from "node:worker_threads";

if (isMainThread && process.env.YOUNG_GENERATION_OUT) {
  const newSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? 0;
  const seen = { workers: 0, atFirstWorker: 0, largestWhileWorkers: 0 };
  let running = 0;
  const sample = () => {
    if (running > 0) seen.largestWhileWorkers = Math.max(seen.largestWhileWorkers, newSpace());
  };
  setInterval(sample, 2).unref();
  process.on("worker", (worker) => {
    if (seen.workers++ === 0) seen.atFirstWorker = newSpace();
    running++;
    worker.on("message", sample);
    worker.once("exit", () => running--);
  });
  process.on("exit", () => writeFileSync(process.env.YOUNG_GENERATION_OUT, JSON.stringify(seen)));
}
