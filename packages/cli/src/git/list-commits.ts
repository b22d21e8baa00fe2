import { historyMessages } from "../messages.js";
import { spawnGit } from "./run-git.js";

/** Which commits to read: those after a commit (`--since`), or every commit of every ref. */
export type CommitRange = { since: string } | { all: true };

/**
 * The commits of a range, newest first, as `git log` walks them; when git cannot walk all of it (a
 * missing commit), the commits it could list and a sentence saying exactly what was left out.
 */
export interface CommitList {
  commits: string[];
  broken?: { commit?: string; reason: string };
}

const OBJECT_ID = "[0-9a-f]{40,64}";
const COULD_NOT_READ = new RegExp(`Could not read (${OBJECT_ID})`);
const PARENTS_OF = new RegExp(`parents of commit (${OBJECT_ID})`);

export async function listCommits(root: string, range: CommitRange): Promise<CommitList> {
  if ("all" in range) {
    const listed = await revList(root, ["--all"]);
    return listed.ok ? { commits: listed.commits } : { commits: listed.commits, broken: describeBreak(listed.stderr) };
  }
  const listed = await revList(root, [`${range.since}..HEAD`]);
  if (listed.ok) return { commits: listed.commits };
  // A range walk reads the whole range before printing anything. Walk HEAD as far as git can
  // instead and leave out what REV already had, so the commits before the break are still scanned.
  const fromHead = await revList(root, ["HEAD"]);
  const before = await revList(root, [range.since]);
  if (!before.ok) return { commits: [], broken: { reason: historyMessages.rangeUnlisted(firstLine(listed.stderr)) } };
  const known = new Set(before.commits);
  return { commits: fromHead.commits.filter((commit) => !known.has(commit)), broken: describeBreak(fromHead.ok ? listed.stderr : fromHead.stderr) };
}

function describeBreak(stderr: string): { commit?: string; reason: string } {
  const missing = COULD_NOT_READ.exec(stderr)?.[1];
  const child = PARENTS_OF.exec(stderr)?.[1];
  return { ...(missing ? { commit: missing } : {}), reason: historyMessages.walkBroken(missing, child, firstLine(stderr)) };
}

function firstLine(stderr: string): string {
  // git prints warnings (e.g. about reflog entries) before the error that matters.
  const lines = stderr.trim().split("\n");
  return lines.find((line) => line.startsWith("fatal:")) ?? lines[0] ?? "git failed";
}

/** `git rev-list ARGS`, keeping what it printed before it failed. */
function revList(root: string, args: string[]): Promise<{ ok: boolean; commits: string[]; stderr: string }> {
  // Revisions here are "--all", "HEAD" or commit ids already resolved, never user text.
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
