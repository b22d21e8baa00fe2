import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { fakeToken, leak, tempFolder } from "./helpers/fixtures.js";
import { TextSink } from "./helpers/run-in-memory.js";
import { run } from "../src/run.js";

describe("stdin", () => {
  it("prints a finding as soon as its line arrives, before the input ends", async () => {
    const token = fakeToken();
    const stdin = new PassThrough();
    const stdout = new TextSink();
    const stderr = new TextSink();
    const done = run(["-"], { stdin, stdout, stderr, cwd: tempFolder(), env: {} });
    stdin.write("pod starting\n");
    stdin.write(`${leak.curl(token)}\n`);
    const deadline = Date.now() + 5000;
    while (!stdout.text.includes(`${token.slice(0, 4)}********`) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stdout.text).toContain("<stdin>\n  2:");
    expect(stdin.writableEnded).toBe(false);
    stdin.end("pod done\n");
    expect(await done).toBe(1);
    expect(stdout.text + stderr.text).not.toContain(token);
  });

  it("scans stdin and paths together in one report", async () => {
    const cwd = tempFolder({ "a.env": leak.env(fakeToken()) });
    const stdin = new PassThrough();
    stdin.end(`${leak.env(fakeToken())}\n`);
    const stdout = new TextSink();
    const code = await run(["-f", "json", "-", "a.env"], { stdin, stdout, stderr: new TextSink(), cwd, env: {} });
    expect(code).toBe(1);
    const report = JSON.parse(stdout.text);
    expect(report.findings.map((finding: { file: string }) => finding.file)).toEqual(["<stdin>", "a.env"]);
    expect(report.stats.files).toBe(2);
  });
});
