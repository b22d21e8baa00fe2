#!/usr/bin/env node
// Throughput benchmark of hawzu-scan against rg, cat, zcat and secretlint, side by side in one run,
// then a table per codec: our decode-and-scan beside `zcat`, `zstd -dc`, `xz -dc`, `bzip2 -dc` on the
// same log (those tools are needed to make the compressed files: apt-get install zstd xz-utils bzip2).
// Usage: pnpm bench (or: node packages/cli/bench/throughput.js [MB]); data goes to bench/.bench-data/
// (git-ignored) and is reused when present. HAWZU_BENCH_ONLY=codecs prints only the codec table.
// Prints Markdown tables: copy them into the README.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateLog } from "./generate-log.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE = join(HERE, "..");
const DATA = join(HERE, ".bench-data");
const BIN = join(PACKAGE, "bin/hawzu-scan.js");
const SECRETLINT = join(PACKAGE, "node_modules/.bin/secretlint");
const MB = Number(process.argv[2] ?? process.env.HAWZU_BENCH_MB ?? 256);
const DENSE_MB = 64;
const SECRETLINT_MB = 64;
const RUNS = Number(process.env.HAWZU_BENCH_RUNS ?? 3);
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

// The same idea as the core's strongest contexts, as one regular expression: a Hawzu-named key with
// a value, or a bearer header on a line that goes to a Hawzu host.
const PATTERN =
  "(?i)hawzu[A-Za-z0-9_.-]*(token|key|secret)[\"']?\\s*[:=]\\s*[\"']?[A-Za-z0-9_.~+/=-]{20,}|Bearer\\s+[A-Za-z0-9_.~+/=-]{20,}[^\\n]{0,200}hawzu";

mkdirSync(DATA, { recursive: true });
const plain = join(DATA, `app-${MB}mb.log`);
const gz = `${plain}.gz`;
const dense = join(DATA, `dense-${DENSE_MB}mb.log`);
const slice = join(DATA, `slice-${SECRETLINT_MB}mb.log`);

async function prepare() {
  if (!existsSync(plain)) {
    process.stderr.write(`generating ${plain} ...\n`);
    const { planted } = await generateLog(plain, MB * 1024 * 1024, { hawzuEvery: 50_000 });
    writeFileSync(`${plain}.planted`, String(planted));
  }
  if (!existsSync(gz)) {
    process.stderr.write(`compressing ${gz} ...\n`);
    spawnSync("sh", ["-c", `gzip -6 -c '${plain}' > '${gz}'`], { stdio: "inherit" });
  }
  if (!existsSync(dense)) {
    process.stderr.write(`generating ${dense} ...\n`);
    await generateLog(dense, DENSE_MB * 1024 * 1024, { hawzuEvery: 1000 });
  }
  if (!existsSync(slice)) {
    // The first SECRETLINT_MB of the log, cut at a line end.
    const buffer = Buffer.alloc(SECRETLINT_MB * 1024 * 1024);
    const fd = openSync(plain, "r");
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    closeSync(fd);
    const cut = buffer.subarray(0, read).lastIndexOf(10) + 1;
    const out = openSync(slice, "w");
    writeSync(out, buffer, 0, cut);
    closeSync(out);
  }
  writeFileSync(
    join(DATA, "secretlintrc.json"),
    JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-pattern", options: { patterns: [{ name: "hawzu", patterns: [`/${PATTERN.replace("(?i)", "")}/i`] }] } }] }),
  );
}

