// Shared by the fault-injection tests: seeded fake tokens, temp folders, real git repositories and
// the built CLI as a child process, with helpers to check "one line, no token, no stack trace".
import { execFileSync, spawn, type StdioOptions } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI_BIN = join(ROOT, "packages/cli/bin/hawzu-scan.js");

/** A fake-token generator seeded per test file, so a failing run replays with the same tokens. */
export { seededTokens } from "../../packages/cli/test/helpers/seeded-tokens.js";

export const envLine = (token: string) => `HAWZU_ACCESS_TOKEN=${token}`;

/** The environment of every child: no GIT_* from a hook running the tests, no user or system git config. */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("GIT_") && !name.startsWith("HAWZU")) env[name] = value;
  return { ...env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", NO_COLOR: "1", ...extra };
}

const folders: string[] = [];

/** A temp folder (removed by `removeFolders`), with `files` written into it. */
export function folder(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "hawzu-fault-"));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export function removeFolders(): void {
  for (const root of folders.splice(0)) rmSync(root, { recursive: true, force: true });
}

export interface Repository {
  root: string;
  git(...args: string[]): string;
  write(path: string, content: string): void;
  /** Stages everything and commits without hooks; returns the commit id. */
  commit(message: string): string;
}

/** A git repository whose objects stay loose (one file each), so a test can delete exactly one. */
export function repository(root = folder()): Repository {
  const env = childEnvironment();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", env });
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Test User");
  git("config", "user.email", "test@example.com");
  git("config", "commit.gpgsign", "false");
  git("config", "gc.auto", "0");
  return {
    root,
    git,
    write(path, content) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    },
    commit(message) {
      git("add", "-A");
      git("commit", "-q", "--no-verify", "-m", message);
      return git("rev-parse", "HEAD").trim();
    },
  };
}

/** Where git keeps a loose object. */
export function looseObjectPath(root: string, id: string): string {
  return join(root, ".git", "objects", id.slice(0, 2), id.slice(2));
}

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Node options before the bin, e.g. `--import` of a fault-injection hook. */
  nodeArgs?: string[];
  /** Where the child's standard output goes; default a pipe read to the end. */
  stdout?: StdioOptions extends (infer T)[] ? T : never;
}

/** Runs the built CLI as a child process. */
export function cli(args: string[], options: CliOptions): Promise<Result> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI_BIN, ...args], {
      cwd: options.cwd,
      env: childEnvironment(options.env),
      stdio: ["ignore", options.stdout ?? "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** The lines of a child's stderr. */
export function linesOf(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

/** No token, and no stack trace or unhandled-error text, in any output. */
export function expectCleanOutput(result: Result, tokens: readonly string[]): void {
  for (const text of [result.stdout, result.stderr]) {
    for (const token of tokens) expect(text).not.toContain(token);
    expect(text).not.toMatch(/^\s+at /m);
    expect(text).not.toMatch(/Unhandled|node:internal|Error: /);
  }
}

/** The JSON report's findings as "file@commit" (or "file" outside git). */
export function findingPlaces(stdout: string): string[] {
  const report = JSON.parse(stdout) as { findings: Array<{ file: string; commit?: string }> };
  return report.findings.map((finding) => (finding.commit ? `${finding.file}@${finding.commit}` : finding.file)).sort();
}
