#!/usr/bin/env node
// Old vs new build: how many bytes findTokens allocates per byte of the dense log, collected
// garbage included (V8's sampling heap profiler, keeping what minor and major GCs freed). Short-
// lived garbage is what fills a caller's young generation (the CLI's memory floor) and costs GC time.
// Usage: npx tsc -b && node packages/core/bench/compare-allocation.js <old build's dist/index.js> [megabytes=8]
import inspector from "node:inspector/promises";
import { resolve } from "node:path";
import * as next from "../dist/index.js";
import { generateLog } from "./generate-logs.js";

const [oldPath, megabytesArgument = "8"] = process.argv.slice(2);
if (!oldPath) {
  console.error("usage: node packages/core/bench/compare-allocation.js <old build's dist/index.js> [megabytes]");
  process.exit(2);
}
const old = await import(resolve(oldPath));
const megabytes = Number(megabytesArgument);
const dense = generateLog(megabytes * 1e6, { dense: true }).text;
const session = new inspector.Session();
session.connect();

/** Sampled bytes allocated by one findTokens over `text` (warmed up first, so the JIT's own allocations are left out). */
async function allocated(build, text) {
  build.findTokens(text.slice(0, 2e6));
  await session.post("HeapProfiler.startSampling", { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  build.findTokens(text);
  const { profile } = await session.post("HeapProfiler.stopSampling");
  let total = 0;
  const walk = (node) => {
    total += node.selfSize;
    for (const child of node.children) walk(child);
  };
  walk(profile.head);
  return total;
}

console.log(`findTokens allocation, old vs new build, dense log of ${megabytes} MB, Node ${process.version}\n`);
console.log("| build | MB allocated | bytes per byte scanned |");
console.log("| --- | ---: | ---: |");
for (const [label, build] of [["old", old], ["new", next]]) {
  const bytes = await allocated(build, dense);
  console.log(`| ${label} | ${(bytes / 1e6).toFixed(1)} | ${(bytes / dense.length).toFixed(2)} |`);
}