/** Runs a command RUNS times; the best wall time (the machine is shared) and the largest peak RSS. */
function measure(name, input, command, args, { expectCodes = [0, 1] } = {}) {
  let best = Infinity;
  let rss = 0;
  let output = "";
  for (let run = 0; run < RUNS; run++) {
    const rssFile = join(DATA, "rss.txt");
    rmSync(rssFile, { force: true });
    const full = TIME ? [TIME, ["-f", "%M", "-o", rssFile, command, ...args]] : [command, args];
    const started = process.hrtime.bigint();
    const result = spawnSync(full[0], full[1], { maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.error || !expectCodes.includes(result.status)) {
      throw new Error(`${name} failed (${result.status}): ${result.error?.message ?? result.stderr.slice(0, 400)}`);
    }
    best = Math.min(best, seconds);
    if (existsSync(rssFile)) rss = Math.max(rss, Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024);
    output = result.stdout;
  }
  const bytes = statSync(input).size;
  return { name, input, bytes, seconds: best, rate: bytes / 1e6 / best, rss, output };
}

function shellMeasure(name, input, script) {
  return measure(name, input, "sh", ["-c", script]);
}

await prepare();
const ONLY = process.env.HAWZU_BENCH_ONLY;
if (ONLY !== "codecs") await mainTable();
if (ONLY === undefined || ONLY === "codecs") codecTable();

async function mainTable() {
const rows = [];
const empty = join(DATA, "empty.log");
writeFileSync(empty, "nothing\n");
const startup = measure("hawzu-scan on an empty file (process start)", empty, process.execPath, [BIN, "--jobs", "1", "-f", "json", empty]);
rows.push(startup);
const planted = Number(readFileSync(`${plain}.planted`, "utf8"));
const scan = measure("hawzu-scan (1 thread)", plain, process.execPath, [BIN, "--jobs", "1", "-f", "json", plain]);
const found = JSON.parse(scan.output).findings.length;
if (found !== planted) throw new Error(`hawzu-scan found ${found} of the ${planted} planted tokens`);
rows.push(scan);
const hasRg = spawnSync("rg", ["--version"]).status === 0;
if (hasRg) rows.push(measure("rg (same idea as one regex)", plain, "rg", ["-c", PATTERN, plain]));
rows.push(shellMeasure("cat > /dev/null", plain, `cat '${plain}' > /dev/null`));
const scanGz = measure("hawzu-scan .gz (1 thread)", gz, process.execPath, [BIN, "--jobs", "1", "-f", "json", gz]);
if (JSON.parse(scanGz.output).findings.length !== planted) throw new Error("hawzu-scan missed tokens in the .gz");
rows.push(scanGz);
rows.push(shellMeasure("zcat > /dev/null", gz, `zcat '${gz}' > /dev/null`));
if (hasRg) rows.push(measure("rg -z", gz, "rg", ["-z", "-c", PATTERN, gz]));
rows.push(measure(`hawzu-scan, dense log (Hawzu every 1000 lines)`, dense, process.execPath, [BIN, "--jobs", "1", "-f", "json", dense]));
const sliceScan = measure(`hawzu-scan ${SECRETLINT_MB} MB slice`, slice, process.execPath, [BIN, "--jobs", "1", "-f", "json", slice]);
rows.push(sliceScan);
const secretlint = measure(`secretlint + rule-pattern ${SECRETLINT_MB} MB slice`, slice, SECRETLINT, ["--secretlintrc", join(DATA, "secretlintrc.json"), "--format", "unix", "--no-glob", slice]);
rows.push(secretlint);
// The unix format: one "path:line:column: message" line per finding (secretlint masks the value).
const secretlintFound = secretlint.output.split("\n").filter((line) => /:\d+:\d+:/.test(line)).length;
const sliceFound = JSON.parse(sliceScan.output).findings.length;
if (secretlintFound < 1 || sliceFound < 1) throw new Error(`the slice should hold a token: secretlint found ${secretlintFound}, hawzu-scan ${sliceFound}`);
const secretlintStart = measure("secretlint on an empty file (process start)", empty, SECRETLINT, ["--secretlintrc", join(DATA, "secretlintrc.json"), "--format", "unix", "--no-glob", empty]);
rows.push(secretlintStart);

const scanRate = scan.rate;
const line = (cells) => `| ${cells.join(" | ")} |`;
console.log(`hawzu-scan throughput, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, best of ${RUNS} runs, wall time including process start`);
console.log();
console.log(line(["what", "input", "MB", "s", "MB/s", "peak RSS MB"]));
console.log(line(["---", "---", "---:", "---:", "---:", "---:"]));
for (const row of rows) {
  console.log(line([row.name, row.input.split("/").pop(), (row.bytes / 1e6).toFixed(0), row.seconds.toFixed(2), row.rate.toFixed(0), row.rss ? row.rss.toFixed(0) : "n/a"]));
}
console.log();
const rg = rows.find((row) => row.name.startsWith("rg ("));
const zcat = rows.find((row) => row.name.startsWith("zcat"));
const netRate = scan.bytes / 1e6 / Math.max(0.001, scan.seconds - startup.seconds);
console.log(`- hawzu-scan plain: ${scanRate.toFixed(0)} MB/s (${(scanRate / 1000).toFixed(2)} GB/s) on one thread, wall time${rg ? `; ${(scanRate / rg.rate).toFixed(2)}x rg` : ""}`);
console.log(`- hawzu-scan plain without its ${startup.seconds.toFixed(2)} s process start (node + module loading): ${netRate.toFixed(0)} MB/s`);
console.log(`- hawzu-scan .gz: ${scanGz.rate.toFixed(0)} MB/s of compressed input = ${((scanGz.rate / zcat.rate) * 100).toFixed(0)}% of zcat's rate`);
const net = (row, start) => row.bytes / 1e6 / Math.max(0.001, row.seconds - start.seconds);
console.log(`- vs secretlint on the same ${SECRETLINT_MB} MB slice (both found its token): ${(sliceScan.rate / secretlint.rate).toFixed(1)}x wall time (${sliceScan.rate.toFixed(0)} vs ${secretlint.rate.toFixed(1)} MB/s); without process starts ${(net(sliceScan, startup) / net(secretlint, secretlintStart)).toFixed(1)}x (${net(sliceScan, startup).toFixed(0)} vs ${net(secretlint, secretlintStart).toFixed(1)} MB/s); the 256 MB run's rate is ${(scanRate / secretlint.rate).toFixed(0)}x secretlint's`);
console.log(`- peak RSS of hawzu-scan, any input: ${Math.max(...rows.filter((row) => row.name.startsWith("hawzu-scan")).map((row) => row.rss)).toFixed(0)} MB`);
}

/**
 * Per codec, on the same log: hawzu-scan decoding and scanning it (MB/s of the decoded log, so the
 * rows compare), beside the reference tool only decoding it to /dev/null; peak RSS of each.
 */
function codecTable() {
  const CODEC_RUNS = Number(process.env.HAWZU_BENCH_CODEC_RUNS ?? 1);
  const codecs = [
    { name: "gzip", ext: "gz", make: `gzip -6 -c '${plain}'`, decode: "zcat" },
    { name: "zstd", ext: "zst", make: `zstd -q -3 -c '${plain}'`, decode: "zstd -dc" },
    { name: "xz", ext: "xz", make: `xz -1 -T2 -c '${plain}'`, decode: "xz -dc" },
    { name: "bzip2", ext: "bz2", make: `bzip2 -1 -c '${plain}'`, decode: "bzip2 -dc" },
  ];
  const planted = Number(readFileSync(`${plain}.planted`, "utf8"));
  const logBytes = statSync(plain).size;
  const rows = [];
  for (const codec of codecs) {
    const tool = codec.decode.split(" ")[0];
    if (spawnSync(tool, ["--version"]).error) {
      rows.push([codec.name, "n/a", `${codec.decode} not installed`, "", "", ""]);
      continue;
    }
    const file = `${plain}.${codec.ext}`;
    if (!existsSync(file)) {
      process.stderr.write(`compressing ${file} ...\n`);
      spawnSync("sh", ["-c", `${codec.make} > '${file}.part' && mv '${file}.part' '${file}'`], { stdio: "inherit" });
    }
    const runs = (fn) => {
      let best;
      for (let run = 0; run < CODEC_RUNS; run++) {
        const result = fn();
        if (!best || result.seconds < best.seconds) best = { ...result, rss: Math.max(result.rss, best?.rss ?? 0) };
      }
      return best;
    };
    const ours = runs(() => measure(`hawzu-scan ${codec.ext}`, file, process.execPath, [BIN, "--jobs", "1", "-f", "json", file]));
    const found = JSON.parse(ours.output).findings.length;
    if (found !== planted) throw new Error(`hawzu-scan found ${found} of the ${planted} planted tokens in ${file}`);
    const theirs = runs(() => shellMeasure(codec.decode, file, `${codec.decode} '${file}' > /dev/null`));
    const rate = (row) => logBytes / 1e6 / row.seconds;
    rows.push([
      codec.name,
      (ours.bytes / 1e6).toFixed(0),
      `${rate(ours).toFixed(0)} (${ours.rss.toFixed(0)} MB)`,
      `${rate(theirs).toFixed(0)} (${theirs.rss.toFixed(0)} MB)`,
      `${codec.decode}`,
      `${((rate(ours) / rate(theirs)) * 100).toFixed(0)}%`,
    ]);
  }
  const line = (cells) => `| ${cells.join(" | ")} |`;
  console.log();
  console.log(`Codecs, ${(logBytes / 1e6).toFixed(0)} MB log, node ${process.version}, best of ${CODEC_RUNS}, wall time with process start, MB/s of decoded log (peak RSS)`);
  console.log();
  console.log(line(["codec", "compressed MB", "hawzu-scan decode + scan", "reference decode only", "reference", "ours / reference"]));
  console.log(line(["---", "---:", "---:", "---:", "---", "---:"]));
  for (const row of rows) console.log(line(row));
}
