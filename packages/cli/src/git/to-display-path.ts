import { relative, resolve, sep } from "node:path";

/** A repository-relative path -> relative to the current directory, as every report prints paths. */
export function toDisplayPath(root: string, cwd: string, repoPath: string): string {
  return relative(cwd, resolve(root, repoPath)).split(sep).join("/") || repoPath;
}
