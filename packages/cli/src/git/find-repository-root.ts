import { runGit } from "./run-git.js";

/** The top folder of the work tree that contains `cwd`, or why there is none. */
export async function findRepositoryRoot(cwd: string): Promise<{ ok: true; root: string } | { ok: false; reason: string }> {
  const result = await runGit(["rev-parse", "--show-toplevel"], cwd);
  if (!result.ok) return { ok: false, reason: `not inside a git work tree (${result.reason})` };
  return { ok: true, root: result.stdout.toString("utf8").replace(/\n$/, "") };
}
