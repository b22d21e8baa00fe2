// One big plain log on all cores: writes two logs (default 256 MB each): a sparse one (see
// generate-log.js; the scan passes most of it over at memory speed) and a dense one (the core's
// generator, where a keyword every few lines keeps the scan CPU-bound), scans each with --jobs 1
// and with --jobs N (default: the machine's cores), and prints wall and CPU time and the speed-up,
// checking both runs report the same findings. Deletes the logs.
//   node packages/cli/bench/big-file.js
//   MB=512 JOBS=2 LOGS=dense node packages/cli/bench/big-file.js
//   BINS=packages/cli/bin/hawzu-scan.js,/tmp/old/bin.js LOGS=dense node packages/cli/bench/big-file.js
// BINS compares builds on the same logs, run alternately.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateLogChunks } from "../../core/bench/generate-logs.js";
import { generateLog } from "./generate-log.js";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "../bin/hawzu-scan.js");
const MEGABYTES = Number(process.env.MB ?? 256);
const JOBS = Number(process.env.JOBS ?? availableParallelism());
const RUNS = Number(process.env.RUNS ?? 3);
const LOGS = (process.env.LOGS ?? "sparse,dense").split(",");
const BINS = process.env.BINS ? process.env.BINS.split(",") : [BIN];

async function writeDense(path, bytes) {
  const out = createWriteStream(path);
  const generator = generateLogChunks(bytes, { dense: true });
  let next = generator.next();
  for (; !next.done; next = generator.next()) if (!out.write(next.value)) await new Promise((resolve) => out.once("drain", resolve));
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return { bytes, planted: next.value };
}

const folder = mkdtempSync(join(tmpdir(), "hawzu-big-file-"));
try {
  for (const kind of LOGS) {
    const log = join(folder, `${kind}.log`);
    const { bytes, planted } = kind === "dense" ? await writeDense(log, MEGABYTES * 1024 * 1024) : await generateLog(log, MEGABYTES * 1024 * 1024, { hawzuEvery: 2_000 });
    console.log(`${kind} log: ${(bytes / 1024 / 1024).toFixed(0)} MB, ${planted} tokens planted (node ${process.version})`);
    const run = (bin, jobs) => {
      const report = join(folder, `report-${jobs}.json`);
      const result = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, bin, "-f", "json", "-o", report, "--jobs", String(jobs), log], { encoding: "utf8" });
      const [seconds, user, system, peakKb] = result.stderr.trim().split("\n").pop().split(" ").map(Number);
      const findings = JSON.parse(readFileSync(report, "utf8")).findings.map(({ line, column, fingerprint }) => `${line}:${column}:${fingerprint}`);
      return { seconds, cpu: user + system, peakMb: peakKb / 1024, findings: findings.join(","), count: findings.length };
    };
    // Builds and job counts alternate within each round, so each sees the same load.
    const all = BINS.map(() => ({ 1: [], [JOBS]: [] }));
    const loads = [];
    for (let index = 0; index < RUNS; index++) {
      BINS.forEach((bin, which) => {
        for (const jobs of [1, JOBS]) all[which][jobs].push(run(bin, jobs));
      });
      loads.push(loadavg()[0]);
    }
    for (const [which, bin] of BINS.entries()) {
      const label = BINS.length > 1 ? `${bin}: ` : "";
      const results = all[which];
      const best = (list) => Math.min(...list.map((result) => result.seconds));
      const reference = results[1][0].findings;
      if ([...results[1], ...results[JOBS]].some((result) => result.findings !== reference)) {
        throw new Error(`${kind}: the chunked scan reported other findings than the whole-file scan`);
      }
      for (const jobs of [1, JOBS]) {
        const cpu = Math.min(...results[jobs].map((result) => result.cpu));
        const peak = Math.max(...results[jobs].map((result) => result.peakMb));
        console.log(`  ${label}--jobs ${jobs}: ${best(results[jobs]).toFixed(2)} s wall (${(bytes / 1024 / 1024 / best(results[jobs])).toFixed(0)} MB/s), ${cpu.toFixed(2)} s CPU (best of ${RUNS}), peak RSS ${peak.toFixed(0)} MB`);
      }
      console.log(`  ${label}speed-up: ${(best(results[1]) / best(results[JOBS])).toFixed(2)}x on ${JOBS} jobs; same ${results[1][0].count} findings in both; load average ${loads.map((load) => load.toFixed(1)).join(" ")}`);
    }
    rmSync(log);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
