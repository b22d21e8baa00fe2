import { parsePatch, type FileAddition } from "./parse-patch.js";
import { spawnGit } from "./run-git.js";
import { splitLines } from "./split-lines.js";

/** Which commits to read: those after a commit (`--since`), or every commit of every ref. */
export type CommitRange = { since: string } | { all: true };

/**
 * Streams what each commit in the range added, file by file, from `git log -p`. Yields a final
 * error value if git fails, so a broken range is never reported as clean.
 */
export async function* readFileAdditions(root: string, range: CommitRange): AsyncGenerator<FileAddition | { error: string }> {
  const revisions = "since" in range ? [`${range.since}..HEAD`] : ["--all"];
  const child = spawnGit(
    [
      "-c", "diff.suppressBlankEmpty=false",
      "log", "-p", "--no-color", "--unified=0", "--full-index", "--no-ext-diff", "--no-textconv", "-M",
      "--src-prefix=a/", "--dst-prefix=b/", "--no-relative", "--format=%x00%H",
      ...revisions, "--",
    ],
    root,
  );
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((resolve) => {
    child.on("error", (error) => resolve(error.message));
    child.on("close", (code) => resolve(code ?? "killed"));
  });
  try {
    yield* parsePatch(splitLines(child.stdout));
  } finally {
    // The consumer may stop early; then git must not be left writing into a full pipe.
    if (child.exitCode === null) child.kill();
  }
  const status = await exited;
  if (status !== 0) yield { error: `git log failed: ${stderr.trim().split("\n")[0] || status}` };
}
