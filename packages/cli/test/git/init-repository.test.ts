import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMIT_MSG_COMMAND, HUSKY_HOOK_LINE, initRepository, LEFTHOOK_SNIPPET, PLAIN_COMMIT_MSG_BLOCK, PLAIN_HOOK_BLOCK, preCommitFrameworkItem } from "../../src/git/init-repository.js";
import { createRepository, type TestRepository } from "./git-repository.js";

const NO_PACKAGE_JSON = expect.stringContaining("no package.json here");
describe("initRepository", () => {
  let repository: TestRepository;
  let read: (path: string) => string;
  let init: () => ReturnType<typeof initRepository>;
  beforeEach(() => {
    repository = createRepository();
    read = (path) => readFileSync(join(repository.root, path), "utf8");
    init = () => initRepository({ cwd: repository.root });
  });
  afterEach(() => repository.remove());

  it("without husky: creates executable .git/hooks/pre-commit and commit-msg hooks, and a second run changes nothing", async () => {
    const first = await init();
    const second = await init();

    expect(first).toEqual({ changes: ["created .git/hooks/pre-commit", "created .git/hooks/commit-msg"], notes: [NO_PACKAGE_JSON], problems: [] });
    expect(read(".git/hooks/pre-commit")).toBe(`#!/bin/sh\n${PLAIN_HOOK_BLOCK}\n`);
    expect(read(".git/hooks/commit-msg")).toBe(`#!/bin/sh\n${PLAIN_COMMIT_MSG_BLOCK}\n`);
    expect(PLAIN_COMMIT_MSG_BLOCK).toContain('hawzu-scan --commit-msg "$1" || exit 1');
    for (const hook of ["pre-commit", "commit-msg"]) expect(statSync(join(repository.root, ".git/hooks", hook)).mode & 0o111).toBe(0o111);
    expect(second).toEqual({ changes: [], notes: ["already set up: nothing changed", NO_PACKAGE_JSON], problems: [] });
  });

  it("keeps the other lines of an existing hook, and follows core.hooksPath", async () => {
    repository.git("config", "core.hooksPath", "tools/hooks");
    repository.write("tools/hooks/pre-commit", "#!/bin/sh\nset -e\nmake check\n");
    chmodSync(join(repository.root, "tools/hooks/pre-commit"), 0o755);

    const result = await init();

    expect(result.changes).toEqual(["added the `hawzu-scan --staged || exit 1` check to tools/hooks/pre-commit, before its other commands", "created tools/hooks/commit-msg"]);
    expect(read("tools/hooks/pre-commit")).toBe(`#!/bin/sh\nset -e\n${PLAIN_HOOK_BLOCK}\nmake check\n`);
    expect(existsSync(join(repository.root, ".git/hooks/pre-commit"))).toBe(false);
  });

  it("makes an existing plain hook executable, since git skips it otherwise", async () => {
    repository.write(".git/hooks/pre-commit", "#!/bin/sh\nmake check\n");
    const result = await init();
    expect(result.changes).toEqual([
      "added the `hawzu-scan --staged || exit 1` check to .git/hooks/pre-commit, before its other commands",
      "made .git/hooks/pre-commit executable (git skips hooks that are not)",
      "created .git/hooks/commit-msg",
    ]);
  });

  it("replaces the line an older init wrote (which a later `exit 0` could skip) with the check", async () => {
    repository.write(".git/hooks/pre-commit", "#!/bin/sh\nmake check\n'/usr/bin/node' '/root/.npm/_npx/1/node_modules/@hawzu-scan/cli/bin/hawzu-scan.js' --staged\nexit 0\n");
    await init();
    expect(read(".git/hooks/pre-commit")).toBe(`#!/bin/sh\n${PLAIN_HOOK_BLOCK}\nmake check\nexit 0\n`);
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
    expect(HUSKY_HOOK_LINE).toBe("npx --no -- hawzu-scan --staged");
    expect(result.changes).toEqual(["added `npx --no -- hawzu-scan --staged` to .husky/pre-commit", "created .husky/commit-msg"]);
    expect(read(".husky/pre-commit")).toBe("npx --no -- hawzu-scan --staged\nnpm test\n");
    expect(read(".husky/commit-msg")).toBe(`#!/bin/sh\n${COMMIT_MSG_COMMAND}\n`);
    expect(result.notes).toEqual([NO_PACKAGE_JSON, expect.stringContaining("npx husky")]);
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
      "created .husky/commit-msg",
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
      "created .husky/commit-msg",
      'added "prepare": "husky" to package.json, so hooks are installed by npm install',
    ]);
    const packageJson = JSON.parse(read("package.json"));
    expect(packageJson["lint-staged"]).toEqual({ "*": "hawzu-scan --staged" });
    expect(packageJson.scripts).toEqual({ prepare: "husky" });
    expect(read(".husky/pre-commit")).toBe("npx lint-staged\n");
  });

  it("keeps a husky commit-msg hook that already runs the check, and adds it before the other lines of one that does not", async () => {
    repository.write("package.json", JSON.stringify({ devDependencies: { husky: "9" }, scripts: { prepare: "husky" } }));
    repository.write(".husky/pre-commit", "npx --no -- hawzu-scan --staged\n");
    repository.write(".husky/commit-msg", "npx --no -- commitlint --edit \"$1\"\n");
    expect((await init()).changes).toEqual([`added \`${COMMIT_MSG_COMMAND}\` to .husky/commit-msg`]);
    expect(read(".husky/commit-msg")).toBe(`${COMMIT_MSG_COMMAND}\nnpx --no -- commitlint --edit "$1"\n`);
    expect((await init()).changes).toEqual([]);
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

  it("says how to add @hawzu-scan/cli as a devDependency, with the lockfile's package manager", async () => {
    repository.write("package.json", JSON.stringify({ name: "app", dependencies: { "@hawzu-scan/cli": "1.0.0" } }));
    repository.write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
    expect((await init()).notes).toEqual([expect.stringContaining("@hawzu-scan/cli is not a devDependency in package.json")]);
    expect((await init()).notes.join("\n")).toContain("`pnpm add -D @hawzu-scan/cli`");

    repository.write("package.json", JSON.stringify({ name: "app", devDependencies: { "@hawzu-scan/cli": "1.0.0" } }));
    expect((await init()).notes).toEqual(["already set up: nothing changed"]);
  });

  it("with simple-git-hooks in package.json: runs the check first in its pre-commit command", async () => {
    repository.write("package.json", JSON.stringify({ devDependencies: { "simple-git-hooks": "2.14.0", "@hawzu-scan/cli": "1" }, "simple-git-hooks": { "pre-commit": "npx lint-staged" } }, null, 2));
    const result = await init();
    expect(result.changes).toEqual(["set the simple-git-hooks pre-commit in package.json to `npx --no -- hawzu-scan --staged && npx lint-staged`"]);
    expect(result.notes).toEqual([expect.stringContaining("npx simple-git-hooks")]);
    expect(JSON.parse(read("package.json"))["simple-git-hooks"]).toEqual({ "pre-commit": "npx --no -- hawzu-scan --staged && npx lint-staged" });
    expect(existsSync(join(repository.root, ".git/hooks/pre-commit"))).toBe(false);
    expect((await init()).changes).toEqual([]);
  });

  it("with a JavaScript simple-git-hooks config: says what to add by hand", async () => {
    repository.write(".simple-git-hooks.cjs", "module.exports = { 'pre-commit': 'npm test' };\n");
    const result = await init();
    expect(result.notes[0]).toBe(
      ".simple-git-hooks.cjs is code, which hawzu-scan does not edit: start its \"pre-commit\" command with `npx --no -- hawzu-scan --staged && `, then run `npx simple-git-hooks`",
    );
    expect(read(".simple-git-hooks.cjs")).toBe("module.exports = { 'pre-commit': 'npm test' };\n");
  });

  it("with lefthook: adds a pre-commit section when there is none, else says what to add", async () => {
    repository.write("lefthook.yml", "pre-push:\n  commands:\n    test:\n      run: npm test\n");
    expect((await init()).changes).toEqual(['added a pre-commit command "hawzu-scan" to lefthook.yml']);
    expect(read("lefthook.yml")).toBe(`pre-push:\n  commands:\n    test:\n      run: npm test\n\n${LEFTHOOK_SNIPPET}`);
    expect((await init()).changes).toEqual([]);

    repository.write("lefthook.yml", "pre-commit:\n  commands:\n    lint:\n      run: npm run lint\n");
    const byHand = await init();
    expect(byHand.changes).toEqual([]);
    expect(byHand.notes[0]).toContain(`lefthook.yml already has a pre-commit section (or is not YAML): add this command to it by hand, then run \`npx lefthook install\`:\n${LEFTHOOK_SNIPPET}`);
  });

  it("with the pre-commit framework: appends a local hook to the repos list when it is the last key", async () => {
    const config = "repos:\n-   repo: https://example.invalid/hooks\n    rev: v1.0.0\n    hooks:\n    -   id: trailing-whitespace\n";
    repository.write(".pre-commit-config.yaml", config);
    expect((await init()).changes).toEqual(["added a local hawzu-scan hook to .pre-commit-config.yaml"]);
    expect(read(".pre-commit-config.yaml")).toBe(`${config}${preCommitFrameworkItem("")}\n`);
    expect((await init()).changes).toEqual([]);

    const other = "repos: []\ndefault_stages: [pre-commit]\n";
    repository.write(".pre-commit-config.yaml", other);
    const byHand = await init();
    expect(byHand.notes[0]).toContain("add this item to the repos list of .pre-commit-config.yaml by hand");
    expect(read(".pre-commit-config.yaml")).toBe(other);
    expect(existsSync(join(repository.root, ".git/hooks/pre-commit"))).toBe(false);
  });
});
