import { isAbsolute, relative } from "node:path";
import { runGit } from "./run-git.js";

/**
 * A file's text as `revision` holds it (`git show REV:./path`), or as the index holds it when
 * `revision` is `"index"`; `path` is relative to `cwd` (or absolute). Undefined when it is not there.
 */
export async function readAtRevision(cwd: string, revision: string, path: string): Promise<string | undefined> {
  const relativePath = (isAbsolute(path) ? relative(cwd, path) : path).split("\\").join("/");
  const result = await runGit(["show", `${revision === "index" ? "" : revision}:./${relativePath}`], cwd);
  return result.ok ? result.stdout.toString("utf8") : undefined;
}
