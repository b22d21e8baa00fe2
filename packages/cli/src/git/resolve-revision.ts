import { runGit } from "./run-git.js";

/** The commit id `rev` names (a branch, tag, `HEAD~2`, an id), or a message saying what to do. */
export async function resolveRevision(root: string, rev: string): Promise<{ ok: true; commit: string } | { ok: false; reason: string }> {
  // --end-of-options: a revision that starts with "-" is a name, never an option.
  const result = await runGit(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], root);
  const commit = result.ok ? result.stdout.toString("utf8").trim() : "";
  if (commit) return { ok: true, commit };
  return {
    ok: false,
    reason: `unknown revision "${rev}": check the name, and in CI fetch the history it needs (e.g. actions/checkout with fetch-depth: 0, GIT_DEPTH: 0 in GitLab)`,
  };
}
