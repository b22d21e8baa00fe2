import { historyMessages } from "../messages.js";
import { parsePatch, type FileAddition } from "./parse-patch.js";
import { runGit } from "./run-git.js";

/** Why one file, or a whole commit, of the history could not be read. */
export interface AdditionError {
  error: string;
  commit: string;
  /** Absent when the whole commit is unreadable. */
  repoPath?: string;
}

/** The patch options every history diff uses, so the slow path reads exactly what `git log -p` does. */
// `--text`: a file with a NUL byte (a UTF-16 config, a log with NULs) is "binary" to git, which
// then lists no added lines and its tokens would pass unseen; the scan decides by content instead.
export const PATCH_OPTIONS: readonly string[] = [
  "-p", "--text", "--no-color", "--unified=0", "--full-index", "--no-ext-diff", "--no-textconv",
  "--src-prefix=a/", "--dst-prefix=b/", "--no-relative",
];

/**
 * What one commit added, file by file, one git call per file: the slow path for a commit that
 * `git log -p` could not get through (a missing or corrupt object). Each file git can diff is
 * yielded; each one it cannot is an error naming the commit and path. Files in `done` (already
 * read from `git log`) are left out. Renames are not followed here, since following them reads
 * the very blobs that may be missing: a renamed file counts as added whole.
 */
export async function* readCommitAdditions(root: string, commit: string, done: ReadonlySet<string>): AsyncGenerator<FileAddition | AdditionError> {
  // --raw needs only the trees, so it works when a blob is missing; -r lists files, not folders.
  const listed = await runGit(["diff-tree", "-r", "-z", "--raw", "--no-renames", "--root", "--no-commit-id", commit], root);
  if (!listed.ok) {
    yield { error: historyMessages.commitUnreadable(commit, objectProblem(listed)), commit };
    return;
  }
  for (const repoPath of changedPaths(listed.stdout)) {
    if (done.has(repoPath)) continue;
    const diff = await runGit(
      ["--literal-pathspecs", "-c", "diff.suppressBlankEmpty=false", "diff-tree", ...PATCH_OPTIONS, "--no-renames", "--root", "--no-commit-id", commit, "--", repoPath],
      root,
    );
    if (!diff.ok) {
      yield { error: historyMessages.fileDiffUnreadable(objectProblem(diff)), commit, repoPath };
      continue;
    }
    yield* parsePatch([`\0${commit}`, ...diff.stdout.toString("utf8").split("\n")]);
  }
}

/** Paths a `diff-tree -r -z --raw` output lists as added or changed (not deleted). */
function changedPaths(raw: Buffer): string[] {
  // Each entry: ":<old mode> <new mode> <old id> <new id> <status>\0<path>\0".
  const fields = raw.toString("utf8").split("\0");
  const paths: string[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const status = fields[index]!.slice(fields[index]!.lastIndexOf(" ") + 1);
    if (!status.startsWith("D")) paths.push(fields[index + 1]!);
  }
  return paths;
}

// git's first line is often about a promisor remote it tried; the line naming the object says more.
const OBJECT_PROBLEMS = [/could not fetch [0-9a-f]/i, /unable to read|could not read [0-9a-f]|bad object|missing/i, /corrupt|inflate/i];

function objectProblem(failed: { reason: string; stderr?: string }): string {
  const lines = (failed.stderr ?? "").split("\n").map((line) => line.trim());
  for (const pattern of OBJECT_PROBLEMS) {
    const line = lines.find((candidate) => pattern.test(candidate));
    if (line) return line;
  }
  return failed.reason;
}
