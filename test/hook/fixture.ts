// Shared by the hook end-to-end tests: real git repositories in temp folders and the built CLI.
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
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

/**
 * A PATH with node, npx and git but no hawzu-scan: the test runner's PATH holds this workspace's
 * node_modules/.bin, which has one. npm stays offline, so `npx --no` cannot reach a registry.
 */
export function pathWithoutHawzuScan(): Record<string, string> {
  return { PATH: [dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":"), npm_config_offline: "true", npm_config_update_notifier: "false" };
}

/** Puts a `node_modules/.bin/NAME` into `root` that runs `script` with this node, as npm install would. */
export function installBin(root: string, name: string, script: string): void {
  const bin = join(root, "node_modules", ".bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, name), `#!/bin/sh\nexec "${process.execPath}" "${script}" "$@"\n`, { mode: 0o755 });
}

const require = createRequire(import.meta.url);
/** The installed package's folder (some packages' `exports` hide their package.json from require.resolve). */
export function packageFolder(name: string): string {
  let folder = dirname(realpathSync(require.resolve(name)));
  while (!existsSync(join(folder, "package.json")) || JSON.parse(readFileSync(join(folder, "package.json"), "utf8")).name !== name) folder = dirname(folder);
  return folder;
}

/** Links an installed package into `root`'s node_modules, as npm install would leave it. */
export function linkPackage(root: string, name: string): string {
  const folder = packageFolder(name);
  mkdirSync(join(root, "node_modules"), { recursive: true });
  symlinkSync(folder, join(root, "node_modules", name));
  return folder;
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
