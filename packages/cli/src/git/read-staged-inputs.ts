import { realpathSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { findRepositoryRoot } from "./find-repository-root.js";
import { isBinary } from "./is-binary.js";
import { listStagedFiles, type StagedFile } from "./list-staged-files.js";
import { openBlobReader, type BlobReader } from "./open-blob-reader.js";
import { toDisplayPath } from "./to-display-path.js";

/** One staged file, read from the index: its text, a reason it was skipped, or why it failed. */
export type StagedInput =
  | {
      kind: "file";
      repoPath: string;
      displayPath: string;
      /** The staged bytes (decode as UTF-8, or hand to the CLI's scanner as they are). */
      content: Buffer;
    }
  | { kind: "skipped"; repoPath: string; displayPath: string; reason: "binary" | "symlink" | "submodule" }
  | { kind: "error"; displayPath: string; reason: string }
  /** A path or pattern given that no staged file matches; `othersMatched`: some other one did. */
  | { kind: "unmatched"; displayPath: string; othersMatched: boolean };

export interface ReadStagedOptions {
  /** Where the command runs; display paths are relative to it. */
  cwd: string;
  /**
   * Only the staged files these match: files (absolute or relative to `cwd`, as lint-staged passes
   * them), folders (`.`, `sub/`) or git pathspec globs (`'*.env'`); their staged versions are read,
   * never the working tree. Empty or absent: every staged file.
   */
  paths?: readonly string[];
  /** Yield binary content too (the CLI sniffs it itself and opens staged archives). Default false. */
  keepBinary?: boolean;
  /** A running `git cat-file --batch` of this repository to read the blobs with (left open); default: one of its own. */
  reader?: BlobReader;
}

// Blobs asked for ahead of the one being scanned, so git and the scan overlap.
const READ_AHEAD = 32;

/**
 * Yields the content of every file the next commit adds or changes, as staged in the git index
 * (after `git add -p`, not what the working tree holds). Binary files, symlinks and submodules are
 * skipped; a git failure becomes one error value.
 */
export async function* readStagedInputs(options: ReadStagedOptions): AsyncGenerator<StagedInput> {
  const cwd = realpath(options.cwd);
  const found = await findRepositoryRoot(cwd);
  if (!found.ok) {
    yield { kind: "error", displayPath: ".", reason: found.reason };
    return;
  }
  const root = realpath(found.root);
  const given = (options.paths ?? []).map((path) => ({ path, pathspec: toRepoPath(root, cwd, path) }));
  // A path outside the work tree would make git refuse the whole list: it is named instead.
  const inside = given.filter(({ pathspec }) => pathspec !== ".." && !pathspec.startsWith("../"));
  if (given.length > 0 && inside.length === 0) {
    for (const { path } of given) yield { kind: "unmatched", displayPath: path, othersMatched: false };
    return;
  }
  const listed = await listStagedFiles(root, inside.map(({ pathspec }) => pathspec));
  if (!listed.ok) {
    yield { kind: "error", displayPath: ".", reason: `could not list staged files: ${listed.reason}` };
    return;
  }
  const files = listed.files;
  for (const { path, pathspec } of given) {
    if (!(await matchesAny(root, pathspec, files))) yield { kind: "unmatched", displayPath: path, othersMatched: files.length > 0 };
  }

  const reader = options.reader ?? openBlobReader(root);
  try {
    const pending = files.map(() => undefined as ReturnType<typeof reader.read> | undefined);
    const request = (index: number) => {
      const file = files[index];
      if (file && isRegularFile(file.mode) && !pending[index]) pending[index] = reader.read(file.blobId);
    };
    for (let index = 0; index < Math.min(READ_AHEAD, files.length); index++) request(index);
    for (const [index, file] of files.entries()) {
      request(index + READ_AHEAD);
      const displayPath = toDisplayPath(root, cwd, file.repoPath);
      if (file.mode === "120000") yield { kind: "skipped", repoPath: file.repoPath, displayPath, reason: "symlink" };
      else if (file.mode === "160000") yield { kind: "skipped", repoPath: file.repoPath, displayPath, reason: "submodule" };
      else {
        const blob = await (pending[index] ?? reader.read(file.blobId));
        pending[index] = undefined;
        if (!blob.ok) yield { kind: "error", displayPath, reason: `could not read the staged content: ${blob.reason}` };
        else if (!options.keepBinary && isBinary(blob.content)) yield { kind: "skipped", repoPath: file.repoPath, displayPath, reason: "binary" };
        else yield { kind: "file", repoPath: file.repoPath, displayPath, content: blob.content };
      }
    }
  } finally {
    if (!options.reader) reader.close();
  }
}

const GLOB = /[*?[]/;

/** Whether a pathspec matches one of `files`: by path for files and folders, by git for globs. */
async function matchesAny(root: string, pathspec: string, files: readonly StagedFile[]): Promise<boolean> {
  if (pathspec === ".." || pathspec.startsWith("../")) return false;
  if (pathspec === "" || files.some((file) => file.repoPath === pathspec || file.repoPath.startsWith(`${pathspec}/`))) return true;
  if (!GLOB.test(pathspec)) return false;
  const alone = await listStagedFiles(root, [pathspec]);
  return !alone.ok || alone.files.length > 0;
}

function isRegularFile(mode: string): boolean {
  return mode !== "120000" && mode !== "160000";
}

function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A path as given on the command line (absolute or relative to cwd) -> repository-relative. */
function toRepoPath(root: string, cwd: string, path: string): string {
  const absolute = resolve(cwd, path);
  let directory = absolute.slice(0, absolute.lastIndexOf(sep)) || sep;
  // Resolve symlinked folders (e.g. /tmp on macOS) the same way the root was resolved.
  directory = realpath(directory);
  return relative(root, resolve(directory, absolute.slice(absolute.lastIndexOf(sep) + 1))).split(sep).join("/");
}
