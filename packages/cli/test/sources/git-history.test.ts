// --since and --git-history through run(), on real repositories: what each commit added, judged with
// the context of the whole file as it was in that commit.
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepository, fakeToken, type TestRepository } from "../git/git-repository.js";
import { runInMemory, runJsonInMemory } from "../helpers/run-in-memory.js";

interface Report {
  findings: Array<{ file: string; line: number; commit?: string; fingerprint: string }>;
  suppressed?: Array<{ file: string; line: number; commit?: string; reason?: string }>;
  errors: Array<{ file: string; message: string }>;
}

describe("scanning what commits added (run)", () => {
  let repository: TestRepository;
  beforeEach(() => {
    repository = createRepository();
  });
  afterEach(() => repository.remove());

  const scan = (...args: string[]) => runJsonInMemory<Report>(args, { cwd: repository.root });
  const where = (report: Report) => report.findings.map(({ commit, file, line }) => ({ commit, file, line })).sort((a, b) => a.file.localeCompare(b.file));

  it("--since finds a token added two commits back, at its line in that commit, and not one removed in the range", async () => {
    const added = fakeToken();
    const removed = fakeToken();
    repository.write("app.env", `NAME=app\nHAWZU_TOKEN=${removed}\n`);
    const base = repository.commit("base with an old token");
    repository.write("app.env", "NAME=app\n");
    repository.write("deploy/ci config.env", `A=1\nB=2\nHAWZU_ACCESS_TOKEN=${added}\n`);
    const addedIn = repository.commit("adds a token, removes the old one");
    repository.write("README.md", "# docs\n");
    repository.commit("unrelated");

    const { code, stdout, stderr, report } = await scan("--since", base);

    expect(code).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({ commit: addedIn, file: "deploy/ci config.env", line: 3, fingerprint: expect.stringMatching(/^sha256:/) })]);
    expect((stdout + stderr).includes(added) || (stdout + stderr).includes(removed), "a token was printed").toBe(false);
  });

  it("scans commit messages in the range and, with --git-history, annotated tag messages", async () => {
    const [old, inMessage, inTag] = [fakeToken(), fakeToken(), fakeToken()];
    repository.write("a.txt", "one\n");
    const base = repository.commit(`set up the sync job\n\nexport HAWZU_TOKEN=${old}`);
    repository.write("a.txt", "two\n");
    const added = repository.commit(`configure CI\n\nused HAWZU_ACCESS_TOKEN=${inMessage} for the first run`);
    repository.git("tag", "-a", "v1", "-m", `release; HAWZU_TOKEN=${inTag}`);

    const since = await scan("--since", base);
    expect(since.code).toBe(1);
    expect(where(since.report)).toEqual([{ commit: added, file: "(commit message)", line: 3 }]);
    const all = await scan("--git-history");
    expect(where(all.report)).toHaveLength(3);
    expect(where(all.report)).toEqual(
      expect.arrayContaining([
        { commit: base, file: "(commit message)", line: 3 },
        { commit: added, file: "(commit message)", line: 3 },
        { commit: undefined, file: "(message of tag v1)", line: 1 },
      ]),
    );
    for (const token of [old, inMessage, inTag]) expect(all.stdout + all.stderr + since.stdout + since.stderr).not.toContain(token);
  });

  it("reports only lines the commit added, not lines it kept", async () => {
    const token = fakeToken();
    repository.write("app.env", `HAWZU_TOKEN=${token}\n`);
    const first = repository.commit("token");
    repository.write("app.env", `HAWZU_TOKEN=${token}\nOTHER=1\n`);
    repository.commit("edit another line");

    expect(where((await scan("--git-history")).report)).toEqual([{ commit: first, file: "app.env", line: 1 }]);
  });

  it("says that a committed token stays in the history (revoke it), where a working-tree finding says remove it here", async () => {
    repository.write("app.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    repository.commit("token");
    const history = await runInMemory(["--git-history"], { cwd: repository.root });
    const sarif = JSON.parse((await runInMemory(["--git-history", "-f", "sarif"], { cwd: repository.root })).stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    const tree = await runInMemory(["app.env"], { cwd: repository.root });

    expect(history.stdout).toContain("hint: revoke it in Hawzu (Security & Access > Access Tokens): a committed token stays in the history of every clone");
    expect(sarif.runs[0]!.results[0]!.message.text).toContain("stays in the history of every clone");
    expect(tree.stdout).toContain("then remove it here");
    expect(tree.stdout).not.toContain("stays in the history");
  });

  it("--git-history names each commit that added a token, across branches", async () => {
    repository.write("a.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    const first = repository.commit("first");
    repository.git("checkout", "-q", "-b", "feature");
    repository.write("b.env", `x=1\nHAWZU_TOKEN=${fakeToken()}\n`);
    const onFeature = repository.commit("on a branch");
    repository.git("checkout", "-q", "main");

    expect(where((await scan("--git-history")).report)).toEqual([
      { commit: first, file: "a.env", line: 1 },
      { commit: onFeature, file: "b.env", line: 2 },
    ]);
  });

  it("judges an added line with the context of unchanged lines: a Hawzu section above, an ignore comment above", async () => {
    repository.write("config.yml", "hawzu:\n  url: https://api.hawzu.com\n");
    repository.write("test.env", "# hawzu-scan-ignore-next-line: test fixture\n");
    repository.commit("headers only");
    repository.write("config.yml", `hawzu:\n  url: https://api.hawzu.com\n  token: ${fakeToken()}\n`);
    repository.write("test.env", `# hawzu-scan-ignore-next-line: test fixture\nHAWZU_TOKEN=${fakeToken()}\n`);
    const second = repository.commit("values");

    const { report } = await scan("--git-history", "--list-suppressed");

    expect(where(report)).toEqual([{ commit: second, file: "config.yml", line: 3 }]);
    expect(report.suppressed?.map(({ commit, file, line, reason }) => ({ commit, file, line, reason }))).toEqual([{ commit: second, file: "test.env", line: 2, reason: "test fixture" }]);
  });

  it("does not report a renamed file's old lines again, and reads odd paths", async () => {
    repository.write("old name.env", `HAWZU_TOKEN=${fakeToken()}\nA=1\nB=2\nC=3\n`);
    const first = repository.commit("token");
    repository.git("mv", "old name.env", "nëw [name] (1).env");
    repository.write("tab\tfile.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    const second = repository.commit("rename and a new file");

    expect(where((await scan("--git-history")).report).map(({ commit, file }) => [commit, file])).toEqual([
      [first, "old name.env"],
      [second, "tab\tfile.env"],
    ]);
  });

  it("reads what git calls binary by content: NUL bytes, UTF-16 and gzip are scanned, true binary is read for its text and counted", async () => {
    // git lists no added lines for a file with a NUL byte; a token there must not pass unseen.
    repository.write("blob.bin", Buffer.concat([Buffer.from(`HAWZU_TOKEN=${fakeToken()}\n`), Buffer.from([0, 1, 2, 10])]));
    repository.write("utf16.env", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`A=1\nHAWZU_TOKEN=${fakeToken()}\n`, "utf16le")]));
    repository.write("app.log.gz", gzipSync(`x\nHAWZU_TOKEN=${fakeToken()}\n`));
    repository.write("image.bin", Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256)));
    const first = repository.commit("binary-looking files");
    repository.write("utf16.env", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`A=1\nHAWZU_TOKEN=${fakeToken()}\nB=2\n`, "utf16le")]));
    const second = repository.commit("edits the UTF-16 file");

    const all = await scan("--git-history");
    expect(all.code).toBe(1);
    expect(where(all.report)).toEqual(
      expect.arrayContaining([
        { commit: first, file: "app.log.gz", line: 2 },
        { commit: first, file: "blob.bin", line: 1 },
        { commit: first, file: "utf16.env", line: 2 },
        { commit: second, file: "utf16.env", line: 2 },
      ]),
    );
    expect(all.report.findings).toHaveLength(4);
    expect(all.report.errors).toEqual([]);
    expect((all.report as unknown as { stats: { binaryAsText: number } }).stats.binaryAsText).toBe(1);
  });

  it("an unknown revision, or one that looks like an option, is exit 2 and never clean", async () => {
    for (const revision of ["no-such-branch", "--output=/tmp/hawzu-should-not-exist"]) {
      const unknown = await runInMemory([`--since=${revision}`], { cwd: repository.root });
      expect(unknown.code, revision).toBe(2);
      expect(unknown.stderr).toContain("unknown revision");
    }
  });
});
