import { runGit } from "./run-git.js";

/** One file the next commit adds or changes, as recorded in the git index. */
export interface StagedFile {
  /** Path relative to the repository root, forward slashes, exactly as git stores it. */
  repoPath: string;
  /** Id of the staged blob: the content that will be committed, not the working-tree file. */
  blobId: string;
  /** Git file mode, e.g. `100644`, `120000` (symlink), `160000` (submodule). */
  mode: string;
  /** A (added), C (copied), M (modified), R (renamed) or T (type changed). */
  status: string;
}

/**
 * Lists what the next commit adds, copies, modifies or renames (deleted files have nothing to
 * scan). Uses `--raw` so each entry carries the staged blob id, and `-z` so any path survives.
 * `pathspecs` (git pathspecs relative to `root`: files, folders, globs) narrow the list.
 */
export async function listStagedFiles(root: string, pathspecs: readonly string[] = []): Promise<{ ok: true; files: StagedFile[] } | { ok: false; reason: string }> {
  const result = await runGit(
    [
      "diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-relative", "--no-ext-diff", "--diff-filter=ACMRT",
      ...(pathspecs.length > 0 ? ["--", ...pathspecs.map((pathspec) => `:(top)${pathspec}`)] : []),
    ],
    root,
  );
  if (!result.ok) return result;
  return { ok: true, files: parseRawDiff(result.stdout.toString("utf8")) };
}

/** Parses `git diff --raw -z`: ":<old mode> <new mode> <old id> <new id> <status>\0<path>\0[<path>\0]". */
export function parseRawDiff(output: string): StagedFile[] {
  const fields = output.split("\0");
  const files: StagedFile[] = [];
  for (let index = 0; index < fields.length; index++) {
    const meta = fields[index]!;
    if (!meta.startsWith(":")) continue;
    const [, mode = "", , blobId = "", status = ""] = meta.slice(1).split(" ");
    // Renames and copies list the old path, then the new one.
    const twoPaths = status.startsWith("R") || status.startsWith("C");
    const repoPath = fields[index + (twoPaths ? 2 : 1)] ?? "";
    index += twoPaths ? 2 : 1;
    files.push({ repoPath, blobId, mode, status: status.charAt(0) });
  }
  return files;
}
