// The hook runs on every commit: what `--staged` starts (git processes, Node's own modules) is what
// every commit pays. Each git process costs several milliseconds (more on a busy machine), and each
// of Node's modules (http, zlib, worker_threads...) is compiled at start when imported.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI_BIN, cleanEnvironment, createRepository, fakeToken, type Repository } from "./fixture.js";

describe("hawzu-scan --staged", () => {
  let traceFolder: string;
  let trace: string;
  let repository: Repository;
  beforeEach(() => {
    traceFolder = mkdtempSync(join(tmpdir(), "hawzu-trace-"));
    trace = join(traceFolder, "git-trace.txt");
    repository = createRepository(cleanEnvironment({ GIT_TRACE: trace }));
  });
  afterEach(() => {
    repository.remove();
    rmSync(traceFolder, { recursive: true, force: true });
  });

  const gitProcesses = () =>
    readFileSync(trace, "utf8")
      .split("\n")
      .filter((line) => /trace: built-in: git /.test(line))
      .map((line) => line.replace(/.*trace: built-in: git /, ""));

  it("loads none of Node's modules that only other scans need", () => {
    repository.write("README.md", "# app\n");
    repository.commitAll("first");
    for (let index = 0; index < 5; index++) repository.write(`src/module-${index}.ts`, `export const value${index} = ${index};\n`);
    repository.git("add", "-A");
    // Preloaded into the CLI's process: writes the names of the built-in modules it loaded, at exit.
    const preload = join(traceFolder, "list-modules.cjs");
    const listed = join(traceFolder, "modules.txt");
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(listed)}, process.moduleLoadList.join("\\n")));\n`);

    const loaded = (args: string[]) => {
      const result = spawnSync(process.execPath, ["--require", preload, ...args], { cwd: repository.root, encoding: "utf8", env: cleanEnvironment() });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(listed, "utf8")
        .split("\n")
        .filter((line) => line.startsWith("NativeModule ") && !line.includes("internal/"))
        .map((line) => line.slice("NativeModule ".length));
    };
    // What Node loads for the modules --staged does need: on Node 22 and 24, `node:util` itself
    // loads worker_threads; that is Node's cost, not an import of ours.
    const baseline = loaded(["--input-type=module", "--eval", 'import "node:util"; import "node:child_process"; import "node:fs"; import "node:crypto";']);
    const builtins = loaded([CLI_BIN, "--staged"]);

    expect(builtins).toContain("child_process");
    for (const unneeded of ["http", "https", "tls", "zlib", "worker_threads"]) {
      if (!baseline.includes(unneeded)) expect(builtins, unneeded).not.toContain(unneeded);
    }
    expect(baseline).not.toContain("zlib");
  });

  it("starts three git processes for a commit of many files, whatever settings it reads", () => {
    const token = fakeToken();
    // HEAD's config skips generated/: the change's own config would skip everything (and is not used).
    repository.write("hawzu-scan.config.json", JSON.stringify({ ignore: ["generated/"] }));
    repository.write(".hawzu-scanignore", "# fixtures\nfixtures/\n");
    repository.write("README.md", "# app\n");
    repository.commitAll("first");
    for (let index = 0; index < 12; index++) repository.write(`src/module ${index}.ts`, `export const value${index} = ${index};\n`);
    repository.write("generated/app.env", `HAWZU_TOKEN=${token}\n`);
    repository.write("src/app.env", `HAWZU_TOKEN=${token}\n`);
    repository.write("hawzu-scan.config.json", JSON.stringify({ ignore: ["**"] }));
    repository.git("add", "-A");
    rmSync(trace, { force: true });

    const result = repository.cli("--staged", "--format", "json");

    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Array<{ file: string }>; suppressionsAdded?: unknown[] };
    expect(report.findings.map((finding) => finding.file)).toEqual(["src/app.env"]);
    expect(report.suppressionsAdded?.length).toBeGreaterThan(0);
    expect(result.stdout + result.stderr).not.toContain(token);
    expect(gitProcesses().sort()).toEqual([expect.stringContaining("cat-file --batch"), expect.stringContaining("diff --cached"), expect.stringContaining("rev-parse --show-toplevel")].sort());
  });
});
