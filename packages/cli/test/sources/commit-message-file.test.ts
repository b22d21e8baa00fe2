// --commit-msg through run(): the message a commit-msg hook is given, judged as git will record it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { messageLength } from "../../src/sources/commit-message-file.js";
import { runInMemory } from "../helpers/run-in-memory.js";
import { seededTokens } from "../helpers/seeded-tokens.js";

const SCISSORS = "# ------------------------ >8 ------------------------";
const nextToken = seededTokens(20261202);

/** What `git commit -v` leaves in .git/COMMIT_EDITMSG: the message, comments, the scissors, the diff. */
function verboseMessage(message: string, diff: string, comment = "#"): string {
  return [
    message,
    "",
    `${comment} Please enter the commit message for your changes. Lines starting`,
    `${comment} with '${comment}' will be ignored, and an empty message aborts the commit.`,
    `${comment}`,
    SCISSORS.replace("#", comment),
    `${comment} Do not modify or remove the line above.`,
    `${comment} Everything below it will be ignored.`,
    diff,
  ].join("\n");
}

describe("--commit-msg", () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "hawzu-commit-msg-"));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const scan = async (content: string, ...args: string[]) => {
    writeFileSync(join(folder, "COMMIT_EDITMSG"), content);
    return runInMemory(["--commit-msg", "COMMIT_EDITMSG", ...args], { cwd: folder });
  };

  it("blocks a message that holds a token, saying where in the message and how to get the message back", async () => {
    const token = nextToken();
    const { code, stderr, stdout } = await scan(`Fix the upload job\n\nIt failed with HAWZU_TOKEN=${token} in the env.\n`);

    expect(code).toBe(1);
    expect(stderr).toContain("commit blocked: the commit message holds a Hawzu access token");
    expect(stderr).toContain("line 3, column 28");
    expect(stderr).toContain("git commit --edit --file .git/COMMIT_EDITMSG");
    expect(stderr + stdout).not.toContain(token);
  });

  it("lets a clean message through", async () => {
    const { code, stderr } = await scan("Fix the upload job\n\nThe token now comes from HAWZU_TOKEN.\n");
    expect(code).toBe(0);
    expect(stderr).toBe("");
  });

  it("judges only what git records: a token on a removed line of `git commit -v`'s diff does not block", async () => {
    const removed = nextToken();
    const diff = `diff --git a/app.env b/app.env\n--- a/app.env\n+++ b/app.env\n@@ -1,2 +1 @@\n NAME=app\n-HAWZU_TOKEN=${removed}\n`;
    // Without the scissors line, that removed line is a finding: the cut is what lets it through.
    expect((await scan(`Remove the committed token\n\n${diff}`)).code).toBe(1);
    for (const comment of ["#", ";"]) {
      const { code, stderr } = await scan(verboseMessage("Remove the committed token", diff, comment));
      expect(code, stderr).toBe(0);
    }
    // Above the scissors line, a token still blocks.
    const kept = nextToken();
    expect((await scan(verboseMessage(`Remove it (was HAWZU_TOKEN=${kept})`, diff))).code).toBe(1);
  });

  it("reports the message in JSON like any file, with --commit-msg in what it covered", async () => {
    const token = nextToken();
    const { code, stdout } = await scan(`Deploy\n\nexport HAWZU_TOKEN=${token}\n`, "-f", "json");
    const report = JSON.parse(stdout) as { findings: Array<{ file: string; line: number }>; covered: { git?: string; inputs: string[] } };
    expect(code).toBe(1);
    expect(report.findings.map(({ file, line }) => ({ file, line }))).toEqual([{ file: "COMMIT_EDITMSG", line: 3 }]);
    expect(report.covered).toEqual({ inputs: ["COMMIT_EDITMSG"], git: "--commit-msg" });
  });

  it("names a message file it cannot read and exits 2, never clean", async () => {
    const { code, stderr } = await runInMemory(["--commit-msg", "missing/COMMIT_EDITMSG"], { cwd: folder });
    expect(code).toBe(2);
    expect(stderr).toContain("missing/COMMIT_EDITMSG");
  });

  it("needs the message file, and is not combined with --staged", async () => {
    expect((await runInMemory(["--commit-msg"], { cwd: folder })).stderr).toContain('hawzu-scan --commit-msg \\"$1\\"'.replace(/\\/g, ""));
    expect((await runInMemory(["--commit-msg", "-"], { cwd: folder })).code).toBe(2);
    const both = await runInMemory(["--commit-msg", "--staged", "COMMIT_EDITMSG"], { cwd: folder });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("cannot be combined");
  });

  it("cuts at the first scissors line only, keeping the message's own dashes", () => {
    const message = "Title\n\n------------------------ >8 ------------------------\n";
    expect(messageLength(Buffer.from(message))).toBe(message.length);
    const verbose = verboseMessage("Title", "diff");
    expect(messageLength(Buffer.from(verbose))).toBe(verbose.indexOf(SCISSORS));
  });
});
