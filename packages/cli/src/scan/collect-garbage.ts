import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | undefined | null;

/**
 * Runs a full garbage collection now, with V8's `gc` function taken without a command-line flag (as
 * jest's leak detector takes it); false when V8 refused it. A few ms with a small live heap.
 */
export function collectGarbage(): boolean {
  if (collect === undefined) collect = exposeGc();
  if (!collect) return false;
  collect();
  return true;
}

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
