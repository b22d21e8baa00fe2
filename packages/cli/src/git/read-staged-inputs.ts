import { isBinary } from "./is-binary.js";
import { listStaged, type StagedListing } from "./list-staged.js";
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
      /** The repository's top folder (where a Git LFS pointer's object is looked up). */
      root: string;
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
  /** The listing of what is staged, when started earlier (`listStaged`) to overlap other work. */
  listing?: Promise<StagedListing>;
}

// Blobs asked for ahead of the one being scanned, so git and the scan overlap.
const READ_AHEAD = 32;

/**
 * Yields the content of every file the next commit adds or changes, as staged in the git index
 * (after `git add -p`, not what the working tree holds). Binary files, symlinks and submodules are
 * skipped; a git failure becomes one error value.
 */
export async function* readStagedInputs(options: ReadStagedOptions): AsyncGenerator<StagedInput> {
  const listing = await (options.listing ?? listStaged(options));
  if (!listing.ok) {
    yield* listing.inputs;
    return;
  }
  const { root, cwd, given, files } = listing;
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
        else yield { kind: "file", repoPath: file.repoPath, displayPath, content: blob.content, root };
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
