import { getHeapSpaceStatistics } from "node:v8";
import { collectGarbage } from "./collect-garbage.js";

// Judging dense text leaves its 1 MB strings (decoded text, the core's joined and lower-cased
// copies) in V8's large-object space, which only a full collection empties; V8 lets tens of MB
// pile up before it runs one. Past this much, one is run: a few ms with a small live heap.
const LARGE_GARBAGE_LIMIT = 24 * 1024 * 1024;

let refused = false;

/**
 * Runs a full garbage collection when the large-object space holds more than LARGE_GARBAGE_LIMIT
 * bytes: keeps peak memory flat on dense text. Called once per judged block, so cheap to call.
 */
export function releaseLargeGarbage(): void {
  if (refused) return;
  const large = getHeapSpaceStatistics().find((space) => space.space_name === "large_object_space");
  if (large && large.space_used_size > LARGE_GARBAGE_LIMIT) refused = !collectGarbage();
}
