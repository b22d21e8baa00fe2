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
