#!/usr/bin/env node
// Old vs new build, findTokens CPU time in one process: the two builds run alternately on the same
// text, best of N each, so a shared machine's load hits both alike (the ratio is the figure).
// Logs: the dense one of issue 13, and the same with "Hawzu" left on one line in 50.
// Usage: npx tsc -b && node packages/core/bench/compare-speed.js <old build's dist/index.js> [megabytes=32] [runs=7]
import os from "node:os";
import { resolve } from "node:path";
import * as next from "../dist/index.js";
import { generateLog } from "./generate-logs.js";

const [oldPath, megabytesArgument = "32", runsArgument = "7"] = process.argv.slice(2);
if (!oldPath) {
  console.error("usage: node packages/core/bench/compare-speed.js <old build's dist/index.js> [megabytes] [runs]");
  process.exit(2);
}
const old = await import(resolve(oldPath));
const megabytes = Number(megabytesArgument);
const runs = Number(runsArgument);
const cpuSeconds = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};

const dense = generateLog(megabytes * 1e6, { dense: true }).text;
const lines = dense.split("\n");
const every50 = lines.map((line, index) => (index % 50 === 0 ? line : line.replace(/hawzu/gi, "acme"))).join("\n");

console.log(`findTokens, old vs new build, ${megabytes} MB, best of ${runs} CPU each, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores\n`);
console.log("| log | old MB/s | new MB/s | new / old |");
console.log("| --- | ---: | ---: | ---: |");
for (const [label, text] of [["dense", dense], ["Hawzu on one line in 50", every50]]) {
  const best = new Map([[old, Infinity], [next, Infinity]]);
  for (const build of [old, next]) for (let slice = 0; slice < 4; slice++) build.findTokens(text.slice(slice * 4e6, (slice + 1) * 4e6));
  for (let run = 0; run < runs; run++) {
    for (const build of [old, next]) {
      const started = cpuSeconds();
      build.findTokens(text);
      best.set(build, Math.min(best.get(build), cpuSeconds() - started));
    }
  }
  const before = megabytes / best.get(old);
  const after = megabytes / best.get(next);
  console.log(`| ${label} | ${before.toFixed(0)} | ${after.toFixed(0)} | ${(after / before).toFixed(2)}x |`);
}
