import type { StagedListing } from "../git/list-staged.js";
import type { BlobReader } from "../git/open-blob-reader.js";
import { readStagedInputs } from "../git/read-staged-inputs.js";
import { messages } from "../messages.js";
import { errorAt } from "../scan/error-at.js";
import type { ScanContext } from "../scan/scan-context.js";
import { scanBlob } from "./scan-blob.js";
import { SNIFF_BYTES, sniffKind } from "./sniff-kind.js";

export interface GitIndexScan {
  cwd: string;
  /** Only the staged files these match (files as lint-staged passes them, folders, globs); empty: every staged file. */
  paths: readonly string[];
  /** Paths (relative to cwd) the config or .hawzu-scanignore excludes. */
  isIgnored: (displayPath: string) => boolean;
  /** A fresh context per file, so archive limits apply per input as for files on disk. */
  context: () => ScanContext;
  /** A running `git cat-file --batch` to read the staged blobs with (the caller closes it). */
  reader?: BlobReader;
  /** What is staged, when the caller started listing it earlier (`listStaged` with the same cwd and paths). */
  listing?: Promise<StagedListing>;
}

/**
 * `--staged`: what the next commit adds or changes, read from the git index (not the working
 * tree), sniffed like a file on disk (binary skipped, archives opened, text scanned).
 * Resolves to the number of files scanned and their bytes, or a repository-level failure.
 */
export async function scanGitIndex(scan: GitIndexScan): Promise<{ ok: true; files: number; bytes: number } | { ok: false; message: string }> {
  let files = 0;
  let bytes = 0;
  for await (const input of readStagedInputs({ cwd: scan.cwd, paths: scan.paths, keepBinary: true, reader: scan.reader, listing: scan.listing })) {
    if (input.kind === "error" && input.displayPath === "." && files === 0) return { ok: false, message: input.reason };
    if (input.kind === "unmatched") {
      // Named, never silent; it makes the run "not fully scanned" only when nothing else was scanned.
      if (input.othersMatched) scan.context().sink.warning(input.displayPath, messages.nothingStagedMatches);
      else scan.context().sink.error(errorAt({ file: input.displayPath }, messages.nothingStagedMatches));
      continue;
    }
    // "." is the repository, not a path: ignore rules cannot match it (and `ignore` throws on it).
    if (input.kind === "skipped" || (input.displayPath !== "." && scan.isIgnored(input.displayPath))) continue;
    const location = { file: input.displayPath };
    const context = scan.context();
    if (input.kind === "error") {
      context.sink.error(errorAt(location, input.reason));
      continue;
    }
    files++;
    await scanBlob(sniffKind(input.content.subarray(0, SNIFF_BYTES)), input.content, location, input.repoPath, context, input.root);
    bytes += context.scannedBytes;
  }
  return { ok: true, files, bytes };
}
