import type { Readable, Writable } from "node:stream";

/** The world `run` talks to, injected so tests need no child process. */
export interface RunIo {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  stdin?: Readable;
  /** Defaults to process.cwd(). */
  cwd?: string;
  /** Defaults to process.env (NO_COLOR, FORCE_COLOR). */
  env?: Record<string, string | undefined>;
}
