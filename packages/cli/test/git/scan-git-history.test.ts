import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAddedTokens, scanGitHistory, type CommitFileResult } from "../../src/git/scan-git-history.js";
import { collect, createRepository, fakeToken, type TestRepository } from "./git-repository.js";

type Scanned = Extract<CommitFileResult, { kind: "scanned" }>;
const findingsOf = (results: CommitFileResult[]) =>
  results
    .filter((result): result is Scanned => result.kind === "scanned")
    .flatMap((result) => result.findings.map((finding) => ({ commit: result.commit, file: result.displayPath, line: finding.line, fingerprint: finding.fingerprint })));

describe("scanGitHistory", () => {
  let repository: TestRepository;
  beforeEach(() => {
    repository = createRepository();
  });
  afterEach(() => repository.remove());

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

    const results = await collect(scanGitHistory({ cwd: repository.root, since: base }));

    const found = findingsOf(results);
    expect(found).toEqual([{ commit: addedIn, file: "deploy/ci config.env", line: 3, fingerprint: expect.stringMatching(/^sha256:/) }]);
    expect(JSON.stringify(results)).not.toContain(added);
  });

  it("reports only lines the commit added, not lines it kept", async () => {
    const token = fakeToken();
    repository.write("app.env", `HAWZU_TOKEN=${token}\n`);
    const first = repository.commit("token");
    repository.write("app.env", `HAWZU_TOKEN=${token}\nOTHER=1\n`);
    repository.commit("edit another line");

    const found = findingsOf(await collect(scanGitHistory({ cwd: repository.root })));

    expect(found).toEqual([expect.objectContaining({ commit: first, line: 1 })]);
  });

  it("--git-history names each commit that added a token, across branches", async () => {
    repository.write("a.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    const first = repository.commit("first");
    repository.git("checkout", "-q", "-b", "feature");
    repository.write("b.env", `x=1\nHAWZU_TOKEN=${fakeToken()}\n`);
    const onFeature = repository.commit("on a branch");
    repository.git("checkout", "-q", "main");

    const found = findingsOf(await collect(scanGitHistory({ cwd: repository.root })));

    expect(found.map(({ commit, file, line }) => ({ commit, file, line })).sort((a, b) => a.file.localeCompare(b.file))).toEqual([
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

    const results = (await collect(scanGitHistory({ cwd: repository.root }))).filter((result): result is Scanned => result.kind === "scanned");

    const yaml = results.find((result) => result.displayPath === "config.yml" && result.commit === second);
    const env = results.find((result) => result.displayPath === "test.env" && result.commit === second);
    expect(yaml?.findings.map((finding) => finding.line)).toEqual([3]);
    expect(env?.findings).toEqual([]);
    expect(env?.suppressed.map((finding) => [finding.line, finding.reason])).toEqual([[2, "test fixture"]]);
  });

  it("does not report a renamed file's old lines again, and reads odd paths", async () => {
    repository.write("old name.env", `HAWZU_TOKEN=${fakeToken()}\nA=1\nB=2\nC=3\n`);
    const first = repository.commit("token");
    repository.git("mv", "old name.env", "nëw [name] (1).env");
    repository.write("tab\tfile.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    const second = repository.commit("rename and a new file");

    const found = findingsOf(await collect(scanGitHistory({ cwd: repository.root })));

    expect(found.map(({ commit, file }) => [commit, file]).sort()).toEqual(
      [
        [first, "old name.env"],
        [second, "tab\tfile.env"],
      ].sort(),
    );
  });

  it("skips binary files and returns an error value for an unknown revision", async () => {
    repository.write("blob.bin", Buffer.concat([Buffer.from(`HAWZU_TOKEN=${fakeToken()}\n`), Buffer.from([0, 1, 2, 10])]));
    repository.commit("binary");

    const all = await collect(scanGitHistory({ cwd: repository.root }));
    const unknown = await collect(scanGitHistory({ cwd: repository.root, since: "no-such-branch" }));

    expect(all.filter((result) => result.kind !== "skipped")).toEqual([]);
    expect(unknown).toEqual([{ kind: "error", displayPath: ".", reason: expect.stringContaining('unknown revision "no-such-branch"') }]);
  });

  it("treats a revision that looks like an option as a name", async () => {
    repository.write("a.txt", "a\n");
    repository.commit("one");
    const results = await collect(scanGitHistory({ cwd: repository.root, since: "--output=/tmp/hawzu-should-not-exist" }));
    expect(results).toEqual([{ kind: "error", displayPath: ".", reason: expect.stringContaining("unknown revision") }]);
  });
});

describe("findAddedTokens", () => {
  it("keeps a finding only when one of its lines was added", () => {
    const text = `HAWZU_TOKEN=${fakeToken()}\nx=1\nHAWZU_TOKEN=${fakeToken()}\n`;
    expect(findAddedTokens(text, [3], {}).findings.map((finding) => finding.line)).toEqual([3]);
    expect(findAddedTokens(text, [2], {}).findings).toEqual([]);
  });
});
