// This repository's own pre-commit setup (.husky/pre-commit -> lint-staged.config.js -> ESLint with
// our plugin + hawzu-scan --staged), run by the real lint-staged in a repository holding copies of
// those files and this checkout's node_modules and packages.
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanEnvironment, createRepository, fakeToken, type Repository } from "./fixture.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("this repository's pre-commit hook", () => {
  let repository: Repository;
  beforeEach(() => {
    repository = createRepository();
    for (const file of ["eslint.config.js", "lint-staged.config.js", "package.json"]) copyFileSync(join(ROOT, file), join(repository.root, file));
    symlinkSync(join(ROOT, "node_modules"), join(repository.root, "node_modules"));
    symlinkSync(join(ROOT, "packages"), join(repository.root, "packages"));
    repository.write(".gitignore", "node_modules\npackages\n");
    repository.commitAll("setup");
  });
  afterEach(() => repository.remove());

  const lintStaged = () =>
    spawnSync(join(repository.root, "node_modules", ".bin", "lint-staged"), [], { cwd: repository.root, encoding: "utf8", env: cleanEnvironment() });

  it("the husky hook runs lint-staged", () => {
    expect(readFileSync(join(ROOT, ".husky", "pre-commit"), "utf8")).toMatch(/^npx lint-staged$/m);
  });

  it("its ESLint config reports a token with our plugin's rule, and skips fixture folders", async () => {
    const token = fakeToken();
    repository.write("src/client.ts", `export const HAWZU_TOKEN: string = "${token}";\n`);
    repository.write("samples/app/config.ts", `export const HAWZU_TOKEN = "${token}";\n`);
    const result = spawnSync(join(repository.root, "node_modules", ".bin", "eslint"), ["--no-warn-ignored", "-f", "json", "src/client.ts", "samples/app/config.ts"], {
      cwd: repository.root,
      encoding: "utf8",
      env: cleanEnvironment(),
    });
    expect(result.status, result.stderr).toBe(1);
    const results = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }>;
    expect(results.map((entry) => [entry.filePath.slice(repository.root.length + 1), entry.messages.map((message) => [message.ruleId, message.line, message.column])])).toEqual([
      ["src/client.ts", [["hawzu/no-hawzu-token", 1, 37]]],
    ]);
    // (ESLint's json format carries each file's source, so only the messages are checked for the token.)
    expect(JSON.stringify(results.map((entry) => entry.messages))).not.toContain(token);
  });

  it("blocks a staged token through both ESLint and hawzu-scan, and passes fixtures and clean files", () => {
    const token = fakeToken();
    repository.write("src/client.ts", `export const HAWZU_TOKEN = "${token}";\n`);
    repository.write("notes/deploy.env", `HAWZU_TOKEN=${token}\n`);
    repository.git("add", "-A");

    const blocked = lintStaged();
    const output = blocked.stdout + blocked.stderr;
    expect(blocked.status).not.toBe(0);
    // lint-staged stops the other tasks at the first failure, so ESLint is checked on its own below.
    expect(output).toContain('eslint --no-warn-ignored --max-warnings=0 "' + join(repository.root, "src/client.ts"));
    expect(output).toContain("commit blocked");
    expect(output).toContain("notes/deploy.env:1:13");
    expect(output).not.toContain(token);

    repository.git("rm", "-q", "--cached", "src/client.ts", "notes/deploy.env");
    repository.write("samples/app/.env", `HAWZU_TOKEN=${token}\n`);
    repository.write("src/clean.ts", "export const HAWZU_TOKEN = process.env.HAWZU_TOKEN;\n");
    repository.git("add", "samples/app/.env", "src/clean.ts");
    const clean = lintStaged();
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
  });
});
