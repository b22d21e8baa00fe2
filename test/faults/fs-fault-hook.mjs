// A fault-injection hook the tests preload into the CLI (`node --import`, which worker threads load
// too): right after the CLI checks a file with stat or statSync, or just before it opens one with
// openSync (a small file's read, checked by the walk's size), the file named in FAULT_VANISH is deleted, the
// one in FAULT_SHRINK ("name:bytes") is truncated, or, in a worker thread (or the main one with
// FAULT_CRASH_MAIN set), the one in FAULT_CRASH crashes it; the one in FAULT_OUT_OF_MEMORY makes a
// worker thread (never the main one) run out of heap. Deterministic: the fault happens between the check and the read.
import { rmSync, truncateSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { basename } from "node:path";
import { isMainThread } from "node:worker_threads";

const require = createRequire(import.meta.url);
const fs = require("node:fs");
const fsPromises = require("node:fs/promises");
const originalStat = fsPromises.stat;
const originalStatSync = fs.statSync;
const vanish = process.env.FAULT_VANISH;
const [shrinkName, shrinkBytes] = (process.env.FAULT_SHRINK ?? "").split(":");

// Returns true when the thread is made to crash.
function injectFault(path) {
  const name = basename(String(path));
  // The first of the checks (open, then stat if that failed) does it; the others find it done.
  if (name === vanish) rmSync(path, { force: true });
  if (name === shrinkName) truncateSync(path, Number(shrinkBytes));
  if (name === process.env.FAULT_OUT_OF_MEMORY && !isMainThread) {
    // Holds ever more memory until the worker passes its heap limit (`resourceLimits`) and is ended.
    const held = [];
    for (;;) held.push(new Array(1024 * 1024).fill(held.length));
  }
  if (name === process.env.FAULT_CRASH && (!isMainThread || process.env.FAULT_CRASH_MAIN)) {
    // An error nothing catches, with scanned-looking text in its message, which must not be printed.
    // Thrown from the next turn, outside any try: the caller carries on until its next await.
    process.nextTick(() => {
      throw new TypeError(`crash while reading ${process.env.FAULT_CRASH_TEXT ?? ""}`);
    });
    return true;
  }
  return false;
}

fsPromises.stat = async function stat(path, ...rest) {
  const info = await originalStat.call(this, path, ...rest);
  if (injectFault(path)) return new Promise(() => {});
  return info;
};
// The CLI checks a file it is about to read with statSync (no async round trip per file).
fs.statSync = function statSync(path, ...rest) {
  const info = originalStatSync.call(this, path, ...rest);
  injectFault(path);
  return info;
};
// A small file is read without a stat (the walk's size is its check): its open is where it changes.
const originalOpenSync = fs.openSync;
let injecting = false;
fs.openSync = function openSync(path, ...rest) {
  // truncateSync opens the file itself: that open is the fault's, not the CLI's.
  if (!injecting) {
    injecting = true;
    try {
      injectFault(path);
    } finally {
      injecting = false;
    }
  }
  return originalOpenSync.call(this, path, ...rest);
};
// ESM named imports of node:fs/promises are live bindings: make them see the wrapper.
syncBuiltinESMExports();
