// `hawzu-scan init` in repositories that use simple-git-hooks, lefthook or the pre-commit framework:
// init wires the check into the manager's config, the manager's own install writes the git hook,
// then real commits go through it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI_BIN, cleanEnvironment, createRepository, fakeToken, installBin, linkPackage, pathWithoutHawzuScan, type Repository } from "./fixture.js";

const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;

describe("hawzu-scan init with a hook manager", () => {
  let repository: Repository;
  let home: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), "hawzu-hook-home-"));
    env = cleanEnvironment({ ...pathWithoutHawzuScan(), PRE_COMMIT_HOME: join(home, "pre-commit") });
    repository = createRepository(env);
    repository.write(".gitignore", "node_modules/\n");
    installBin(repository.root, "hawzu-scan", CLI_BIN);
  });
  afterEach(() => {
    repository.remove();
    rmSync(home, { recursive: true, force: true });
  });

  const run = (command: string, ...args: string[]) => spawnSync(command, args, { cwd: repository.root, env, encoding: "utf8" });
  const init = () => {
    const result = repository.cli("init");
    expect(result.status, result.stderr).toBe(0);
    return result.stdout;
  };
  const expectBlocksExactlyTokens = () => {
    repository.write("config/deploy.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    repository.git("add", "-A");
    const before = repository.head();
    const blocked = repository.tryGit("commit", "-m", "leak");
    expect(blocked.stdout + blocked.stderr).toContain("commit blocked");
    expect(blocked.stdout + blocked.stderr).toContain("deploy.env:1:13");
    expect(repository.head()).toBe(before);

    repository.write("config/deploy.env", "HAWZU_TOKEN=${HAWZU_TOKEN}\n");
    repository.git("add", "-A");
    const clean = repository.tryGit("commit", "-m", "clean");
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(repository.head()).not.toBe(before);
  };
  const packageJson = (extra: object) =>
    repository.write("package.json", `${JSON.stringify({ name: "app", private: true, ...extra }, null, 2)}\n`);

  it("simple-git-hooks: the check runs first in its pre-commit command", () => {
    packageJson({ devDependencies: { "@hawzu-scan/cli": "1.0.0", "simple-git-hooks": "2.14.0" }, "simple-git-hooks": { "pre-commit": "echo other checks" } });
    repository.commitAll("first");
    const folder = linkPackage(repository.root, "simple-git-hooks");
    installBin(repository.root, "simple-git-hooks", join(folder, "cli.js"));

    expect(init()).toContain("npx --no -- hawzu-scan --staged && echo other checks");
    const installed = run(join(repository.root, "node_modules", ".bin", "simple-git-hooks"));
    expect(installed.status, installed.stdout + installed.stderr).toBe(0);
    expect(readFileSync(join(repository.root, ".git", "hooks", "pre-commit"), "utf8")).toContain("hawzu-scan --staged");
    expectBlocksExactlyTokens();
  });

  it("lefthook: a pre-commit command is added to lefthook.yml", () => {
    packageJson({ devDependencies: { "@hawzu-scan/cli": "1.0.0", lefthook: "2.2.1" } });
    repository.write("lefthook.yml", "pre-push:\n  commands:\n    test:\n      run: echo tests\n");
    repository.commitAll("first");
    linkPackage(repository.root, "lefthook");

    expect(init()).toContain('added a pre-commit command "hawzu-scan" to lefthook.yml');
    const installed = run(join(repository.root, "node_modules", "lefthook", "bin", "index.js"), "install");
    expect(installed.status, installed.stdout + installed.stderr).toBe(0);
    expectBlocksExactlyTokens();
  });

  it.skipIf(!hasPreCommit)("the pre-commit framework: a local hook is added to .pre-commit-config.yaml", () => {
    packageJson({ devDependencies: { "@hawzu-scan/cli": "1.0.0" } });
    repository.write(".pre-commit-config.yaml", "repos:\n  - repo: meta\n    hooks:\n      - id: identity\n");
    repository.commitAll("first");

    expect(init()).toContain("added a local hawzu-scan hook to .pre-commit-config.yaml");
    // pre-commit refuses to run while its config has unstaged changes.
    repository.git("add", ".pre-commit-config.yaml");
    const installed = run("pre-commit", "install");
    expect(installed.status, installed.stdout + installed.stderr).toBe(0);
    expectBlocksExactlyTokens();
  });

  it("the pre-commit framework with a config it cannot extend safely: exact instructions, nothing edited", () => {
    repository.write(".pre-commit-config.yaml", "repos: []\nfail_fast: true\n");
    const output = init();
    expect(output).toContain("add this item to the repos list of .pre-commit-config.yaml by hand");
    expect(output).toContain("entry: npx --no -- hawzu-scan --staged");
    expect(readFileSync(join(repository.root, ".pre-commit-config.yaml"), "utf8")).toBe("repos: []\nfail_fast: true\n");
  });
});
