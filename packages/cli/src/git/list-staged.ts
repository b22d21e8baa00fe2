import { realpathSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { findRepositoryRoot } from "./find-repository-root.js";
import { listStagedFiles, type StagedFile } from "./list-staged-files.js";
import type { StagedInput } from "./read-staged-inputs.js";

/**
 * What the index stages for the paths given, before any content is read: the repository root and
 * the staged files (`git rev-parse --show-toplevel`, then `git diff --cached`); or, when there is
 * nothing to read, the inputs to report instead (a git failure, or every path outside the work tree).
 */
export type StagedListing =
  | { ok: true; root: string; cwd: string; given: Array<{ path: string; pathspec: string }>; files: StagedFile[] }
  | { ok: false; inputs: StagedInput[] };

/**
 * Lists the staged files `paths` select (all when empty), relative to `cwd`. Separate from reading
 * them, so a caller can start it early: a commit hook waits on these two git processes.
 */
export async function listStaged(options: { cwd: string; paths?: readonly string[] }): Promise<StagedListing> {
  const cwd = realpath(options.cwd);
  const found = await findRepositoryRoot(cwd);
  if (!found.ok) return { ok: false, inputs: [{ kind: "error", displayPath: ".", reason: found.reason }] };
  const root = realpath(found.root);
  const given = (options.paths ?? []).map((path) => ({ path, pathspec: toRepoPath(root, cwd, path) }));
  // A path outside the work tree would make git refuse the whole list: it is named instead.
  const inside = given.filter(({ pathspec }) => pathspec !== ".." && !pathspec.startsWith("../"));
  if (given.length > 0 && inside.length === 0) return { ok: false, inputs: given.map(({ path }) => ({ kind: "unmatched", displayPath: path, othersMatched: false })) };
  const listed = await listStagedFiles(root, inside.map(({ pathspec }) => pathspec));
  if (!listed.ok) return { ok: false, inputs: [{ kind: "error", displayPath: ".", reason: `could not list staged files: ${listed.reason}` }] };
  return { ok: true, root, cwd, given, files: listed.files };
}

function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A path as given on the command line (absolute or relative to cwd) -> repository-relative. */
function toRepoPath(root: string, cwd: string, path: string): string {
  const absolute = resolve(cwd, path);
  let directory = absolute.slice(0, absolute.lastIndexOf(sep)) || sep;
  // Resolve symlinked folders (e.g. /tmp on macOS) the same way the root was resolved.
  directory = realpath(directory);
  return relative(root, resolve(directory, absolute.slice(absolute.lastIndexOf(sep) + 1))).split(sep).join("/");
}
