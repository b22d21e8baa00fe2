import { formatBytes } from "./messages.js";

const FIRST_DRAW_MS = 1000;
const REDRAW_MS = 200;

/**
 * A one-line progress display on stderr (files, bytes, findings, rate), for long scans on a
 * terminal only: it appears after a second, and is erased before the report is printed.
 */
export function createProgress(stderr: { write(text: string): unknown; columns?: number }, totalFiles: number, enabled: boolean) {
  const started = Date.now();
  let files = 0;
  let bytes = 0;
  let findings = 0;
  let drawn = false;
  const draw = () => {
    const seconds = (Date.now() - started) / 1000;
    const width = 20;
    const done = totalFiles > 0 ? Math.round((files / totalFiles) * width) : 0;
    const line = `[${"#".repeat(done)}${"-".repeat(width - done)}] ${files}/${totalFiles} files, ${formatBytes(bytes)}, ${findings} finding(s), ${formatBytes(bytes / Math.max(seconds, 0.001))}/s`;
    stderr.write(`\r${line.slice(0, (stderr.columns ?? 80) - 1)}\u001b[K`);
    drawn = true;
  };
  let timer: NodeJS.Timeout | undefined;
  if (enabled) {
    timer = setTimeout(function tick() {
      draw();
      timer = setTimeout(tick, REDRAW_MS);
      timer.unref();
    }, FIRST_DRAW_MS);
    timer.unref();
  }
  return {
    file(size: number) {
      files++;
      bytes += size;
    },
    finding() {
      findings++;
    },
    /** Erases the line, so messages and the report start on a clean line. */
    clear() {
      if (drawn) stderr.write("\r\u001b[K");
      drawn = false;
    },
    stop() {
      if (timer) clearTimeout(timer);
      this.clear();
    },
  };
}
