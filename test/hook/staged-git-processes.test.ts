// The hook runs on every commit, and each git process costs a commit several milliseconds (more on
// a busy machine): `--staged` asks git for everything it needs through a fixed, small number of them.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanEnvironment, createRepository, fakeToken, type Repository } from "./fixture.js";

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
