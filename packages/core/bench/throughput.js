#!/usr/bin/env node
// Core throughput on generated logs, one thread: MB/s of findTokens (whole text) and of the
// streaming scanner (1 MiB chunks). Issue 13's logs first (targets: dense >= 150 MB/s, sparse
// >= 1 GB/s, each hostile 10 MB line < 1 s), then logs that name Hawzu more or less often.
// Seeded generators (generate-logs.js), so every run scans the same text.
// Usage: npx tsc -b && node packages/core/bench/throughput.js [megabytes=64]
import os from "node:os";
import { performance } from "node:perf_hooks";
import { createTokenScanner, findTokens } from "../dist/index.js";
import { adversarialInputs, fakeToken, generateLog, seededRandom } from "./generate-logs.js";

const megabytes = Number(process.argv[2] ?? 64);
const random = seededRandom(7);
const token = () => fakeToken(random);
const hexText = (length) => Array.from({ length }, () => "0123456789abcdef"[Math.floor(random() * 16)]).join("");
const plainLines = [
  (index) => `2026-11-21T10:00:${String(index % 60).padStart(2, "0")}.123Z INFO  http GET /api/orders/${index % 1e6} 200 12ms`,
  () => `{"ts":"2026-11-21T10:00:01Z","level":"debug","svc":"checkout","msg":"cache miss","key":"cart:${hexText(24)}","took_ms":3}`,
  () => `2026-11-21T10:00:02.001Z WARN  retrying request id=${hexText(16)} attempt=2`,
  () => `2026-11-21T10:00:03.500Z INFO  worker-7 processed batch of 500 messages in 81ms`,
];
const hawzuLines = [
  () => `2026-11-21T10:00:04.000Z INFO  uploading results to https://api.hawzu.com/api/v1/workspace/ws_001/project/proj_101/testruns`,
  () => `{"ts":"2026-11-21T10:00:05Z","level":"info","svc":"hawzu-sync","msg":"synced 212 results","run":"${hexText(12)}"}`,
];

/** The older mention-frequency logs: a Hawzu line every `hawzuEvery` lines, one token per 200k lines. */
function mentionLog(bytes, hawzuEvery) {
  const pool = [];
  for (let index = 0; index < 20_000; index++) {
    pool.push(hawzuEvery > 0 && index % hawzuEvery === 0 ? hawzuLines[index % hawzuLines.length]() : plainLines[index % plainLines.length](index));
  }
  const lines = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    const line = index % 200_000 === 99_999 ? `+ export HAWZU_ACCESS_TOKEN=${token()}` : pool[index % pool.length];
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n") + "\n";
}

// Wall time, and the process's CPU time (user + system): on a shared, overloaded machine the wall
// time counts the time other processes held the cores; the CPU time does not.
function time(run) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

function scanStreamed(text) {
  const scanner = createTokenScanner();
  let found = 0;
  for (let offset = 0; offset < text.length; offset += 1 << 20) found += scanner.write(text.slice(offset, offset + (1 << 20))).findings.length;
  return found + scanner.end().findings.length;
}

function measure(label, text, expected) {
  const mb = text.length / 1e6;
  // Warm-up on slices, so the figures are the JIT-compiled steady state: V8 optimizes a function
  // after a few calls, and a context's match runs once per window (one window here), so a single
  // warm-up call left the measured call half in baseline code (its first call ran ~30% slower).
  for (let slice = 0; slice < 4; slice++) findTokens(text.slice(slice * 4e6, (slice + 1) * 4e6));
  const whole = time(() => findTokens(text).findings.length);
  const streamed = time(() => scanStreamed(text));
  const check = expected === undefined ? "" : whole.value === expected && streamed.value === expected ? " (all planted)" : ` (PLANTED ${expected})`;
  console.log(
    `| ${label} | ${mb.toFixed(0)} | ${(mb / whole.seconds).toFixed(0)} | ${(mb / whole.cpuSeconds).toFixed(0)} | ${(mb / streamed.seconds).toFixed(0)} | ${(mb / streamed.cpuSeconds).toFixed(0)} | ${whole.value}/${streamed.value}${check} |`,
  );
}

console.log(`core throughput, Node ${process.version}, ${megabytes} MB per log, one thread, load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores\n`);
console.log("| log | MB | findTokens MB/s (wall) | findTokens MB/s (CPU) | scanner MB/s (wall) | scanner MB/s (CPU) | findings (whole/streamed) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
const dense = generateLog(megabytes * 1e6, { dense: true });
measure("dense: 1 line in 5 names Hawzu, 1 in 3 says token/bearer/authorization", dense.text, dense.planted);
dense.text = "";
const sparse = generateLog(megabytes * 1e6, { dense: false });
measure("sparse: the same lines without those words", sparse.text, 0);
sparse.text = "";
for (const [label, every] of [["a Hawzu mention every 1000 lines", 1000], ["a Hawzu mention every 50 lines", 50], ["a Hawzu mention on every line", 1]]) {
  measure(label, mentionLog(megabytes * 1e6, every));
}

console.log("\n| hostile one-line input (10 MB) | findTokens s (wall) | findTokens s (CPU) | scanner s (wall) | scanner s (CPU) |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const [label, text] of Object.entries(adversarialInputs())) {
  const whole = time(() => findTokens(text));
  const streamed = time(() => scanStreamed(text));
  console.log(`| ${label} | ${whole.seconds.toFixed(2)} | ${whole.cpuSeconds.toFixed(2)} | ${streamed.seconds.toFixed(2)} | ${streamed.cpuSeconds.toFixed(2)} |`);
}
