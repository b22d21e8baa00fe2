import { PassThrough, Writable } from "node:stream";
import { run } from "../../src/run.js";

/** A writable that keeps what was written, as text. */
export class TextSink extends Writable {
  text = "";
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

export interface InMemoryRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with in-memory streams. */
export async function runInMemory(argv: string[], options: { cwd: string; stdin?: PassThrough | string; env?: Record<string, string> }): Promise<InMemoryRun> {
  const stdout = new TextSink();
  const stderr = new TextSink();
  let stdin = options.stdin;
  if (typeof stdin === "string") {
    const text = stdin;
    stdin = new PassThrough();
    stdin.end(text);
  }
  const code = await run(argv, { stdout, stderr, stdin: stdin ?? new PassThrough().end(), cwd: options.cwd, env: options.env ?? {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the CLI in this process with `-f json` added, and parses the report (undefined when none was written). */
export async function runJsonInMemory<Report>(argv: string[], options: { cwd: string }): Promise<InMemoryRun & { report: Report }> {
  const result = await runInMemory([...argv, "-f", "json"], options);
  return { ...result, report: (result.stdout ? JSON.parse(result.stdout) : undefined) as Report };
}
