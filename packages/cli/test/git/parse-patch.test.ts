import { describe, expect, it } from "vitest";
import { parsePatch } from "../../src/git/parse-patch.js";
import { collect } from "./git-repository.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const ZERO = "0".repeat(40);

describe("parsePatch", () => {
  it("lists added line numbers per commit and file, from the new side of each hunk", async () => {
    const lines = [
      `\0${A}`,
      "",
      "diff --git a/src/app.ts b/src/app.ts",
      `index ${ZERO}..${B} 100644`,
      "--- a/src/app.ts",
      "+++ b/src/app.ts",
      "@@ -3,0 +4,2 @@ function main() {",
      "+one",
      "+two",
      "@@ -10 +12 @@",
      "-old",
      "+new",
      "@@ -20,2 +22,0 @@",
      "-gone",
      "-gone too",
    ];
    expect(await collect(parsePatch(lines))).toEqual([{ commit: A, repoPath: "src/app.ts", blobId: B, mode: "100644", addedLines: [4, 5, 12] }]);
  });

  it("reads hunk content that looks like headers as content, and skips deleted files", async () => {
    const lines = [
      `\0${A}`,
      "diff --git a/x.txt b/x.txt",
      "new file mode 100644",
      `index ${ZERO}..${B}`,
      "--- /dev/null",
      "+++ b/x.txt",
      "@@ -0,0 +1,3 @@",
      "+++ b/not-a-header",
      "+diff --git a/y b/y",
      "+\0not a commit",
      "\\ No newline at end of file",
      "diff --git a/gone.txt b/gone.txt",
      "deleted file mode 100644",
      `index ${B}..${ZERO}`,
      "--- a/gone.txt",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-bye",
      `\0${B}`,
    ];
    expect(await collect(parsePatch(lines))).toEqual([{ commit: A, repoPath: "x.txt", blobId: B, mode: "100644", addedLines: [1, 2, 3] }]);
  });

  it("reads quoted paths and paths that end with a tab because they hold a space", async () => {
    const lines = [
      `\0${A}`,
      'diff --git "a/tab\\there" "b/tab\\there"',
      `index ${ZERO}..${B} 100644`,
      '+++ "b/tab\\there \\303\\274"',
      "@@ -0,0 +1 @@",
      "+x",
      "diff --git a/a b.txt b/a b.txt",
      `index ${ZERO}..${B} 120000`,
      "+++ b/a b.txt\t",
      "@@ -0,0 +1 @@",
      "+target",
    ];
    expect((await collect(parsePatch(lines))).map((addition) => [addition.repoPath, addition.mode])).toEqual([
      ["tab\there ü", "100644"],
      ["a b.txt", "120000"],
    ]);
  });
});
