import { parsePatch } from "./parse-patch.js";
import { runGit } from "./run-git.js";

/**
 * The lines the next commit adds, by repository path (1-based, in the staged version), from
 * `git diff --cached -U0`. Used to tell which inline suppressions a commit adds.
 */
export async function listStagedAdditions(root: string): Promise<{ ok: true; added: Map<string, Set<number>> } | { ok: false; reason: string }> {
  const result = await runGit(
    [
      "-c", "diff.suppressBlankEmpty=false",
      "diff", "--cached", "--no-color", "--unified=0", "--full-index", "--no-ext-diff", "--no-textconv", "--no-renames",
      "--src-prefix=a/", "--dst-prefix=b/", "--no-relative",
    ],
    root,
  );
  if (!result.ok) return result;
  const added = new Map<string, Set<number>>();
  for await (const file of parsePatch(result.stdout.toString("utf8").split("\n"))) added.set(file.repoPath, new Set(file.addedLines));
  return { ok: true, added };
}
