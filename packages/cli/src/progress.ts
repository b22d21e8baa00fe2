import { formatBytes, formatDuration } from "./messages.js";

const FIRST_DRAW_MS = 1000;
const REDRAW_MS = 200;

/**
 * A one-line progress display on stderr (files, bytes, findings, rate, and an ETA when the total
 * is known), for long scans on a terminal only: it appears after a second, and is erased before the
 * report is printed. Bytes advance within a file as it is streamed (a single 125 MB file, stdin),
 * not only when a file is done.
 */
export function createProgress(stderr: { write(text: string): unknown; columns?: number }, totalFiles: number, enabled: boolean, totalBytes = 0) {
  const started = Date.now();
  let files = 0;
  // Bytes of finished files, and of the file being streamed now.
  let doneBytes = 0;
  let currentBytes = 0;
  let findings = 0;
  let drawn = false;
  const draw = () => {
    const seconds = (Date.now() - started) / 1000;
    const bytes = doneBytes + currentBytes;
    const rate = bytes / Math.max(seconds, 0.001);
    const width = 20;
    const fraction = totalBytes > 0 ? Math.min(bytes / totalBytes, 1) : totalFiles > 0 ? files / totalFiles : 0;
    const done = Math.round(fraction * width);
    const of = totalBytes > 0 ? ` of ${formatBytes(totalBytes)}` : "";
    const remaining = totalBytes - bytes;
    const eta = totalBytes > 0 && remaining > 0 && rate > 0 ? `, ETA ${formatDuration((remaining / rate) * 1000)}` : "";
    const line = `[${"#".repeat(done)}${"-".repeat(width - done)}] ${files}/${totalFiles} files, ${formatBytes(bytes)}${of}, ${findings} finding(s), ${formatBytes(rate)}/s${eta}`;
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
    /** A file is done: its size counts whole, whatever was streamed of it. */
    file(size: number) {
      files++;
      doneBytes += size;
      currentBytes = 0;
    },
    /** Bytes streamed from the input being scanned now (a file, or standard input). */
    read(bytes: number) {
      currentBytes += bytes;
    },
    /** Standard input is done: what was read stays counted. */
    endStream() {
      doneBytes += currentBytes;
      currentBytes = 0;
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
