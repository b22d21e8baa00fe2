import { listCommits, type CommitRange } from "./list-commits.js";
import { parsePatch, type FileAddition } from "./parse-patch.js";
import { PATCH_OPTIONS, readCommitAdditions, type AdditionError } from "./read-commit-additions.js";
import { spawnGit } from "./run-git.js";
import { splitLines } from "./split-lines.js";

export type { CommitRange } from "./list-commits.js";

/**
 * Streams what each commit in the range added, file by file. The commits are listed first
 * (`git rev-list`), then read with one `git log -p` over the list. When git stops on a broken
 * object, the commit it stopped in is read file by file (each unreadable file named) and the walk
 * resumes after it, so one damaged object costs only what it holds. Commits git cannot even list
 * end with an error value saying which were left out: a broken history is never reported clean.
 */
export async function* readFileAdditions(root: string, range: CommitRange): AsyncGenerator<FileAddition | AdditionError | { error: string; commit?: string }> {
  const listed = await listCommits(root, range);
  let next = 0;
  while (next < listed.commits.length) {
    const batch = listed.commits.slice(next);
    const run = readLogPatches(root, batch);
    let outcome: IteratorResult<FileAddition, LogOutcome>;
    while (!(outcome = await run.next()).done) yield outcome.value;
    const result = outcome.value;
    if (result.ok) break;
    // git died in the commit whose header it printed last (or, before any header, in the first):
    // read that one file by file, then go on with the rest in a new `git log`.
    const stopped = result.lastCommit ?? batch[0]!;
    yield* readCommitAdditions(root, stopped, result.lastCommit ? result.done : new Set());
    next += batch.indexOf(stopped) + 1;
  }
  for (const broken of listed.broken) yield { error: broken.reason, ...(broken.commit ? { commit: broken.commit } : {}) };
}

type LogOutcome = { ok: true } | { ok: false; lastCommit: string | undefined; done: Set<string> };

/**
 * `git log -p` over exactly `commits`, in that order. On failure, the last file read may be cut
 * short, so it is held back and left to the slow path along with the rest of its commit.
 */
async function* readLogPatches(root: string, commits: readonly string[]): AsyncGenerator<FileAddition, LogOutcome> {
  const child = spawnGit(
    [
      "-c", "diff.suppressBlankEmpty=false",
      "log", ...PATCH_OPTIONS, "-M", "--format=%x00%H", "--no-walk=unsorted", "--stdin", "--",
    ],
    root,
  );
  // Why git stopped is found again, file by file, by the slow path; its stderr is only drained.
  child.stderr.resume();
  child.stdin.on("error", () => {}); // a git that died early is reported by its exit status
  child.stdin.end(`${commits.join("\n")}\n`);
  const exited = new Promise<number | string>((resolve) => {
    child.on("error", (error) => resolve(error.message));
    child.on("close", (code) => resolve(code ?? "killed"));
  });
  let lastCommit: string | undefined;
  const done = new Set<string>();
  let held: FileAddition | undefined;
  try {
    const onCommit = (commit: string) => {
      lastCommit = commit;
      done.clear();
    };
    for await (const addition of parsePatch(splitLines(child.stdout), onCommit)) {
      if (held) {
        if (held.commit === lastCommit) done.add(held.repoPath);
        yield held;
      }
      held = addition;
    }
  } finally {
    // The consumer may stop early; then git must not be left writing into a full pipe.
    if (child.exitCode === null) child.kill();
  }
  const status = await exited;
  if (status === 0) {
    if (held) yield held;
    return { ok: true };
  }
  // The held file is whole only if a later commit's header followed it.
  if (held && held.commit !== lastCommit) yield held;
  return { ok: false, lastCommit, done };
}
