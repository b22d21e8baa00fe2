import { BLOCK_SIZE } from "./byte-scanner.js";

// Pairs of read buffers given back, kept for the next big file or chunk of this thread: a worker
// scanning 64 chunks of a 2 GB log allocated 128 blocks of 4 MB, which the allocator (and V8's
// external-memory accounting) held far longer than their use (README, "Many findings").
const spare: Buffer[][] = [];

/**
 * Two read buffers of BLOCK_SIZE that take turns (one is read into while the other is scanned),
 * reused across the files and chunks one thread reads one after the other. Give them back with
 * `release` once nothing points into them any more; reads at the same time borrow their own pair.
 */
export function borrowReadBuffers(): { buffers: Buffer[]; release: () => void } {
  const buffers = spare.pop() ?? [Buffer.allocUnsafe(BLOCK_SIZE), Buffer.allocUnsafe(BLOCK_SIZE)];
  let released = false;
  return {
    buffers,
    release: () => {
      if (released) return;
      released = true;
      // One pair per thread is enough: reads run one after the other; more would only hold memory.
      if (spare.length === 0) spare.push(buffers);
    },
  };
}
