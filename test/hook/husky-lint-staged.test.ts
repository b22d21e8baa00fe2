// A user's repository with husky and lint-staged: `hawzu-scan init`, husky's install, then `git commit`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI_BIN, cleanEnvironment, createRepository, fakeToken, type Repository } from "./fixture.js";

const require = createRequire(import.meta.url);
/** The installed package's folder (husky's `exports` hide its package.json from require.resolve). */
function packageFolder(name: string): string {
  let folder = dirname(realpathSync(require.resolve(name)));
  while (!existsSync(join(folder, "package.json")) || JSON.parse(readFileSync(join(folder, "package.json"), "utf8")).name !== name) folder = dirname(folder);
  return folder;
}

/** node_modules as `npm install` would leave it: husky, lint-staged and hawzu-scan with their bins. */
function installDevDependencies(root: string): void {
  const bin = join(root, "node_modules", ".bin");
  mkdirSync(bin, { recursive: true });
  const shim = (name: string, script: string) => writeFileSync(join(bin, name), `#!/bin/sh\nexec "${process.execPath}" "${script}" "$@"\n`, { mode: 0o755 });
  for (const [name, script] of [
    ["husky", "bin.js"],
    ["lint-staged", "bin/lint-staged.js"],
  ] as const) {
    symlinkSync(packageFolder(name), join(root, "node_modules", name));
    shim(name, join(packageFolder(name), script));
  }
  shim("hawzu-scan", CLI_BIN);
}

describe("hawzu-scan init with husky and lint-staged", () => {
  let repository: Repository;
  beforeEach(() => {
    repository = createRepository();
    repository.write(".gitignore", "node_modules/\n");
    repository.write("package.json", `${JSON.stringify({ name: "app", private: true, devDependencies: { husky: "9.1.7", "lint-staged": "16.3.4" } }, null, 2)}\n`);
    repository.commitAll("first");
    installDevDependencies(repository.root);
  });
  afterEach(() => repository.remove());

  it("adds the lint-staged task and hook; the commit of a token is blocked with the message, a clean one passes", () => {
    const init = repository.cli("init");
    expect(init.status, init.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(repository.root, "package.json"), "utf8"))["lint-staged"]).toEqual({ "*": "hawzu-scan --staged" });
    expect(readFileSync(join(repository.root, ".husky", "pre-commit"), "utf8")).toContain("npx lint-staged");
    expect(repository.cli("init").stdout).toContain("nothing changed");
    repository.git("add", "-A");
    repository.git("commit", "-q", "--no-verify", "-m", "set up hooks");
    // What `npm install` does through the "prepare": "husky" script that init added.
    const husky = spawnSync(join(repository.root, "node_modules", ".bin", "husky"), { cwd: repository.root, encoding: "utf8", env: cleanEnvironment() });
    expect(husky.status, husky.stderr).toBe(0);

    const token = fakeToken();
    repository.write("src/hawzu client.js", `export const HAWZU_TOKEN = "${token}";\n`);
    repository.write("src/other.js", "export const x = 1;\n");
    repository.git("add", "-A");
    const before = repository.head();
    const blocked = repository.tryGit("commit", "-m", "leak");
    const output = blocked.stdout + blocked.stderr;
    expect(repository.head()).toBe(before);
    expect(output).toContain("commit blocked");
    expect(output).toContain("src/hawzu client.js:1:29");
    expect(output).not.toContain(token);

    repository.write("src/hawzu client.js", "export const HAWZU_TOKEN = process.env.HAWZU_TOKEN;\n");
    repository.git("add", "-A");
    const clean = repository.tryGit("commit", "-m", "clean");
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
  });
});
