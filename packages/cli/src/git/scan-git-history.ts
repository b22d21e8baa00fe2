import { findTokens, type Finding, type FindOptions, type SuppressedFinding } from "@hawzu-scan/core";
import { decodeText } from "./decode-text.js";
import { readCommitFiles, type CommitFile, type ReadCommitFilesOptions } from "./read-commit-files.js";

/** One file of one commit: the findings on the lines that commit added, or why it was not scanned. */
export type CommitFileResult =
  | {
      kind: "scanned";
      commit: string;
      repoPath: string;
      displayPath: string;
      /** Size of the file in that commit. */
      bytes: number;
      /** Positions are in that commit's version of the file. */
      findings: Finding[];
      suppressed: SuppressedFinding[];
    }
  | Exclude<CommitFile, { kind: "file" }>;

export interface ScanGitHistoryOptions extends ReadCommitFilesOptions {
  /** Passed to the core for each file; `path` is set per file. */
  findOptions?: Omit<FindOptions, "path">;
}

/**
 * Scans what commits added. Each changed file is scanned whole, as it was in that commit, so a
 * Hawzu section header or an ignore comment on an unchanged line counts as it does in a plain
 * scan; only findings on lines the commit added are kept (a token removed or merely kept in the
 * range is not that commit's finding).
 */
export async function* scanGitHistory(options: ScanGitHistoryOptions): AsyncGenerator<CommitFileResult> {
  for await (const file of readCommitFiles(options)) {
    if (file.kind !== "file") {
      yield file;
      continue;
    }
    const { content, addedLines, kind: _kind, ...where } = file;
    const result = findAddedTokens(decodeText(content), addedLines, { ...options.findOptions, path: file.repoPath });
    yield { kind: "scanned", ...where, bytes: content.length, ...result };
  }
}

/** Keeps the findings that touch one of `addedLines` (1-based); pure, shared with the CLI's scan. */
export function keepAddedLines<T extends Pick<Finding, "line" | "endLine">>(findings: readonly T[], addedLines: readonly number[]): T[] {
  const added = new Set(addedLines);
  return findings.filter((finding) => {
    for (let line = finding.line; line <= finding.endLine; line++) if (added.has(line)) return true;
    return false;
  });
}

/** Scans a whole file and keeps what touches one of `addedLines` (1-based). Pure. */
export function findAddedTokens(text: string, addedLines: readonly number[], options: FindOptions): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const result = findTokens(text, options);
  return { findings: keepAddedLines(result.findings, addedLines), suppressed: keepAddedLines(result.suppressed, addedLines) };
}
