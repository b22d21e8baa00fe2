// What V8 spends compiling the core on the dense log (issue 13): scans a seeded dense log of <MB>
// once, cold, with findTokens or the streaming scanner (1 MiB chunks), in a child process run with
// `--trace-opt --trace-deopt`, and prints the TurboFan compiles (count, and the compile phase's
// milliseconds: the middle figure of "took a, b, c ms"), the deoptimizations, the functions
// compiled most often, and the CPU time of the scanning thread and of V8's other threads (Linux:
// /proc/self/task; compiles run there, beside the scan). Compile milliseconds are wall time on a
// background thread: on a loaded machine compare the counts and the other threads' CPU.
//
//   npx tsc -b && node packages/core/bench/warm-up.js [dist/index.js] [MB=64] [find|scanner]
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const [, , libArgument, megabytesArgument = "64", mode = "scanner", child] = process.argv;
const lib = libArgument ?? fileURLToPath(new URL("../dist/index.js", import.meta.url));

if (child === "--child") {
  const { findTokens, createTokenScanner } = await import(pathToFileURL(lib).href);
  const { generateLog } = await import("./generate-logs.js");
  const { text } = generateLog(Number(megabytesArgument) * 1e6, { dense: true });
  const threadsBefore = threadTicks();
  const before = process.cpuUsage();
  let findings = 0;
  if (mode === "find") findings = findTokens(text).findings.length;
  else {
    const scanner = createTokenScanner();
    for (let offset = 0; offset < text.length; offset += 1 << 20) findings += scanner.write(text.slice(offset, offset + (1 << 20))).findings.length;
    findings += scanner.end().findings.length;
  }
  const used = process.cpuUsage(before);
  const threadsAfter = threadTicks();
  let main = 0;
  let others = 0;
  for (const [id, ticks] of threadsAfter) {
    const spent = ticks - (threadsBefore.get(id) ?? 0);
    if (id === process.pid) main += spent;
    else others += spent;
  }
  console.log(`RESULT ${findings} ${(used.user + used.system) / 1e6} ${main / 100} ${others / 100}`);
} else {
  const run = spawnSync(process.execPath, ["--trace-opt", "--trace-deopt", fileURLToPath(import.meta.url), lib, megabytesArgument, mode, "--child"], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const lines = run.stdout.split("\n");
  const result = lines.find((line) => line.startsWith("RESULT "));
  if (!result) {
    console.error(run.stderr);
    process.exit(1);
  }
  const [findings, cpu, main, others] = result.split(" ").slice(1).map(Number);
  const byFunction = new Map();
  let compiles = 0;
  let compileMs = 0;
  for (const line of lines) {
    const compiled = /^\[completed compiling \S+ <JSFunction (\S+) .*?( OSR)? - took [\d.]+, ([\d.]+),/.exec(line);
    if (!compiled) continue;
    compiles++;
    compileMs += Number(compiled[3]);
    const entry = byFunction.get(compiled[1]) ?? { count: 0, osr: 0, ms: 0 };
    entry.count++;
    if (compiled[2]) entry.osr++;
    entry.ms += Number(compiled[3]);
    byFunction.set(compiled[1], entry);
  }
  const deopts = lines.filter((line) => line.startsWith("[bailout (kind: deopt")).length;
  console.log(`dense log, ${megabytesArgument} MB, ${mode === "find" ? "findTokens" : "scanner"}, cold, Node ${process.version}`);
  console.log(`findings ${findings}; process CPU ${cpu.toFixed(2)} s: scanning thread ${main.toFixed(2)} s, V8's other threads ${others.toFixed(2)} s`);
  console.log(`TurboFan compiles ${compiles} (${compileMs.toFixed(0)} ms of compile phase), deoptimizations ${deopts}`);
  const top = [...byFunction].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
  for (const [name, { count, osr, ms }] of top) console.log(`  ${String(count).padStart(3)} (OSR ${osr}) ${ms.toFixed(0).padStart(6)} ms  ${name}`);
}

/** CPU ticks (user + system, 1/100 s) of each thread of this process, by thread id (Linux only). */
function threadTicks() {
  const ticks = new Map();
  let tasks;
  try {
    tasks = readdirSync("/proc/self/task");
  } catch {
    return ticks;
  }
  for (const task of tasks) {
    try {
      const fields = readFileSync(`/proc/self/task/${task}/stat`, "utf8").split(") ")[1].split(" ");
      ticks.set(Number(task), Number(fields[11]) + Number(fields[12]));
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return ticks;
}
