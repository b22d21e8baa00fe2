import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// Judging dense text leaves its 1 MB strings (decoded text, the core's joined and lower-cased
// copies) in V8's large-object space, which only a full collection empties; V8 lets tens of MB
// pile up before it runs one. Past this much, one is run: a few ms with a small live heap.
const LARGE_GARBAGE_LIMIT = 24 * 1024 * 1024;

let collect: (() => void) | undefined | null;

/**
 * Runs a full garbage collection when the large-object space holds more than LARGE_GARBAGE_LIMIT
 * bytes: keeps peak memory flat on dense text. Called once per judged block, so cheap to call.
 */
export function releaseLargeGarbage(): void {
  if (collect === undefined) collect = exposeGc();
  if (!collect) return;
  const large = getHeapSpaceStatistics().find((space) => space.space_name === "large_object_space");
  if (large && large.space_used_size > LARGE_GARBAGE_LIMIT) collect();
}

/** V8's `gc` function without a command-line flag (as jest's leak detector gets it); null if refused. */
function exposeGc(): (() => void) | null {
  if (typeof globalThis.gc === "function") return globalThis.gc as () => void;
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
