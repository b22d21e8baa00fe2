#!/usr/bin/env node
// Measures the pre-commit check on a commit of 5 files and one of 1,000 files (realistic source
// files, a few mentioning Hawzu, no tokens), in one run, side by side:
//   - library: readStagedInputs + findTokens in this process (the staged scan itself)
//   - cli:     `node bin/hawzu-scan.js --staged` as a child process (what a hook pays), when built;
//              cliUnbundled: the same through dist/ without the bundle; nodeOnly: `node -e 0`;
//              cliOverNode: cli - nodeOnly, what the CLI adds to Node's own start (steadier on a busy machine)
//   - commit:  `git commit` with the hook that `hawzu-scan init` installs vs `git commit --no-verify`
// Usage: npm run build && node packages/cli/bench/staged.js [runs=7]
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findTokens } from "@hawzu-scan/core";
import { readStagedInputs } from "../dist/git/read-staged-inputs.js";

const runs = Number(process.argv[2] ?? 7);
const utf8 = new TextDecoder();
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(packageRoot, "bin", "hawzu-scan.js");
for (const name of Object.keys(process.env)) if (name.startsWith("GIT_")) delete process.env[name];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = async (action) => {
  const start = performance.now();
  await action();
  return performance.now() - start;
};

function sourceFile(index) {
  const filler = randomBytes(900).toString("base64");
  const hawzu = index % 10 === 0 ? `const client = createHawzuClient({ baseUrl: "https://api.hawzu.com", token: process.env.HAWZU_TOKEN });\n` : "";
  return `// file ${index}\nimport { thing } from "./thing-${index}.js";\n${hawzu}export const data${index} = "${filler}";\n`.repeat(3);
}

function makeRepository(fileCount) {
  const root = mkdtempSync(join(tmpdir(), "hawzu-bench-"));
  const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Bench");
  git("config", "user.email", "bench@example.com");
  writeFileSync(join(root, "README.md"), "# bench\n");
  git("add", "-A");
  git("commit", "-q", "-m", "init");
  for (let index = 0; index < fileCount; index++) {
    const path = join(root, "src", `dir ${index % 20}`, `module-${index}.ts`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, sourceFile(index));
  }
  git("add", "-A");
  return { root, git };
}

async function libraryScan(root) {
  let findings = 0;
  for await (const input of readStagedInputs({ cwd: root })) if (input.kind === "file") findings += findTokens(utf8.decode(input.content), { path: input.repoPath }).findings.length;
  if (findings !== 0) throw new Error("the bench files hold no token");
}

// User + system ms of this process's finished children (and theirs), from /proc on Linux (10 ms ticks).
function childrenCpu() {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    // After the name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const cliReady = existsSync(bin) && spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" }).stdout?.includes("--staged");
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");
console.log(`${new Date().toISOString()}  node ${process.version}, median of ${runs} runs, ms (lower is better); load average ${load()}`);
for (const fileCount of [5, 1000]) {
  const { root, git } = makeRepository(fileCount);
  const row = { files: fileCount };
  await libraryScan(root); // warm-up
  const libraryTimes = [];
  for (let run = 0; run < runs; run++) libraryTimes.push(await time(() => libraryScan(root)));
  row.library = median(libraryTimes);
  const readTimes = [];
  for (let run = 0; run < runs; run++) readTimes.push(await time(async () => { for await (const input of readStagedInputs({ cwd: root })) void input; }));
  row.readOnly = median(readTimes);
  row.gitDiffOnly = median(Array.from({ length: runs }, () => {
    const start = performance.now();
    git("diff", "--cached", "--raw", "-z", "--no-abbrev");
    return performance.now() - start;
  }));
  if (cliReady) {
    // The same scan through the unbundled dist/ (what `hawzu-scan` ran before the build bundled it)
    // and Node starting with nothing to do: the floor for any Node CLI. The three take turns, run by
    // run, so a change in the machine's load weighs on each alike.
    const unbundled = `const { run } = await import(${JSON.stringify(join(packageRoot, "dist", "index.js"))});
      process.exitCode = await run(["--staged"], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env });`;
    const cpu = { cli: 0, node: 0 };
    const timed = (args, what, cpuOf) => {
      const before = childrenCpu();
      const start = performance.now();
      const result = spawnSync(process.execPath, args, { cwd: root });
      const wall = performance.now() - start;
      if (result.status !== 0) throw new Error(`${what} exited ${result.status}`);
      if (cpuOf && before !== undefined) cpu[cpuOf] += childrenCpu() - before;
      return wall;
    };
    const cli = [];
    const cliUnbundled = [];
    const nodeOnly = [];
    for (let run = 0; run < runs; run++) {
      cli.push(timed([bin, "--staged"], "hawzu-scan --staged", "cli"));
      cliUnbundled.push(timed(["--input-type=module", "-e", unbundled], "unbundled hawzu-scan --staged"));
      nodeOnly.push(timed(["-e", "0"], "node -e 0", "node"));
    }
    row.cli = median(cli);
    row.cliUnbundled = median(cliUnbundled);
    row.nodeOnly = median(nodeOnly);
    // Per run (each cli run against the node run beside it), then the median.
    row.cliOverNode = median(cli.map((time, run) => time - nodeOnly[run]));
    // CPU time (user + system, git's included), mean per run: steadier than wall time on a busy machine.
    if (childrenCpu() !== undefined) {
      row.cliCpu = cpu.cli / runs;
      row.nodeOnlyCpu = cpu.node / runs;
    }
    const commitTimes = (args) => {
      const measured = [];
      for (let run = 0; run < runs; run++) {
        const start = performance.now();
        git("commit", "-q", "-m", "bench", ...args);
        measured.push(performance.now() - start);
        git("reset", "-q", "--soft", "HEAD~1");
      }
      return median(measured);
    };
    row.commitNoHook = commitTimes(["--no-verify"]);
    spawnSync(process.execPath, [bin, "init"], { cwd: root });
    // The hook runs the project's node_modules/.bin/hawzu-scan, as `npm i -D @hawzu-scan/cli` leaves it.
    mkdirSync(join(root, "node_modules", ".bin"), { recursive: true });
    writeFileSync(join(root, "node_modules", ".bin", "hawzu-scan"), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`, { mode: 0o755 });
    writeFileSync(join(root, ".git", "info", "exclude"), "node_modules/\n");
    row.commitWithHook = commitTimes([]);
    row.hookCost = row.commitWithHook - row.commitNoHook;
  }
  console.log(
    Object.entries(row)
      .map(([key, value]) => `${key}=${typeof value === "number" && !Number.isInteger(value) ? value.toFixed(1) : value}`)
      .join("  "),
  );
  rmSync(root, { recursive: true, force: true });
}
if (!cliReady) console.log("(cli and commit rows need the built CLI with --staged)");
else console.log(`load average at the end ${load()}; target: cli <= 120 ms for 5 files`);
