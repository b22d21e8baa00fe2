#!/usr/bin/env node
// Core throughput on a generated log: MB/s of findTokens (whole text) and of the streaming
// scanner (1 MiB chunks), for logs that mention Hawzu rarely, often, and on every line.
// Usage: npx tsc -b && node packages/core/bench/throughput.js [megabytes=64]
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createTokenScanner, findTokens } from "../dist/index.js";

const megabytes = Number(process.argv[2] ?? 64);
const token = () => randomBytes(24).toString("base64url");
const plainLines = [
  () => `2026-11-21T10:00:${String(Math.floor(Math.random() * 60)).padStart(2, "0")}.123Z INFO  http GET /api/orders/${Math.floor(Math.random() * 1e6)} 200 12ms`,
  () => `{"ts":"2026-11-21T10:00:01Z","level":"debug","svc":"checkout","msg":"cache miss","key":"cart:${token()}","took_ms":3}`,
  () => `2026-11-21T10:00:02.001Z WARN  retrying request id=${randomBytes(8).toString("hex")} attempt=2`,
  () => `2026-11-21T10:00:03.500Z INFO  worker-7 processed batch of 500 messages in 81ms`,
];
const hawzuLines = [
  () => `2026-11-21T10:00:04.000Z INFO  uploading results to https://api.hawzu.com/api/v1/workspace/ws_001/project/proj_101/testruns`,
  () => `{"ts":"2026-11-21T10:00:05Z","level":"info","svc":"hawzu-sync","msg":"synced 212 results","run":"${randomBytes(6).toString("hex")}"}`,
];

function generate(bytes, hawzuEvery) {
  const lines = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    let line;
    if (index % 200_000 === 99_999) line = `+ export HAWZU_ACCESS_TOKEN=${token()}`;
    else if (hawzuEvery > 0 && index % hawzuEvery === 0) line = hawzuLines[index % hawzuLines.length]();
    else line = plainLines[index % plainLines.length]();
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n") + "\n";
}

function measure(label, text) {
  const mb = text.length / 1e6;
  // Warm-up on a slice, so the figures are the JIT-compiled steady state.
  findTokens(text.slice(0, 4e6));
  let started = performance.now();
  const whole = findTokens(text).findings.length;
  const wholeSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const scanner = createTokenScanner();
  let streamed = 0;
  for (let offset = 0; offset < text.length; offset += 1 << 20) streamed += scanner.write(text.slice(offset, offset + (1 << 20))).findings.length;
  streamed += scanner.end().findings.length;
  const streamSeconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(34)} ${mb.toFixed(0).padStart(4)} MB  findTokens ${(mb / wholeSeconds).toFixed(0).padStart(6)} MB/s  ` +
      `scanner ${(mb / streamSeconds).toFixed(0).padStart(6)} MB/s  findings ${whole}/${streamed}`,
  );
}

console.log(`core throughput, Node ${process.version}, ${megabytes} MB per log`);
for (const [label, every] of [["no Hawzu mention but 1 in 200k lines", 0], ["Hawzu mention every 1000 lines", 1000], ["Hawzu mention every 50 lines", 50], ["Hawzu mention on every line", 1]]) {
  measure(label, generate(megabytes * 1e6, every));
}
