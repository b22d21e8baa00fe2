import { historyMessages } from "../messages.js";
import { openBlobReader } from "./open-blob-reader.js";
import { runGit, spawnGit } from "./run-git.js";

/** Which commits to read: those after a commit (`--since`), or every commit of every ref. */
export type CommitRange = { since: string } | { all: true };

/**
 * The commits of a range, newest first as `git log` walks them when git can list them all; when
 * it cannot (a missing commit), every commit that can still be reached, and one sentence per
 * missing commit saying what it hides.
 */
export interface CommitList {
  commits: string[];
  broken: Array<{ commit?: string; reason: string }>;
}

export async function listCommits(root: string, range: CommitRange): Promise<CommitList> {
  const listed = await revList(root, "all" in range ? ["--all"] : [`${range.since}..HEAD`]);
  if (listed.ok) return { commits: listed.commits, broken: [] };
  // git stops the whole walk at the first commit it cannot read. Walk the graph here instead,
  // around what is missing: commits reachable another way (another branch, a tag) are still scanned.
  let tips: string[];
  let stop = new Set<string>();
  if ("all" in range) {
    const refs = await runGit(["for-each-ref", "--format=%(objectname)"], root);
    const head = await runGit(["rev-parse", "--verify", "--quiet", "HEAD"], root);
    tips = [...(head.ok ? [head.stdout] : []), ...(refs.ok ? [refs.stdout] : [])].flatMap((output) => output.toString("utf8").split("\n")).filter(Boolean);
  } else {
    const head = await runGit(["rev-parse", "--verify", "--quiet", "HEAD"], root);
    tips = head.ok ? [head.stdout.toString("utf8").trim()] : [];
    const before = await walkCommits(root, [range.since], new Set());
    stop = new Set([...before.commits, ...before.missing.keys()]);
  }
  const walked = await walkCommits(root, tips, stop);
  if (walked.missing.size === 0) return { commits: walked.commits, broken: [{ reason: historyMessages.rangeUnlisted(firstLine(listed.stderr)) }] };
  // A commit whose parent is missing has no knowable diff: it is named with the missing one.
  const orphans = new Set([...walked.missing.values()].flat());
  return {
    commits: walked.commits.filter((commit) => !orphans.has(commit)),
    broken: [...walked.missing].map(([commit, children]) => ({ commit, reason: historyMessages.commitMissing(commit, children) })),
  };
}

/**
 * Every commit reachable from `tips` without passing through `stop`, read one generation at a
 * time from `git cat-file --batch`; each object that cannot be read, with the commits whose parent
 * it is. Annotated tags are followed to what they point at.
 */
async function walkCommits(root: string, tips: readonly string[], stop: ReadonlySet<string>): Promise<{ commits: string[]; missing: Map<string, string[]> }> {
  const reader = openBlobReader(root);
  const commits: string[] = [];
  const missing = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (id: string, child: string | undefined, next: string[]) => {
    if (child) children.set(id, [...(children.get(id) ?? []), child]);
    if (stop.has(id) || seen.has(id)) return;
    seen.add(id);
    next.push(id);
  };
  let frontier: string[] = [];
  for (const tip of tips) visit(tip, undefined, frontier);
  try {
    while (frontier.length > 0) {
      const replies = await Promise.all(frontier.map((id) => reader.read(id)));
      const next: string[] = [];
      frontier.forEach((id, index) => {
        const reply = replies[index]!;
        if (!reply.ok) {
          missing.set(id, []);
          return;
        }
        // Only the header matters: "tree <id>" then "parent <id>" lines (a commit), or "object <id>" (a tag).
        const end = reply.content.indexOf("\n\n");
        const header = reply.content.toString("latin1", 0, end === -1 ? reply.content.length : end).split("\n");
        if (header[0]?.startsWith("object ")) visit(header[0].slice(7), undefined, next);
        if (!header[0]?.startsWith("tree ")) return;
        commits.push(id);
        for (const line of header) if (line.startsWith("parent ")) visit(line.slice(7), id, next);
      });
      frontier = next;
    }
  } finally {
    reader.close();
  }
  for (const id of missing.keys()) missing.set(id, children.get(id) ?? []);
  return { commits, missing };
}

function firstLine(stderr: string): string {
  // git prints warnings (e.g. about reflog entries) before the error that matters.
  const lines = stderr.trim().split("\n");
  return lines.find((line) => line.startsWith("fatal:")) ?? lines[0] ?? "git failed";
}

/** `git rev-list ARGS`: the commit ids, or what git said when it failed. */
function revList(root: string, args: string[]): Promise<{ ok: boolean; commits: string[]; stderr: string }> {
  // Revisions here are "--all" or a range of commit ids already resolved, never user text.
  const child = spawnGit(["rev-list", ...args, "--"], root);
  const chunks: Buffer[] = [];
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => {
    child.on("error", (error) => resolve({ ok: false, commits: [], stderr: `fatal: could not run git: ${error.message}` }));
    child.on("close", (code) => {
      const commits = Buffer.concat(chunks).toString("utf8").split("\n").filter((line) => /^[0-9a-f]+$/.test(line));
      resolve({ ok: code === 0, commits, stderr });
    });
  });
}
