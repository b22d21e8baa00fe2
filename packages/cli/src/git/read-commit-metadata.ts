import { maskTokenLike } from "../scan/mask-token-like.js";
import { runGit } from "./run-git.js";

/** Who made a commit, when, and its subject line, as history findings show them. */
export interface CommitMetadata {
  author: string;
  /** Author date, ISO 8601 with its offset, as git records it. */
  date: string;
  /** The first line of the message; credential-like runs masked (a subject may quote a token). */
  subject: string;
}

// Commits per git call: keeps the argument list far below any OS limit.
const PER_CALL = 500;

/**
 * Author, date and subject of each commit, by id, read with `git log --no-walk`. A commit git cannot
 * describe is left out (the finding keeps its commit id); metadata is decoration, never a failure.
 */
export async function readCommitMetadata(cwd: string, commits: readonly string[]): Promise<Map<string, CommitMetadata>> {
  const found = new Map<string, CommitMetadata>();
  const unique = [...new Set(commits)];
  for (let index = 0; index < unique.length; index += PER_CALL) {
    const result = await runGit(["log", "--no-walk=unsorted", "--no-show-signature", "--format=%H%x00%an%x00%aI%x00%s%x00", ...unique.slice(index, index + PER_CALL), "--"], cwd);
    if (!result.ok) continue;
    const fields = result.stdout.toString("utf8").split("\u0000");
    for (let field = 0; field + 3 < fields.length; field += 4) {
      const [commit, author, date, subject] = fields.slice(field, field + 4).map((value) => value.replace(/^\n/, ""));
      found.set(commit!, { author: maskTokenLike(author!), date: date!, subject: maskTokenLike(subject!) });
    }
  }
  return found;
}
