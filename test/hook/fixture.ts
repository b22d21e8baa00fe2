// Shared by the hook end-to-end tests: real git repositories in temp folders and the built CLI.
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI_BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../packages/cli/bin/hawzu-scan.js");

/** The environment of every child: no GIT_* leaking in from a hook that runs the tests, no user config. */
export function cleanEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("GIT_") && name !== "HUSKY") env[name] = value;
  return { ...env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", NO_COLOR: "1", ...extra };
}

/** A random fake token: the same generator as the CLI's git tests. */
export { fakeToken } from "../../packages/cli/test/git/git-repository.js";

export interface Repository {
  root: string;
  git(...args: string[]): string;
  /** Runs git and returns its status and output instead of throwing (for `git commit` through a hook). */
  tryGit(...args: string[]): SpawnSyncReturns<string>;
  write(path: string, content: string): void;
  /** Stages everything and commits without hooks; returns the commit id. */
  commitAll(message: string): string;
  /** Runs the built CLI in the repository. */
  cli(...args: string[]): SpawnSyncReturns<string>;
  head(): string;
  remove(): void;
}

export function createRepository(env: NodeJS.ProcessEnv = cleanEnvironment()): Repository {
  const root = mkdtempSync(join(tmpdir(), "hawzu-e2e-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", env });
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Test User");
  git("config", "user.email", "test@example.com");
  git("config", "commit.gpgsign", "false");
  return {
    root,
    git,
    tryGit: (...args) => spawnSync("git", args, { cwd: root, encoding: "utf8", env }),
    write(path, content) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    },
    commitAll(message) {
      git("add", "-A");
      git("commit", "-q", "--no-verify", "-m", message);
      return git("rev-parse", "HEAD").trim();
    },
    cli: (...args) => spawnSync(process.execPath, [CLI_BIN, ...args], { cwd: root, encoding: "utf8", env }),
    head: () => spawnSync("git", ["rev-parse", "--verify", "--quiet", "HEAD"], { cwd: root, encoding: "utf8", env }).stdout.trim(),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
