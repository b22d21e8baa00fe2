// The repository's .pre-commit-hooks.yaml, run by the real pre-commit framework (when installed:
// `apt-get install pre-commit`), on a fixture repository.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI_BIN, cleanEnvironment, createRepository, fakeToken, type Repository } from "./fixture.js";

const HOOKS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), "../../.pre-commit-hooks.yaml");
const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;

// Skipping is for a developer's machine only: CI (.ci/run installs it with apt) must run these tests.
describe.runIf(process.env.CI === "true")("pre-commit in CI", () => {
  it("is installed, so the framework tests below run rather than skip", () => {
    expect(hasPreCommit, "pre-commit is not installed: `apt-get install -y pre-commit` (.ci/run does this)").toBe(true);
  });
});

describe.skipIf(!hasPreCommit)("the pre-commit framework hook", () => {
  let hookRepository: Repository;
  let project: Repository;
  let cache: string;
  beforeEach(() => {
    // A repository holding only our hooks file stands in for this one, as pre-commit clones it.
    hookRepository = createRepository();
    copyFileSync(HOOKS_FILE, join(hookRepository.root, ".pre-commit-hooks.yaml"));
    hookRepository.commitAll("hooks");
    project = createRepository();
    project.write(".gitignore", "node_modules/\n");
    mkdirSync(join(project.root, "node_modules", ".bin"), { recursive: true });
    writeFileSync(join(project.root, "node_modules", ".bin", "hawzu-scan"), `#!/bin/sh\nexec "${process.execPath}" "${CLI_BIN}" "$@"\n`, { mode: 0o755 });
    cache = mkdtempSync(join(tmpdir(), "hawzu-pre-commit-home-"));
  });
  afterEach(() => {
    hookRepository.remove();
    project.remove();
    rmSync(cache, { recursive: true, force: true });
  });

  const run = () =>
    spawnSync("pre-commit", ["try-repo", hookRepository.root, "hawzu-scan"], {
      cwd: project.root,
      encoding: "utf8",
      env: cleanEnvironment({ PRE_COMMIT_HOME: cache, npm_config_offline: "true", npm_config_update_notifier: "false" }),
    });

  it("fails on a staged token with the blocking message, passes when clean", () => {
    const token = fakeToken();
    project.write("config/deploy (prod).env", `HAWZU_TOKEN=${token}\n`);
    project.git("add", "-A");
    const blocked = run();
    expect(blocked.status, blocked.stdout).toBe(1);
    expect(blocked.stdout).toContain("commit blocked");
    expect(blocked.stdout).toContain("config/deploy (prod).env:1:13");
    expect(blocked.stdout).not.toContain(token);

    project.write("config/deploy (prod).env", "HAWZU_TOKEN=${HAWZU_TOKEN}\n");
    project.git("add", "-A");
    const clean = run();
    expect(clean.status, clean.stdout).toBe(0);
  });

  it("commit-msg: fails on a token in the commit message, passes a clean one", () => {
    const token = fakeToken();
    const runOn = (message: string) => {
      writeFileSync(join(project.root, ".git", "COMMIT_EDITMSG"), message);
      return spawnSync("pre-commit", ["try-repo", hookRepository.root, "hawzu-scan-commit-msg", "--hook-stage", "commit-msg", "--commit-msg-filename", ".git/COMMIT_EDITMSG"], {
        cwd: project.root,
        encoding: "utf8",
        env: cleanEnvironment({ PRE_COMMIT_HOME: cache, npm_config_offline: "true", npm_config_update_notifier: "false" }),
      });
    };
    const blocked = runOn(`Configure the sync job\n\nexport HAWZU_TOKEN=${token}\n`);
    expect(blocked.status, blocked.stdout).toBe(1);
    expect(blocked.stdout).toContain("COMMIT_EDITMSG");
    expect(blocked.stdout).toContain("value of HAWZU_TOKEN");
    expect(blocked.stdout).not.toContain(token);
    const clean = runOn("Configure the sync job\n\nThe token comes from HAWZU_TOKEN.\n");
    expect(clean.status, clean.stdout).toBe(0);
  });
});
