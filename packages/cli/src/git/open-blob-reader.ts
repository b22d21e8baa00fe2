import { spawnGit } from "./run-git.js";

/** Reads objects by id from one long-running `git cat-file --batch`, so 1,000 files cost one process. */
export interface BlobReader {
  /** The object's content, or an error value when git does not have it. Requests may overlap. */
  read(id: string): Promise<{ ok: true; content: Buffer } | { ok: false; reason: string }>;
  /**
   * Any object git can name (`HEAD`, `HEAD:./file`, `:./file` relative to the reader's folder) with
   * its type. The name must not hold a newline, nor a path outside the work tree (git would end).
   */
  readObject(name: string): Promise<ObjectReply>;
  /** Ends the git process. */
  close(): void;
}

type ObjectReply = { ok: true; type: string; content: Buffer } | { ok: false; reason: string };

/**
 * Starts `git cat-file --batch` in `cwd`. Objects are asked for by id (never by path, so a path
 * with a newline cannot break the line-based protocol); replies come back in request order.
 */
export function openBlobReader(cwd: string): BlobReader {
  const child = spawnGit(["cat-file", "--batch"], cwd);
  const waiting: Array<(reply: ObjectReply) => void> = [];
  let buffered: Buffer = Buffer.alloc(0);
  let failure: string | undefined;
  let stderr = "";

  const failAll = (reason: string) => {
    failure ??= reason;
    for (const resolve of waiting.splice(0)) resolve({ ok: false, reason: failure });
  };

  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => (stderr += chunk));
  child.on("error", (error) => failAll(`could not run git cat-file: ${error.message}`));
  child.on("close", () => failAll(stderr.trim().split("\n")[0] || "git cat-file ended early"));
  child.stdin.on("error", () => {}); // reported through "close" instead

  child.stdout.on("data", (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    // Each reply: "<id> <type> <size>\n<content>\n", or "<name> missing\n".
    for (;;) {
      const headerEnd = buffered.indexOf(10);
      if (headerEnd === -1) return;
      const header = buffered.subarray(0, headerEnd).toString("utf8");
      const resolve = waiting[0];
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        buffered = buffered.subarray(headerEnd + 1);
        waiting.shift();
        resolve?.({ ok: false, reason: `git object ${header}` });
        continue;
      }
      const [, type = "", sizeText = ""] = header.split(" ");
      const size = Number(sizeText);
      if (buffered.length < headerEnd + 1 + size + 1) return;
      const content = Buffer.from(buffered.subarray(headerEnd + 1, headerEnd + 1 + size));
      buffered = buffered.subarray(headerEnd + 1 + size + 1);
      waiting.shift();
      resolve?.({ ok: true, type, content });
    }
  });

  const readObject = (name: string): Promise<ObjectReply> => {
    if (failure) return Promise.resolve({ ok: false, reason: failure });
    return new Promise((resolve) => {
      waiting.push(resolve);
      child.stdin.write(`${name}\n`);
    });
  };
  return {
    async read(id) {
      const reply = await readObject(id);
      return reply.ok ? { ok: true, content: reply.content } : reply;
    },
    readObject,
    close() {
      child.stdin.end();
    },
  };
}
