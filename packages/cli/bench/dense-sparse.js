#!/usr/bin/env node
// Issue 13's CLI benchmark, in one run on the same files: the built hawzu-scan against secretlint
// with one pattern rule and ripgrep, on a 256 MB *dense* log (1 line in 5 names Hawzu, 1 in 3 says
// token/bearer/authorization, a few planted fake tokens) and a *sparse* one (the same shapes
// without those words). Targets: hawzu-scan >= 5x secretlint on dense, >= 1/4 of rg's MB/s on
// sparse, peak RSS < 150 MB on dense. The logs come from the core's seeded generator, so every
// run scans the same text; they go to bench/.bench-data/ (git-ignored) and are reused.
// Usage: npx tsc -b && node packages/cli/bench/dense-sparse.js [MB=256]  (needs rg and /usr/bin/time)
import { spawnSync } from "node:child_process";
import os from "node:os";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateLogChunks } from "../../core/bench/generate-logs.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const DATA = join(HERE, ".bench-data");
const BIN = join(HERE, "../bin/hawzu-scan.js");
const SECRETLINT = join(HERE, "../node_modules/.bin/secretlint");
const MB = Number(process.argv[2] ?? 256);
// One expression with the idea of the core's strongest contexts: a Hawzu-named key with a value,
// or a bearer header on a line that goes to a Hawzu host (the same as bench/throughput.js).
const PATTERN =
  "hawzu[A-Za-z0-9_.-]*(token|key|secret)[\"']?\\s*[:=]\\s*[\"']?[A-Za-z0-9_.~+/=-]{20,}|Bearer\\s+[A-Za-z0-9_.~+/=-]{20,}[^\\n]{0,200}hawzu";

mkdirSync(DATA, { recursive: true });

async function write(path, dense) {
  if (existsSync(path)) return;
  process.stderr.write(`generating ${path} ...\n`);
  const out = createWriteStream(path);
  const generator = generateLogChunks(MB * 1e6, { dense });
  let planted = 0;
  for (let next = generator.next(); ; next = generator.next()) {
    if (next.done) {
      planted = next.value;
      break;
    }
    if (!out.write(next.value)) await new Promise((resolve) => out.once("drain", resolve));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  writeFileSync(`${path}.planted`, String(planted));
}

/**
 * One run: wall time, CPU time (user + system) and peak RSS (from /usr/bin/time), and stdout. The
 * CPU time is the fairer figure on a shared, overloaded machine: it leaves out the time other
 * processes held the cores.
 */
function measure(name, input, command, args) {
  const rssFile = join(DATA, "rss.txt");
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync("/usr/bin/time", ["-f", "%M %U %S", "-o", rssFile, command, ...args], { maxBuffer: 256 * 1024 * 1024, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error || ![0, 1].includes(result.status)) throw new Error(`${name} failed (${result.status}): ${result.error?.message ?? result.stderr.slice(0, 400)}`);
  const [rssKb, user, system] = readFileSync(rssFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
  const megabytes = statSync(input).size / 1e6;
  const cpuSeconds = user + system;
  return { name, input, megabytes, seconds, rate: megabytes / seconds, cpuSeconds, cpuRate: megabytes / cpuSeconds, rss: rssKb / 1024, output: result.stdout };
}

const dense = join(DATA, `dense-issue13-${MB}mb.log`);
const sparse = join(DATA, `sparse-issue13-${MB}mb.log`);
await write(dense, true);
await write(sparse, false);
const secretlintrc = join(DATA, "secretlintrc-issue13.json");
writeFileSync(
  secretlintrc,
  JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-pattern", options: { patterns: [{ name: "hawzu", patterns: [`/${PATTERN}/i`] }] } }] }),
);

const hawzuScan = (file) => [process.execPath, [BIN, "--jobs", "1", "-f", "json", file]];
const rows = [];
for (const [label, file] of [["dense", dense], ["sparse", sparse]]) {
  const scan = measure(`hawzu-scan, ${label}`, file, ...hawzuScan(file));
  const planted = Number(readFileSync(`${file}.planted`, "utf8"));
  const found = JSON.parse(scan.output).findings.length;
  scan.note = `${found} of ${planted} planted`;
  rows.push(scan);
  const secretlint = measure(`secretlint + rule-pattern, ${label}`, file, SECRETLINT, ["--secretlintrc", secretlintrc, "--format", "unix", "--no-glob", file]);
  secretlint.note = `${secretlint.output.split("\n").filter((line) => /:\d+:\d+:/.test(line)).length} reported`;
  rows.push(secretlint);
  const rg = measure(`rg, ${label}`, file, "rg", ["-c", "-i", PATTERN, file]);
  rg.note = `${Number(rg.output.trim() || 0)} lines`;
  rows.push(rg);
}

const row = (cells) => `| ${cells.join(" | ")} |`;
console.log(
  `hawzu-scan vs secretlint vs rg (issue 13), ${new Date().toISOString().slice(0, 10)}, node ${process.version}, one run each, ` +
    `including process start; load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`,
);
console.log();
console.log(row(["what", "MB", "wall s", "MB/s (wall)", "CPU s", "MB/s (CPU)", "peak RSS MB", "found"]));
console.log(row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---"]));
for (const r of rows) {
  console.log(row([r.name, r.megabytes.toFixed(0), r.seconds.toFixed(2), r.rate.toFixed(0), r.cpuSeconds.toFixed(2), r.cpuRate.toFixed(0), r.rss.toFixed(0), r.note]));
}
console.log();
const get = (name) => rows.find((r) => r.name === name);
const denseScan = get("hawzu-scan, dense");
const sparseScan = get("hawzu-scan, sparse");
const verdict = (ok) => (ok ? "met" : "NOT met");
const ratio = (a, b) => `${(a.rate / b.rate).toFixed(2)}x wall, ${(a.cpuRate / b.cpuRate).toFixed(2)}x CPU`;
const denseSecretlint = get("secretlint + rule-pattern, dense");
const sparseRg = get("rg, sparse");
console.log(`- dense: hawzu-scan ${ratio(denseScan, denseSecretlint)} secretlint (target >= 5x: ${verdict(denseScan.rate >= 5 * denseSecretlint.rate)} on wall time)`);
console.log(`- sparse: hawzu-scan ${ratio(sparseScan, sparseRg)} rg (target >= 0.25x: ${verdict(sparseScan.rate >= 0.25 * sparseRg.rate)} on wall time)`);
console.log(`- dense: hawzu-scan peak RSS ${denseScan.rss.toFixed(0)} MB (target < 150 MB: ${verdict(denseScan.rss < 150)})`);
