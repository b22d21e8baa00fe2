import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/**
 * Options every git call gets, whatever the user's config: paths printed as they are (UTF-8, not
 * octal-escaped), no colours, no pager, no external diff or textconv that could change what we read.
 */
export const GIT_SAFE_CONFIG: readonly string[] = [
  "-c", "core.quotepath=false",
  "-c", "color.ui=false",
  "-c", "core.pager=cat",
  "-c", "diff.noprefix=false",
  "-c", "diff.mnemonicPrefix=false",
];

/** The outcome of one git command: its output, or why it failed (errors are values here). */
export type GitResult = { ok: true; stdout: Buffer } | { ok: false; reason: string; stderr?: string };

// Big enough for `git diff --cached --raw -z` of a very large commit.
const LARGEST_OUTPUT = 512 * 1024 * 1024;

/** Runs git (never through a shell, so any path is safe as an argument) and collects its output. */
export function runGit(args: readonly string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      "git",
      [...GIT_SAFE_CONFIG, ...args],
      { cwd, encoding: "buffer", maxBuffer: LARGEST_OUTPUT, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, stdout });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return resolve({ ok: false, reason: "git is not installed or not on PATH" });
        const message = stderr.toString("utf8").trim().split("\n")[0] || error.message;
        resolve({ ok: false, reason: message, stderr: stderr.toString("utf8") });
      },
    );
  });
}

/** Starts a long-running git process whose output is read as a stream (git log, git cat-file). */
export function spawnGit(args: readonly string[], cwd: string): ChildProcessWithoutNullStreams {
  return spawn("git", [...GIT_SAFE_CONFIG, ...args], { cwd, windowsHide: true });
}
