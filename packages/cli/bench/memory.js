// Peak memory of a scan with many findings: writes a big log (default 2 GB) holding many distinct
// fake tokens (default 100,000, seeded, never real) to a temp file, runs the built CLI on it in each
// machine-readable format under /usr/bin/time, prints peak RSS per format, and deletes the log.
//   node packages/cli/bench/memory.js                 # 2048 MB, 100000 findings
//   MB=256 FINDINGS=20000 node packages/cli/bench/memory.js
//   BINS=packages/cli/bin/hawzu-scan.js,/tmp/old/bin.js RUNS=3 node packages/cli/bench/memory.js
//   LOG=/tmp/big.log node packages/cli/bench/memory.js   # keeps the log there, reused next time
//   ARGS="--jobs 1" node packages/cli/bench/memory.js     # more options for every run
// BINS compares builds on the same log, run alternately (RUNS rounds, default 1).
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "../bin/hawzu-scan.js");
const MEGABYTES = Number(process.env.MB ?? 2048);
const FINDINGS = Number(process.env.FINDINGS ?? 100_000);
const FORMATS = (process.env.FORMATS ?? "json,sarif,text").split(",");
const BINS = process.env.BINS ? process.env.BINS.split(",") : [BIN];
const RUNS = Number(process.env.RUNS ?? 1);

// mulberry32: the same log on every run.
let state = 20261202;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function fakeToken() {
  let token = "";
  for (let index = 0; index < 40; index++) token += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return `${token.slice(0, 10)}Aa1${token.slice(13)}`;
}

async function writeLog(path) {
  const total = MEGABYTES * 1024 * 1024;
  const filler = [];
  for (let index = 0; filler.join("").length < 256 * 1024; index++) {
    filler.push(`2026-11-28T09:00:${String(index % 60).padStart(2, "0")}Z INFO [http] GET /api/v1/items/${index} status=200 latency_ms=${index % 997} req_id=${(index * 2654435761 >>> 0).toString(16)}\n`);
  }
  const block = Buffer.from(filler.join(""));
  const every = total / FINDINGS;
  const out = createWriteStream(path);
  let written = 0;
  let planted = 0;
  let fillerAt = 0;
  const write = (buffer) => (out.write(buffer) ? undefined : new Promise((resolve) => out.once("drain", resolve)));
  while (written < total) {
    const target = Math.min(total, Math.round((planted + 1) * every));
    while (written < target - 120) {
      const take = Math.min(block.length - fillerAt, target - 120 - written);
      const end = block.lastIndexOf(10, fillerAt + take - 1) + 1;
      const piece = end > fillerAt ? block.subarray(fillerAt, end) : block.subarray(fillerAt, fillerAt + take);
      await write(piece);
      written += piece.length;
      fillerAt = (fillerAt + piece.length) % block.length;
    }
    if (planted < FINDINGS) {
      const line = Buffer.from(`2026-11-28T09:00:00Z DEBUG env HAWZU_ACCESS_TOKEN=${fakeToken()}\n`);
      await write(line);
      written += line.length;
      planted++;
    } else break;
  }
  await new Promise((resolve) => out.end(resolve));
  return planted;
}

const folder = mkdtempSync(join(tmpdir(), "hawzu-memory-"));
try {
  // A kept log is the same text (seeded) when MB and FINDINGS are the same: written once.
  const log = process.env.LOG ?? join(folder, "big.log");
  const planted = process.env.LOG && existsSync(log) ? FINDINGS : await writeLog(log);
  const size = statSync(log).size;
  console.log(`log: ${(size / 1024 / 1024).toFixed(0)} MB, ${planted} findings planted (node ${process.version})`);
  for (let round = 0; round < RUNS; round++) {
    for (const format of FORMATS) {
      for (const bin of BINS) {
        const started = performance.now();
        const result = spawnSync("/usr/bin/time", ["-f", "%M %U %S", process.execPath, bin, ...(process.env.ARGS ?? "").split(" ").filter(Boolean), "-f", format, "-o", join(folder, `report.${format}`), log], { encoding: "utf8" });
        const seconds = (performance.now() - started) / 1000;
        const [peakKb, user, system] = result.stderr.trim().split("\n").pop().split(" ").map(Number);
        const reported = format === "json" ? JSON.parse(spawnSync("cat", [join(folder, "report.json")], { encoding: "utf8", maxBuffer: 1 << 30 }).stdout).findings.length : undefined;
        const label = BINS.length > 1 ? `${bin}: ` : "";
        console.log(`${label}-f ${format.padEnd(5)} exit ${result.status}  peak RSS ${(peakKb / 1024).toFixed(0)} MB  ${seconds.toFixed(1)} s  ${(user + system).toFixed(1)} s CPU${reported === undefined ? "" : `  ${reported} findings reported`}  load ${loadavg()[0].toFixed(1)}`);
      }
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
