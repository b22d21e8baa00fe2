// --staged, --since, --git-history and init through run(), in this process, on real repositories.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepository, fakeToken, type TestRepository } from "../git/git-repository.js";
import { runInMemory } from "../helpers/run-in-memory.js";

describe("git sources through run()", () => {
  let repository: TestRepository;
  beforeEach(() => {
    repository = createRepository();
  });
  afterEach(() => repository.remove());

  it("--staged reports staged findings in JSON with the staged line, and honours the committed config's ignores", async () => {
    const token = fakeToken();
    repository.write("a.env", "x=1\n");
    repository.write("hawzu-scan.config.json", JSON.stringify({ ignore: ["fixtures/"] }));
    repository.commit("first");
    repository.write("a.env", `x=1\nHAWZU_TOKEN=${token}\n`);
    repository.write("fixtures/b.env", `HAWZU_TOKEN=${token}\n`);
    repository.git("add", "-A");
    repository.write("a.env", "x=1\n\n\nHAWZU_TOKEN=${HAWZU_TOKEN}\n");

    const result = await runInMemory(["--staged", "-f", "json"], { cwd: repository.root });

    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings.map((finding: { file: string; line: number }) => [finding.file, finding.line])).toEqual([["a.env", 2]]);
    expect(report.stats.files).toBe(1);
    expect(report.suppressionsAdded).toEqual([]);
    expect(result.stdout).not.toContain(token);
  });

  it("--staged in text format prints the blocking message on stderr, nothing when clean", async () => {
    repository.write("a.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    repository.git("add", "-A");
    const blocked = await runInMemory(["--staged"], { cwd: repository.root });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain("commit blocked");
    expect(blocked.stdout).toBe("");

    repository.git("rm", "-q", "--cached", "a.env");
    repository.write("b.txt", "fine\n");
    repository.git("add", "b.txt");
    const clean = await runInMemory(["--staged"], { cwd: repository.root });
    expect(clean).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--staged outside a repository is exit 2 with one line", async () => {
    const result = await runInMemory(["--staged"], { cwd: "/" });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("not inside a git work tree");
  });

  it("--since gives each finding its commit; --git-history too", async () => {
    repository.write("a.txt", "a\n");
    const base = repository.commit("base");
    repository.write("b.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    const added = repository.commit("token");

    for (const argv of [["--since", base], ["--git-history"]]) {
      const result = await runInMemory([...argv, "-f", "json"], { cwd: repository.root });
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).findings).toEqual([expect.objectContaining({ file: "b.env", line: 1, commit: added })]);
    }
  });

  it("history findings carry author, date and subject in JSON, SARIF, text, compact and github output", async () => {
    repository.write("a.txt", "a\n");
    const base = repository.commit("base");
    const token = fakeToken();
    const quoted = fakeToken();
    repository.write("b.env", `HAWZU_TOKEN=${token}\n`);
    // A subject may quote a credential and hold control characters: masked and escaped.
    const added = repository.commit(`add deploy config, key ${quoted} \u001b[31mred`);
    const date = repository.git("log", "-1", "--format=%aI", added).trim();
    const subject = `add deploy config, key ${quoted.slice(0, 4)}******** \u001b[31mred`;

    const json = JSON.parse((await runInMemory(["--since", base, "-f", "json"], { cwd: repository.root })).stdout);
    expect(json.findings[0]).toMatchObject({ commit: added, author: "Test User", date, subject });
    expect(Object.keys(json.findings[0]).slice(0, 6)).toEqual(["ruleId", "file", "commit", "author", "date", "subject"]);
    const sarif = JSON.parse((await runInMemory(["--since", base, "-f", "sarif"], { cwd: repository.root })).stdout);
    expect(sarif.runs[0].results[0].properties).toMatchObject({ commit: added, author: "Test User", date, subject });
    const escaped = `(Test User, ${date.slice(0, 10)}: add deploy config, key ${quoted.slice(0, 4)}******** \\e[31mred)`;
    const text = await runInMemory(["--since", base], { cwd: repository.root });
    expect(text.stdout).toContain(`b.env @ ${added} ${escaped}\n`);
    const compact = await runInMemory(["--since", base, "-f", "compact"], { cwd: repository.root });
    expect(compact.stdout).toContain(` in commit ${added} ${escaped} [high/`);
    const github = await runInMemory(["--since", base, "-f", "github"], { cwd: repository.root });
    expect(github.stdout).toContain(`added by commit ${added} ${escaped}`);
    for (const output of [JSON.stringify(json), JSON.stringify(sarif), text.stdout, compact.stdout, github.stdout]) {
      expect(output).not.toContain(token);
      expect(output).not.toContain(quoted);
    }
  });

  it.each([
    [["--staged", "--since", "HEAD"], "cannot be combined"],
    [["--git-history", "--shard", "1/2"], "without --shard"],
    [["--since", "HEAD", "src"], "without PATH arguments"],
    [["init", "--staged"], "takes no options"],
  ])("%j is a usage error", async (argv, message) => {
    const result = await runInMemory(argv, { cwd: repository.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("init prints what it changed, then that nothing changed", async () => {
    const first = await runInMemory(["init"], { cwd: repository.root });
    const second = await runInMemory(["init"], { cwd: repository.root });
    expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/^hawzu-scan init: created .git\/hooks\/pre-commit\nhawzu-scan init: created .git\/hooks\/commit-msg\nhawzu-scan init: no package.json here/) });
    expect(second).toMatchObject({ code: 0, stdout: expect.stringMatching(/^hawzu-scan init: already set up: nothing changed\n/) });
  });

  describe("--staged with git pathspecs (folders, globs)", () => {
    const files = (result: { stdout: string }) =>
      (JSON.parse(result.stdout) as { findings: { file: string }[] }).findings.map((finding) => finding.file).sort();
    beforeEach(() => {
      repository.write("root.env", `HAWZU_TOKEN=${fakeToken()}\n`);
      repository.write("sub/a.env", `HAWZU_TOKEN=${fakeToken()}\n`);
      repository.write("sub/deeper/b.txt", `HAWZU_TOKEN=${fakeToken()}\n`);
      repository.git("add", "-A");
    });

    it.each([
      [["."], ["root.env", "sub/a.env", "sub/deeper/b.txt"]],
      [["sub/"], ["sub/a.env", "sub/deeper/b.txt"]],
      [["sub"], ["sub/a.env", "sub/deeper/b.txt"]],
      [["*.env"], ["root.env", "sub/a.env"]],
      [["sub/*.txt"], ["sub/deeper/b.txt"]],
      [["root.env", "sub/deeper/b.txt"], ["root.env", "sub/deeper/b.txt"]],
    ])("--staged %j scans the staged files it matches", async (pathspecs, expected) => {
      const result = await runInMemory(["--staged", "-f", "json", ...pathspecs], { cwd: repository.root });
      expect(result.code, result.stderr).toBe(1);
      expect(files(result)).toEqual(expected);
      expect(result.stderr).toBe("");
    });

    it("takes pathspecs relative to the current folder", async () => {
      const result = await runInMemory(["--staged", "-f", "json", "."], { cwd: `${repository.root}/sub` });
      expect(files(result)).toEqual(["a.env", "deeper/b.txt"]);
    });

    it("names a pathspec that matches nothing staged: a warning beside others, exit 2 when it is all", async () => {
      const beside = await runInMemory(["--staged", "-f", "json", "sub/", "docs/", "*.pem"], { cwd: repository.root });
      expect(beside.code).toBe(1);
      expect(beside.stderr.trim().split("\n")).toEqual([
        "hawzu-scan: warning: docs/: not scanned: no staged (added or changed) file matches it; `git add` it first, or check the path or pattern",
        "hawzu-scan: warning: *.pem: not scanned: no staged (added or changed) file matches it; `git add` it first, or check the path or pattern",
      ]);

      const alone = await runInMemory(["--staged", "docs/"], { cwd: repository.root });
      expect(alone.code).toBe(2);
      expect(alone.stderr).toBe("hawzu-scan: docs/: not scanned: no staged (added or changed) file matches it; `git add` it first, or check the path or pattern\n");

      const outside = await runInMemory(["--staged", "../elsewhere.env"], { cwd: repository.root });
      expect(outside.code).toBe(2);
      expect(outside.stderr).toContain("../elsewhere.env: not scanned");
    });

    it("refuses standard input with a message about the index, not about commits", async () => {
      const result = await runInMemory(["--staged", "-"], { cwd: repository.root });
      expect(result).toEqual({ code: 2, stdout: "", stderr: "hawzu-scan: --staged reads the git index; standard input (-) cannot be combined with it: scan it in a separate run\n" });
    });
  });
});
