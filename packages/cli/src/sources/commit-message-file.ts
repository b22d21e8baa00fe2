import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { toDisplayPath } from "../git/to-display-path.js";
import { errorAt } from "../scan/error-at.js";
import type { ScanContext } from "../scan/scan-context.js";
import { describeReadError } from "./file.js";
import { scanBlob } from "./scan-blob.js";
import { SNIFF_BYTES, sniffKind } from "./sniff-kind.js";

export interface CommitMessageScan {
  cwd: string;
  /** The message files git hands a `commit-msg` hook (`.git/COMMIT_EDITMSG`). */
  paths: readonly string[];
  context: () => ScanContext;
}

// `git commit -v` appends the staged diff below this line (after the comment character, which
// core.commentChar / core.commentString may change) and drops it, and all that follows, from
// the message it records.
const SCISSORS = /^[^\n]{1,16} -{24} >8 -{24}\r?$/m;

/**
 * `--commit-msg FILE`: scans the message a `commit-msg` hook is given, as git will record it: up to
 * `git commit -v`'s scissors line. The diff below it is what the pre-commit hook judges; a token
 * on one of its removed lines must not block the commit that removes it. Comment lines are scanned
 * (git may keep them: `--cleanup=verbatim`). Resolves to messages and bytes scanned; an unreadable
 * file is an error naming it, never a clean result.
 */
export async function scanCommitMessageFiles(scan: CommitMessageScan): Promise<{ ok: true; files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const path of scan.paths) {
    const displayPath = toDisplayPath(scan.cwd, scan.cwd, path);
    const context = scan.context();
    let content: Buffer;
    try {
      content = await readFile(resolve(scan.cwd, path));
    } catch (error) {
      context.sink.error(errorAt({ file: displayPath }, describeReadError(error)));
      continue;
    }
    const message = content.subarray(0, messageLength(content));
    files++;
    await scanBlob(sniffKind(message.subarray(0, SNIFF_BYTES)), message, { file: displayPath }, displayPath, context);
    bytes += context.scannedBytes;
  }
  return { ok: true, files, bytes };
}

/** Bytes of `content` before git's scissors line (all of it when there is none). */
export function messageLength(content: Buffer): number {
  const text = content.toString("latin1");
  const cut = SCISSORS.exec(text);
  return cut ? cut.index : content.length;
}
