import { unquoteGitPath } from "./unquote-git-path.js";

/** What one commit added to one file, read from `git log -p --full-index --format=%x00%H`. */
export interface FileAddition {
  commit: string;
  /** Path in that commit, relative to the repository root. */
  repoPath: string;
  /** Id of the file's blob in that commit (its whole new content). */
  blobId: string;
  /** Git file mode of the new version, when the patch states it. */
  mode: string | undefined;
  /** 1-based line numbers, in the commit's version of the file, of the lines the commit added. */
  addedLines: number[];
}

// "@@ -old[,count] +new[,count] @@": a missing count means 1 (git's diff format).
const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const INDEX_LINE = /^index [0-9a-f]+\.\.([0-9a-f]+)(?: (\d+))?$/;
const MODE_LINE = /^(?:new file mode|new mode) (\d+)$/;

/**
 * Turns the lines of a `git log -p` output into one record per commit and changed file, listing
 * the added lines only: a deleted or unchanged line is never a finding of that commit. Each
 * commit starts with a line holding a NUL then its id (`--format=%x00%H`), reported to `onCommit`
 * as it is read (before the last file of the previous commit is yielded).
 */
export async function* parsePatch(lines: AsyncIterable<string> | Iterable<string>, onCommit?: (commit: string) => void): AsyncGenerator<FileAddition> {
  let commit = "";
  let file: { repoPath?: string; blobId?: string; mode?: string; addedLines: number[] } | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  let newLine = 0;

  const finish = (): FileAddition | undefined => {
    const done = file;
    file = undefined;
    if (!done?.repoPath || !done.blobId || done.addedLines.length === 0) return undefined;
    return { commit, repoPath: done.repoPath, blobId: done.blobId, mode: done.mode, addedLines: done.addedLines };
  };

  for await (const line of lines) {
    if (oldLeft > 0 || newLeft > 0) {
      // Inside a hunk the counts say where it ends, so content that looks like a header is content.
      const marker = line.charAt(0);
      if (marker === "+") {
        file?.addedLines.push(newLine++);
        newLeft--;
      } else if (marker === "-") oldLeft--;
      else if (marker === " ") {
        newLine++;
        newLeft--;
        oldLeft--;
      }
      continue;
    }
    if (line.startsWith("\0")) {
      const done = finish();
      if (done) yield done;
      commit = line.slice(1).trim();
      onCommit?.(commit);
    } else if (line.startsWith("diff --git ")) {
      const done = finish();
      if (done) yield done;
      file = { addedLines: [] };
    } else if (!file) {
      continue;
    } else if (line.startsWith("@@ ")) {
      const hunk = HUNK_HEADER.exec(line);
      if (!hunk) continue;
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      newLine = Number(hunk[2]);
      newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
    } else if (line.startsWith("+++ ")) {
      file.repoPath = readNewPath(line.slice(4));
    } else {
      const index = INDEX_LINE.exec(line);
      if (index) {
        file.blobId = index[1];
        file.mode = index[2] ?? file.mode;
        continue;
      }
      const mode = MODE_LINE.exec(line);
      if (mode) file.mode = mode[1];
    }
  }
  const done = finish();
  if (done) yield done;
}

/** The path after "+++ ": "/dev/null" for a deleted file, else "b/<path>", maybe C-quoted. */
function readNewPath(written: string): string | undefined {
  if (written === "/dev/null") return undefined;
  // Git ends the name with a tab when it holds a space (diff.c), to mark where it ends.
  const path = written.startsWith('"') ? unquoteGitPath(written) : written.replace(/\t$/, "");
  return path.startsWith("b/") ? path.slice(2) : path;
}
