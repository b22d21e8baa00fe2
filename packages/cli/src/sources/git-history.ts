import { readCommitFiles } from "../git/read-commit-files.js";
import { keepAddedLines } from "../git/keep-added-lines.js";
import { parseLfsPointer } from "../git/parse-lfs-pointer.js";
import { errorAt } from "../scan/error-at.js";
import type { ScanContext, ScanSink } from "../scan/scan-context.js";
import { scanBlob } from "./scan-blob.js";
import { isTextKind, SNIFF_BYTES, sniffKind } from "./sniff-kind.js";

export interface GitHistoryScan {
  cwd: string;
  /** `--since REV`: the commits after REV; undefined: `--git-history`, every commit of every ref. */
  since?: string;
  isIgnored: (displayPath: string) => boolean;
  context: () => ScanContext;
}

/**
 * `--since` / `--git-history`: each file a commit added lines to is scanned whole as it was in
 * that commit (so context on unchanged lines counts), and only findings on the added lines are
 * reported, each naming the commit; each commit's message (and each annotated tag's) is scanned
 * whole. Content is sniffed as for files on disk (UTF-16, NUL bytes,
 * compressed files and archives). Resolves to files and bytes scanned, or a repository-level failure.
 */
export async function scanGitHistory(scan: GitHistoryScan): Promise<{ ok: true; files: number; bytes: number } | { ok: false; message: string }> {
  let files = 0;
  let bytes = 0;
  let brokenParts = 0;
  for await (const file of readCommitFiles({ cwd: scan.cwd, since: scan.since })) {
    if (file.kind === "error" && file.displayPath === ".") {
      // The repository itself (not a path, so never matched against ignore rules): before any
      // commit was read it is the whole answer; later, one broken part among what was scanned.
      if (file.commit === undefined && files === 0 && !brokenParts) return { ok: false, message: file.reason };
      brokenParts++;
      scan.context().sink.error(errorAt({ file: "." }, file.reason));
      continue;
    }
    if (file.kind === "skipped") continue;
    if (file.kind === "message") {
      // A message is new as a whole in its commit: every token in it counts.
      const context = scan.context();
      files++;
      await scanBlob(sniffKind(file.content.subarray(0, SNIFF_BYTES)), file.content, { file: file.displayPath, ...(file.commit ? { commit: file.commit } : {}) }, "", context);
      bytes += context.scannedBytes;
      continue;
    }
    if (scan.isIgnored(file.displayPath)) continue;
    const context = scan.context();
    if (file.kind === "error") {
      context.sink.error(errorAt({ file: file.displayPath }, file.commit ? `commit ${file.commit}: ${file.reason}` : file.reason));
      continue;
    }
    files++;
    const sink: ScanSink = {
      ...context.sink,
      finding: (finding, token) => keepAddedLines([finding], file.addedLines).forEach((kept) => context.sink.finding(kept, token)),
      // The line above counts too: a `hawzu-scan-ignore-next-line` comment added over an old token.
      suppressed: (finding) => {
        if (keepAddedLines([{ line: finding.line - 1, endLine: finding.endLine }], file.addedLines).length > 0) context.sink.suppressed(finding);
      },
    };
    // Text (UTF-8, UTF-16, with NUL bytes) keeps the findings on the lines the commit added. A
    // compressed file or an archive has no lines of its own: when a commit changes it, every
    // token inside is new. Binary content is counted as skipped, never passed as clean.
    // A Git LFS pointer stands for its whole object: a changed pointer is new content throughout.
    const kind = sniffKind(file.content.subarray(0, SNIFF_BYTES));
    const scoped = isTextKind(kind) && !parseLfsPointer(file.content) ? { ...context, sink } : context;
    await scanBlob(kind, file.content, { file: file.displayPath, commit: file.commit }, file.repoPath, scoped, file.root);
    bytes += scoped.scannedBytes;
  }
  return { ok: true, files, bytes };
}
