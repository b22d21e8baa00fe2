import { statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { runGit } from "./run-git.js";

// Per repository root: where its LFS objects live (asked of git once, only when a pointer is met).
const storeOf = new Map<string, Promise<string | undefined>>();

/**
 * The path and size of an LFS object in the repository's local store (`.git/lfs/objects/ab/cd/<oid>`, shared
 * by worktrees), or undefined when it is not there (never fetched: `git lfs fetch` brings it).
 */
export async function findLfsObject(root: string, oid: string): Promise<{ path: string; size: number } | undefined> {
  let store = storeOf.get(root);
  if (!store) {
    store = runGit(["rev-parse", "--git-path", "lfs/objects"], root).then((result) => {
      if (!result.ok) return undefined;
      const path = result.stdout.toString("utf8").trim();
      return isAbsolute(path) ? path : join(root, path);
    });
    storeOf.set(root, store);
  }
  const folder = await store;
  if (!folder) return undefined;
  const path = join(folder, oid.slice(0, 2), oid.slice(2, 4), oid);
  try {
    const info = statSync(path);
    return info.isFile() ? { path, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}
