// Many small files, as in a checkout: copies this workspace's node_modules/.pnpm (dereferenced) to a
// temp folder, up to FILES files (default 8000), then times `hawzu-scan` on it beside ripgrep, and
// deletes the copy. The first run of each warms the page cache and is not counted.
//   node packages/cli/bench/small-files.js
//   FILES=40000 JOBS=2 node packages/cli/bench/small-files.js
//   BINS=packages/cli/bin/hawzu-scan.js,/tmp/old/bin.js node packages/cli/bench/small-files.js
// BINS compares builds on the same tree, run alternately.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = join(HERE, "../bin/hawzu-scan.js");
const SOURCE = join(HERE, "../../../node_modules/.pnpm");
const LIMIT = Number(process.env.FILES ?? 8000);
const JOBS = process.env.JOBS;
const RUNS = Number(process.env.RUNS ?? 3);
const BINS = process.env.BINS ? process.env.BINS.split(",").map((bin) => resolve(bin)) : [BIN];

const folder = mkdtempSync(join(tmpdir(), "hawzu-small-files-"));
let files = 0;
let bytes = 0;
// Depth first in name order, following links (pnpm's store is links), each real file once.
function copy(from, to, seen) {
  for (const name of readdirSync(from).sort()) {
    if (files >= LIMIT) return;
    const source = join(from, name);
    let info;
    try {
      info = statSync(source);
    } catch {
      continue;
    }
    if (info.isDirectory()) {
      if (seen.has(`${info.dev}:${info.ino}`)) continue;
      mkdirSync(join(to, name), { recursive: true });
      copy(source, join(to, name), new Set([...seen, `${info.dev}:${info.ino}`]));
    } else if (info.isFile()) {
      copyFileSync(source, join(to, name));
      files++;
      bytes += info.size;
    }
  }
}

// Wall time and CPU time (user + system, all threads): on a shared machine the CPU time is the
// steadier figure, since wall time waits for cores other jobs hold.
function time(command, args) {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %U %S", command, ...args], { cwd: folder, encoding: "utf8", maxBuffer: 1 << 28 });
  const [seconds, user, system] = result.stderr.trim().split("\n").pop().split(" ").map(Number);
  return { seconds, cpu: user + system, result };
}

try {
  copy(SOURCE, join(folder, "tree"), new Set());
  console.log(`tree: ${files} files, ${(bytes / 1024 / 1024).toFixed(0)} MB (node ${process.version}, ${JOBS ? `--jobs ${JOBS}` : "default jobs"})`);
  const scanArgs = (bin) => [bin, "-f", "json", ...(JOBS ? ["--jobs", JOBS] : []), "tree"];
  const rgArgs = ["-uuu", "-i", "-c", "hawzu", "tree"];
  for (const bin of BINS) time(process.execPath, scanArgs(bin));
  time("rg", rgArgs);
  const ours = BINS.map(() => []);
  const theirs = [];
  for (let run = 0; run < RUNS; run++) {
    BINS.forEach((bin, index) => {
      const scan = time(process.execPath, scanArgs(bin));
      if (scan.result.status === 2) throw new Error(`hawzu-scan failed: ${scan.result.stderr}`);
      ours[index].push(scan);
    });
    theirs.push(time("rg", rgArgs));
  }
  const best = (list, key) => Math.min(...list.map((run) => run[key]));
  const line = (name, runs) =>
    `${name}: ${best(runs, "seconds").toFixed(2)} s wall = ${Math.round(files / best(runs, "seconds"))} files/s; ${best(runs, "cpu").toFixed(2)} s CPU = ${Math.round(files / best(runs, "cpu"))} files per CPU-second (best of ${RUNS})`;
  BINS.forEach((bin, index) => console.log(line(BINS.length > 1 ? `hawzu-scan (${bin})` : "hawzu-scan", ours[index])));
  console.log(line("ripgrep -uuu -i hawzu", theirs));
  console.log(`load average: ${loadavg().map((load) => load.toFixed(1)).join(" ")} on ${availableParallelism()} cores`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
