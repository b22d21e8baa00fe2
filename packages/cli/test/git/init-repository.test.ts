import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { initRepository } from "../../src/git/init-repository.js";
import { createRepository, type TestRepository } from "./git-repository.js";

const HOOK_COMMAND = "node '/opt/hawzu scan/bin/hawzu-scan.js' --staged";

describe("initRepository", () => {
  let repository: TestRepository;
  let read: (path: string) => string;
  let init: () => ReturnType<typeof initRepository>;
  beforeEach(() => {
    repository = createRepository();
    read = (path) => readFileSync(join(repository.root, path), "utf8");
    init = () => initRepository({ cwd: repository.root, gitHookCommand: HOOK_COMMAND });
  });
  afterEach(() => repository.remove());

  it("without husky: creates an executable .git/hooks/pre-commit, and a second run changes nothing", async () => {
    const first = await init();
    const second = await init();

    expect(first).toEqual({ changes: ["created .git/hooks/pre-commit"], notes: [], problems: [] });
    expect(read(".git/hooks/pre-commit")).toBe(`#!/bin/sh\n${HOOK_COMMAND}\n`);
    expect(statSync(join(repository.root, ".git/hooks/pre-commit")).mode & 0o111).toBe(0o111);
    expect(second).toEqual({ changes: [], notes: ["already set up: nothing changed"], problems: [] });
  });

  it("keeps the other lines of an existing hook, and follows core.hooksPath", async () => {
    repository.git("config", "core.hooksPath", "tools/hooks");
    repository.write("tools/hooks/pre-commit", "#!/bin/sh\nset -e\nmake check\n");
    chmodSync(join(repository.root, "tools/hooks/pre-commit"), 0o755);

    const result = await init();

    expect(result.changes).toEqual([`added \`${HOOK_COMMAND}\` to tools/hooks/pre-commit`]);
    expect(read("tools/hooks/pre-commit")).toBe(`#!/bin/sh\nset -e\nmake check\n${HOOK_COMMAND}\n`);
    expect(existsSync(join(repository.root, ".git/hooks/pre-commit"))).toBe(false);
  });

  it("makes an existing plain hook executable, since git skips it otherwise", async () => {
    repository.write(".git/hooks/pre-commit", "#!/bin/sh\nmake check\n");
    const result = await init();
    expect(result.changes).toEqual([`added \`${HOOK_COMMAND}\` to .git/hooks/pre-commit`, "made .git/hooks/pre-commit executable (git skips hooks that are not)"]);
  });

  it("reports a hook written in another language as a problem and leaves it alone", async () => {
    repository.write(".git/hooks/pre-commit", "#!/usr/bin/env python3\nprint('hi')\n");
    const result = await init();
    expect(result.problems).toEqual([expect.stringContaining("is not a shell script")]);
    expect(read(".git/hooks/pre-commit")).toBe("#!/usr/bin/env python3\nprint('hi')\n");
  });

  it("with husky only: adds a line to .husky/pre-commit", async () => {
    repository.write(".husky/pre-commit", "npm test\n");
    const result = await init();
    expect(result.changes).toEqual(["added `npx hawzu-scan --staged` to .husky/pre-commit"]);
    expect(read(".husky/pre-commit")).toBe("npm test\nnpx hawzu-scan --staged\n");
    expect(result.notes).toEqual([expect.stringContaining("npx husky")]);
  });

  it("with husky and lint-staged in package.json: adds the task and the lint-staged hook, idempotently", async () => {
    const packageJson = { name: "app", scripts: { prepare: "husky" }, devDependencies: { husky: "9.1.7", "lint-staged": "16.3.4" }, "lint-staged": { "*.ts": "eslint" } };
    repository.write("package.json", `${JSON.stringify(packageJson, null, 4)}\n`);
    mkdirSync(join(repository.root, ".husky"));

    const first = await init();
    const afterFirst = read("package.json");
    const second = await init();

    expect(first.changes).toEqual([
      'added "*": "hawzu-scan --staged" to the lint-staged config in package.json',
      "created .husky/pre-commit",
    ]);
    expect(JSON.parse(afterFirst)["lint-staged"]).toEqual({ "*.ts": "eslint", "*": "hawzu-scan --staged" });
    expect(afterFirst).toMatch(/^ {4}"name"/m);
    expect(read(".husky/pre-commit")).toBe("#!/bin/sh\nnpx lint-staged\n");
    expect(second.changes).toEqual([]);
    expect(read("package.json")).toBe(afterFirst);
  });

  it("with husky and lint-staged but no config: puts the config in package.json and adds the prepare script", async () => {
    repository.write("package.json", JSON.stringify({ name: "app", devDependencies: { husky: "9.1.7", "lint-staged": "16.3.4" } }, null, 2));
    repository.write(".husky/pre-commit", "npx lint-staged\n");

    const result = await init();

    expect(result.changes).toEqual([
      'added "*": "hawzu-scan --staged" to the lint-staged config in package.json',
      'added "prepare": "husky" to package.json, so hooks are installed by npm install',
    ]);
    const packageJson = JSON.parse(read("package.json"));
    expect(packageJson["lint-staged"]).toEqual({ "*": "hawzu-scan --staged" });
    expect(packageJson.scripts).toEqual({ prepare: "husky" });
    expect(read(".husky/pre-commit")).toBe("npx lint-staged\n");
  });

  it("edits a .lintstagedrc.json", async () => {
    repository.write("package.json", JSON.stringify({ devDependencies: { husky: "9", "lint-staged": "16" }, scripts: { prepare: "husky" } }));
    mkdirSync(join(repository.root, ".husky"));
    repository.write(".lintstagedrc.json", '{\n  "*.js": ["eslint --fix"]\n}\n');

    expect((await init()).changes[0]).toBe('added "*": "hawzu-scan --staged" to the lint-staged config in .lintstagedrc.json');
    expect(JSON.parse(read(".lintstagedrc.json"))).toEqual({ "*.js": ["eslint --fix"], "*": "hawzu-scan --staged" });

  });

  it("notes a JavaScript lint-staged config it cannot edit", async () => {
    repository.write("package.json", JSON.stringify({ devDependencies: { husky: "9", "lint-staged": "16" }, scripts: { prepare: "husky" } }));
    repository.write(".husky/pre-commit", "npx lint-staged\n");
    repository.write("lint-staged.config.js", "export default { '*.js': 'eslint' };\n");

    const result = await init();

    expect(result.notes).toContainEqual('lint-staged.config.js is code, which hawzu-scan does not edit: add "*": "hawzu-scan --staged" to it by hand');
    expect(read("lint-staged.config.js")).toBe("export default { '*.js': 'eslint' };\n");
  });

  it("reports invalid package.json as a problem naming the file", async () => {
    repository.write("package.json", "{ not json");
    const result = await init();
    expect(result.problems).toEqual([expect.stringMatching(/^could not update package.json \(invalid JSON/)]);
  });
});
