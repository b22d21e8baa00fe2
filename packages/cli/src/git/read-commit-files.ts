import { historyMessages } from "../messages.js";
import { findRepositoryRoot } from "./find-repository-root.js";
import { openBlobReader } from "./open-blob-reader.js";
import type { FileAddition } from "./parse-patch.js";
import { readCommitMessages } from "./read-commit-messages.js";
import { readFileAdditions } from "./read-file-additions.js";
import { resolveRevision } from "./resolve-revision.js";
import { toDisplayPath } from "./to-display-path.js";

/** One file a commit added lines to: its whole content in that commit, and which lines were added. */
export type CommitFile =
  | {
      kind: "file";
      commit: string;
      repoPath: string;
      displayPath: string;
      /** The file as it was in that commit. */
      content: Buffer;
      /** 1-based numbers of the lines this commit added. */
      addedLines: readonly number[];
      /** The repository's top folder (where a Git LFS pointer's object is looked up). */
      root: string;
    }
  | { kind: "skipped"; commit: string; repoPath: string; displayPath: string; reason: "symlink" | "submodule" }
  /** A commit's message (`displayPath` "(commit message)"), or an annotated tag's (no commit). */
  | { kind: "message"; commit?: string; displayPath: string; content: Buffer }
  | { kind: "error"; commit?: string; displayPath: string; reason: string };

export interface ReadCommitFilesOptions {
  /** Where the command runs; display paths are relative to it. */
  cwd: string;
  /** Commits after this revision (`--since`); omitted: every commit of every ref (`--git-history`). */
  since?: string;
}

// Blobs asked for ahead of the one being scanned, so git and the scan overlap.
const READ_AHEAD = 32;

/**
 * Yields, for each commit in the range and each file it added lines to, the file's content in that
 * commit and the added line numbers; then each commit's message (and, for the whole history, each
 * annotated tag's). Deleted files, pure renames and merges add no lines. What git
 * cannot read (unknown revision, shallow clone, a missing object) is an error value naming the
 * commit, and the path when one file is at fault: never a silent "clean".
 */
export async function* readCommitFiles(options: ReadCommitFilesOptions): AsyncGenerator<CommitFile> {
  const found = await findRepositoryRoot(options.cwd);
  if (!found.ok) {
    yield { kind: "error", displayPath: ".", reason: found.reason };
    return;
  }
  const root = found.root;
  let since: string | undefined;
  if (options.since !== undefined) {
    const resolved = await resolveRevision(root, options.since);
    if (!resolved.ok) {
      yield { kind: "error", displayPath: ".", reason: resolved.reason };
      return;
    }
    since = resolved.commit;
  }
  const reader = openBlobReader(root);
  const queue: Array<{ addition: FileAddition; blob: ReturnType<typeof reader.read> | undefined }> = [];

  const settle = async ({ addition, blob }: (typeof queue)[number]): Promise<CommitFile> => {
    const base = { commit: addition.commit, repoPath: addition.repoPath, displayPath: toDisplayPath(root, options.cwd, addition.repoPath) };
    if (!blob) return { kind: "skipped", ...base, reason: addition.mode === "120000" ? "symlink" : "submodule" };
    const read = await blob;
    if (!read.ok) return { kind: "error", commit: base.commit, displayPath: base.displayPath, reason: historyMessages.blobUnreadable(read.reason) };
    return { kind: "file", ...base, content: read.content, addedLines: addition.addedLines, root };
  };

  try {
    for await (const item of readFileAdditions(root, since ? { since } : { all: true })) {
      if ("error" in item) {
        // A file of a broken commit is named by its path; a commit or walk that broke, by ".".
        const displayPath = "repoPath" in item && item.repoPath !== undefined ? toDisplayPath(root, options.cwd, item.repoPath) : ".";
        yield { kind: "error", ...(item.commit ? { commit: item.commit } : {}), displayPath, reason: item.error };
        continue;
      }
      const regular = item.mode !== "120000" && item.mode !== "160000";
      queue.push({ addition: item, blob: regular ? reader.read(item.blobId) : undefined });
      if (queue.length >= READ_AHEAD) yield await settle(queue.shift()!);
    }
    while (queue.length > 0) yield await settle(queue.shift()!);
    for await (const { commit, tag, message } of readCommitMessages(root, since ? { since } : { all: true })) {
      yield commit === undefined ? { kind: "message", displayPath: `(message of tag ${tag})`, content: message } : { kind: "message", commit, displayPath: "(commit message)", content: message };
    }
  } finally {
    reader.close();
  }
}
