// The user's path, end to end: every package packed as it would be published, installed with npm from
// the tarballs into an empty project outside the workspace, then used the way the READMEs say. This is
// what catches a file missing from `files`, a wrong `exports` or `bin`, or a dependency that only the
// workspace provides. One install serves every check, since the install is the slow part.
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnvironment, fakeToken } from "../hook/fixture.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const ESLINT_VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies.eslint!;

// Every publishable package, found at run time, so a package added later is packed and installed too.
const packages = readdirSync(join(ROOT, "packages"))
  .map((name) => join(ROOT, "packages", name))
  .filter((folder) => {
    try {
      return !(JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { private?: boolean }).private;
    } catch {
      return false;
    }
  });

let work = "";
let project = "";
let env: NodeJS.ProcessEnv = {};

function inProject(command: string, args: string[], options: { cwd?: string; input?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: options.cwd ?? project, env, encoding: "utf8", input: options.input ?? "" });
}

beforeAll(() => {
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
  // Outside the workspace (and any parent package.json), so nothing resolves through it.
  work = mkdtempSync(join(tmpdir(), "hawzu-packed-"));
  project = join(work, "project");
  mkdirSync(project);
  env = cleanEnvironment({ npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", CI: "true" });
  const tarballs = packages.map((folder) => {
    const output = execFileSync("npx", ["-y", "pnpm@12.4.2", "pack", "--pack-destination", work], { cwd: folder, encoding: "utf8", env });
    return output.trim().split("\n").pop()!.trim();
  });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", version: "1.0.0", private: true, type: "module" }, null, 2));
  const install = inProject("npm", ["install", "--save-dev", "--prefer-offline", "--no-audit", "--no-fund", ...tarballs, `eslint@${ESLINT_VERSION}`]);
  if (install.status !== 0) throw new Error(`npm install of the packed tarballs failed:\n${install.stderr}`);
}, 300_000);

// Thousands of installed files: on a busy machine, removing them outlasts vitest's 10 s default.
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 300_000);

describe("the packed packages, installed by npm into an empty project", () => {
  it("installs every package under its real name, with the hawzu-scan bin", () => {
    const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
    expect(Object.keys(manifest.devDependencies)).toEqual(expect.arrayContaining(["@hawzu-scan/cli", "@hawzu-scan/core", "@hawzu-scan/eslint-plugin", "@hawzu-scan/verify"]));
    const version = inProject("npx", ["--no", "--", "hawzu-scan", "--version"]);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toMatch(/\d+\.\d+\.\d+/);
  });

  it("the CLI finds a fake token in a file, redacted", () => {
    const token = fakeToken();
    writeFileSync(join(project, "deploy.env"), `HAWZU_ACCESS_TOKEN=${token}\n`);
    const result = inProject("npx", ["--no", "--", "hawzu-scan", "--format", "json", "deploy.env"]);
    rmSync(join(project, "deploy.env"));
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Array<{ file: string; line: number }> };
    expect(report.findings).toMatchObject([{ file: "deploy.env", line: 1 }]);
    expect((result.stdout + result.stderr).includes(token), "the token was printed").toBe(false);
  });

  it("the bin runs from the bundle alone, and the bundle's file URLs (its worker's above all) lead to installed files", () => {
    const installed = join(project, "node_modules", "@hawzu-scan", "cli");
    const bundle = join(installed, "dist", "bundle");
    // A URL that points at a missing worker would silently scan on one thread: check each one. (The
    // worker pool is imported lazily, so its URL sits in one of the bundle's chunks; minified, no space.)
    const allTargets: string[] = [];
    for (const file of readdirSync(bundle).filter((name) => name.endsWith(".js"))) {
      const targets = [...readFileSync(join(bundle, file), "utf8").matchAll(/new URL\("(\.{1,2}\/[^"]+)",\s*import\.meta\.url\)/g)].map((match) => match[1]!);
      for (const target of targets) expect(existsSync(resolve(bundle, target)), `${file} -> ${target}`).toBe(true);
      allTargets.push(...targets);
    }
    expect(allTargets).toContain("./scan-worker.js");
    // With every unbundled module of the CLI gone, the CLI still scans, across worker threads.
    for (const entry of readdirSync(join(installed, "dist"), { recursive: true, encoding: "utf8" })) {
      if (entry.endsWith(".js") && !entry.startsWith("bundle")) rmSync(join(installed, "dist", entry));
    }
    const token = fakeToken();
    const logs = join(project, "logs");
    mkdirSync(logs);
    for (let index = 0; index < 3; index++) writeFileSync(join(logs, `app-${index}.log`), "request ok\n".repeat(700_000) + (index === 2 ? `HAWZU_ACCESS_TOKEN=${token}\n` : ""));
    const result = inProject("npx", ["--no", "--", "hawzu-scan", "--format", "json", "logs"]);
    rmSync(logs, { recursive: true });
    expect(result.status, result.stderr).toBe(1);
    expect((JSON.parse(result.stdout) as { findings: Array<{ file: string }> }).findings).toMatchObject([{ file: "logs/app-2.log" }]);
    expect((result.stdout + result.stderr).includes(token), "the token was printed").toBe(false);
  });

  it("`hawzu-scan init` in a git repository, then a commit that adds a token is blocked", () => {
    const git = (...args: string[]) => inProject("git", args);
    expect(git("init", "-q").status).toBe(0);
    git("config", "user.email", "user@example.com");
    git("config", "user.name", "A User");
    writeFileSync(join(project, ".gitignore"), "node_modules/\n");
    const init = inProject("npx", ["--no", "--", "hawzu-scan", "init"]);
    expect(init.status, init.stderr).toBe(0);

    const token = fakeToken();
    writeFileSync(join(project, "settings.env"), `HAWZU_TOKEN=${token}\n`);
    git("add", "settings.env", ".gitignore");
    const commit = git("commit", "-q", "-m", "adds a token");
    expect(commit.status).not.toBe(0);
    expect(commit.stdout + commit.stderr).toContain("settings.env");
    expect((commit.stdout + commit.stderr).includes(token), "the token was printed").toBe(false);
    expect(git("rev-parse", "--verify", "-q", "HEAD").status).not.toBe(0); // nothing was committed

    writeFileSync(join(project, "settings.env"), "HAWZU_TOKEN=${HAWZU_TOKEN}\n");
    git("add", "settings.env");
    const clean = git("commit", "-q", "-m", "reads the token from the environment");
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
  });

  it("ESLint with the plugin's configs.recommended reports the token", () => {
    const token = fakeToken();
    writeFileSync(join(project, "eslint.config.js"), 'import hawzu from "@hawzu-scan/eslint-plugin";\nexport default [hawzu.configs.recommended];\n');
    writeFileSync(join(project, "client.js"), `export const client = { hawzuToken: "${token}" };\n`);
    const lint = inProject("npx", ["--no", "--", "eslint", "--format", "json", "client.js"]);
    expect(lint.status, lint.stderr).toBe(1);
    const [result] = JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; message: string }> }>;
    expect(result!.messages).toMatchObject([{ ruleId: "hawzu/no-hawzu-token", line: 1 }]);
    // ESLint's JSON output carries the linted source itself; our messages must not carry the token.
    expect(JSON.stringify(result!.messages).includes(token), "the token was printed").toBe(false);
  });
});
