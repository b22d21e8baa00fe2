import { setFlagsFromString } from "node:v8";

let holders = 0;

/** What `holdMainYoungGeneration` hands back: call `online` as each worker starts, `release` once all ended. */
export interface YoungGenerationHold {
  online: () => void;
  release: () => void;
}

/**
 * Keeps the main thread's young generation at the size it has (a few MB at start) while workers
 * scan, and starts each worker with its young generation at `workerSemiSpaceMb` (README, "Many
 * findings"). While workers scan, the main thread only takes in findings, and keeps them all: with
 * many findings they pass V8's growth test (survivors worth the young generation's size) again and
 * again, and it grew to 32 MB, for nothing (little is short-lived there).
 * Node takes no young-generation limit for the main thread after start (`--max-semi-space-size` is
 * read when a heap is made), but V8 reads `--semi-space-growth-factor` each time it would grow one.
 * The flags are the process's, and every new heap (each worker's) sets a growth factor below 2 back
 * to 2: so the factor is set to 1 once each worker is `online`, and `--min-semi-space-size` (read
 * when a heap is made) starts each worker at its full young generation, which then never needs to
 * grow (one that stayed at 1 MB cost 5x the collection time, see WORKER_LIMITS). Both are reset
 * when the last holder lets go, so a later one-thread scan in this process grows as usual.
 */
export function holdMainYoungGeneration(workerSemiSpaceMb: number): YoungGenerationHold {
  if (holders++ === 0) setFlagsFromString(`--min-semi-space-size=${workerSemiSpaceMb}`);
  let released = false;
  return {
    online: () => {
      if (!released) setFlagsFromString("--semi-space-growth-factor=1");
    },
    release: () => {
      if (released) return;
      released = true;
      if (--holders > 0) return;
      // V8's defaults (flag-definitions.h): no minimum, growth by a factor of 2.
      setFlagsFromString("--min-semi-space-size=0");
      setFlagsFromString("--semi-space-growth-factor=2");
    },
  };
}
