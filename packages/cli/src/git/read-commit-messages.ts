import { listCommits, type CommitRange } from "./list-commits.js";
import { runGit } from "./run-git.js";

/** The message of a commit, or of an annotated tag (then `commit` is absent and `tag` names it). */
export interface HistoryMessage {
  commit?: string;
  tag?: string;
  message: Buffer;
}

// Commits per git call: keeps the argument list far below any OS limit.
const PER_CALL = 500;

/**
 * The whole message of each commit in the range (a token pasted into `git commit -m` is as
 * public as one in a file), and, for the whole history, of each annotated tag. Commits git cannot
 * describe are left out here: the file walk names them.
 */
export async function* readCommitMessages(root: string, range: CommitRange): AsyncGenerator<HistoryMessage> {
  const { commits } = await listCommits(root, range);
  for (let index = 0; index < commits.length; index += PER_CALL) {
    const result = await runGit(["log", "--no-walk=unsorted", "--no-show-signature", "--format=%H%x00%B%x00", ...commits.slice(index, index + PER_CALL), "--"], root);
    if (!result.ok) continue;
    const fields = splitFields(result.stdout);
    for (let field = 0; field + 1 < fields.length; field += 2) {
      yield { commit: fields[field]!.toString("utf8").trim(), message: fields[field + 1]! };
    }
  }
  if (!("all" in range)) return;
  const tags = await runGit(["for-each-ref", "refs/tags", "--format=%(objecttype)%00%(refname:short)%00%(contents)%00"], root);
  if (!tags.ok) return;
  const fields = splitFields(tags.stdout);
  for (let field = 0; field + 2 < fields.length; field += 3) {
    if (fields[field]!.toString("utf8").trim() !== "tag") continue;
    yield { tag: fields[field + 1]!.toString("utf8"), message: fields[field + 2]! };
  }
}

/** NUL-separated fields, without the line break git writes between records. */
function splitFields(output: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  let start = 0;
  for (let end = output.indexOf(0); end !== -1; start = end + 1, end = output.indexOf(0, start)) {
    fields.push(output.subarray(output[start] === 0x0a ? start + 1 : start, end));
  }
  return fields;
}
