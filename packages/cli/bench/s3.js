#!/usr/bin/env node
// Reads the same log objects from an S3-protocol server on 127.0.0.1 (the tests' fake store) and
// from disk, with the built CLI, in one run: objects/s and MB/s side by side.
// Usage: node packages/cli/bench/s3.js [objects=2000] [kib-per-object=32]
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { startFakeS3 } from "../../../test/fake-s3/start-fake-s3.js";

const objectCount = Number(process.argv[2] ?? 2000);
const kibPerObject = Number(process.argv[3] ?? 32);
const bin = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "hawzu-scan.js");

// A service log that names Hawzu now and then; one object in ten is gzipped, as rotated logs are.
function logText(index) {
  const lines = [];
  let size = 0;
  for (let line = 0; size < kibPerObject * 1024; line++) {
    const text =
      line % 50 === 0
        ? `2026-11-30T10:00:00Z INFO sync ${index}/${line}: GET https://api.hawzu.com/api/v1/workspaces 200\n`
        : `2026-11-30T10:00:00Z INFO worker ${index} handled request ${line} in ${(line * 7) % 300} ms\n`;
    lines.push(text);
    size += text.length;
  }
  return lines.join("");
}

const objects = {};
const folder = mkdtempSync(join(tmpdir(), "hawzu-bench-s3-"));
let bytes = 0;
for (let index = 0; index < objectCount; index++) {
  const name = `logs/2026/11/30/app-${String(index).padStart(5, "0")}.log${index % 10 === 0 ? ".gz" : ""}`;
  const text = logText(index);
  const content = index % 10 === 0 ? gzipSync(text) : Buffer.from(text);
  bytes += text.length;
  objects[name] = content;
  mkdirSync(dirname(join(folder, name)), { recursive: true });
  writeFileSync(join(folder, name), content);
}
const store = await startFakeS3({ buckets: { bench: objects } });

function cli(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, "-f", "json", ...args], {
      env: { ...process.env, AWS_ACCESS_KEY_ID: "AKIABENCH", AWS_SECRET_ACCESS_KEY: "bench", AWS_REGION: "us-east-1", AWS_ENDPOINT_URL_S3: store.url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const report = JSON.parse(out);
      resolve({ code, seconds, files: report.stats.files, errors: report.errors.length });
    });
  });
}

const rows = [];
for (const [label, args] of [
  ["disk", [folder]],
  ["s3 (127.0.0.1)", ["s3://bench/logs/"]],
]) {
  const result = await cli(args);
  rows.push({ label, ...result });
}
await store.close();
rmSync(folder, { recursive: true, force: true });

console.log(`${objectCount} objects, ${(bytes / 1024 / 1024).toFixed(0)} MB of log text (1 in 10 gzipped), node ${process.version}`);
console.log("source           objects/s     MB/s   seconds  scanned  errors");
for (const row of rows) {
  console.log(
    `${row.label.padEnd(16)} ${(row.files / row.seconds).toFixed(0).padStart(9)} ${(bytes / 1024 / 1024 / row.seconds).toFixed(1).padStart(8)} ${row.seconds.toFixed(2).padStart(9)} ${String(row.files).padStart(8)} ${String(row.errors).padStart(7)}`,
  );
}
const [disk, s3] = rows;
console.log(`s3 / disk throughput: ${(disk.seconds / s3.seconds).toFixed(2)}x`);
