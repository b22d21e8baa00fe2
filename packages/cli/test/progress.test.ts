import { afterEach, describe, expect, it, vi } from "vitest";
import { createProgress } from "../src/progress.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("progress line", () => {
  it("appears after a second with files, bytes, findings and rate, and is erased at the end", () => {
    vi.useFakeTimers();
    let written = "";
    const progress = createProgress({ write: (text: string) => (written += text), columns: 200 }, 4, true);
    progress.file(2 * 1024 * 1024);
    progress.finding();
    vi.advanceTimersByTime(900);
    expect(written).toBe("");
    vi.advanceTimersByTime(200);
    expect(written).toMatch(/^\r\[#{5}-{15}\] 1\/4 files, 2\.0 MB, 1 finding\(s\), [\d.]+ [KMG]?B\/s\u001b\[K$/);
    progress.stop();
    expect(written.endsWith("\r\u001b[K")).toBe(true);
  });

  it("stays silent when disabled (not a terminal, or CI)", () => {
    vi.useFakeTimers();
    let written = "";
    const progress = createProgress({ write: (text: string) => (written += text) }, 4, false);
    vi.advanceTimersByTime(5000);
    progress.stop();
    expect(written).toBe("");
  });
});

describe("progress in bytes", () => {
  it("advances within a file as it is streamed, with the total and an ETA", () => {
    vi.useFakeTimers();
    let written = "";
    const progress = createProgress({ write: (text: string) => (written += text), columns: 200 }, 1, true, 100 * 1024 * 1024);
    progress.read(25 * 1024 * 1024);
    vi.advanceTimersByTime(1000);
    expect(written).toMatch(/\[#{5}-{15}\] 0\/1 files, 25 MB of 100 MB, 0 finding\(s\), [\d.]+ MB\/s, ETA [\d.]+ (s|ms)\u001b\[K$/);
    progress.read(25 * 1024 * 1024);
    vi.advanceTimersByTime(200);
    expect(written).toMatch(/\[#{10}-{10}\] 0\/1 files, 50 MB of 100 MB/);
    // The finished file counts once, whatever was streamed of it.
    progress.file(100 * 1024 * 1024);
    vi.advanceTimersByTime(200);
    expect(written).toMatch(/\[#{20}\] 1\/1 files, 100 MB of 100 MB, 0 finding\(s\), [\d.]+ MB\/s\u001b\[K$/);
    progress.stop();
  });

  it("counts standard input's bytes while it streams (no total, so no ETA)", async () => {
    const { PassThrough } = await import("node:stream");
    const { TextSink } = await import("./helpers/run-in-memory.js");
    const { run } = await import("../src/run.js");
    const { tempFolder } = await import("./helpers/fixtures.js");
    const stdin = new PassThrough();
    const stdout = new TextSink();
    const stderr = new TextSink();
    const finished = run(["--progress", "-"], { stdout, stderr, stdin, cwd: tempFolder(), env: {} });
    stdin.write(`${"log line without secrets\n".repeat(120_000)}`);
    // The line is drawn a second after the start, then every 200 ms: wait for it, not for a time.
    while (!/2\.9 MB,/.test(stderr.text)) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stderr.text).toMatch(/0\/0 files, 2\.9 MB, 0 finding\(s\), [\d.]+ [KMG]?B\/s\u001b\[K/);
    expect(stderr.text).not.toContain("ETA");
    stdin.end();
    expect(await finished).toBe(0);
  });
});
