import { isAbsolute, relative } from "node:path";
import type { BlobReader } from "./open-blob-reader.js";
import { runGit } from "./run-git.js";

/**
 * A file's text as `revision` holds it (`git show REV:./path`), or as the index holds it when
 * `revision` is `"index"`; `path` is relative to `cwd` (or absolute). Undefined when it is not there.
 * With `reader` (a `git cat-file --batch` started in `cwd`) it is asked there: no process per file.
 */
export async function readAtRevision(cwd: string, revision: string, path: string, reader?: BlobReader): Promise<string | undefined> {
  const relativePath = (isAbsolute(path) ? relative(cwd, path) : path).split("\\").join("/");
  const name = `${revision === "index" ? "" : revision}:./${relativePath}`;
  // cat-file reads one name a line and ends on a path outside the work tree: such paths go to `git show`.
  if (reader && !relativePath.includes("\n") && !relativePath.split("/").includes("..")) {
    const reply = await reader.readObject(name);
    return reply.ok && reply.type === "blob" ? reply.content.toString("utf8") : undefined;
  }
  const result = await runGit(["show", name], cwd);
  return result.ok ? result.stdout.toString("utf8") : undefined;
}
