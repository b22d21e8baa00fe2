/** Maps offsets to 1-based line and column; built only when a text has findings. */
export class LineIndex {
  readonly #lineStarts: number[] = [0];
  #scannedUntil = 0;

  constructor(private readonly text: string) {}

  /** 1-based line and column (UTF-16 code units) of `offset`. */
  position(offset: number): { line: number; column: number } {
    this.#scanTo(offset);
    const starts = this.#lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }

  /** The text of the 1-based line `line` (without its line break), if it has been indexed. */
  lineText(line: number): string {
    const start = this.#lineStarts[line - 1];
    if (start === undefined) return "";
    const newline = this.text.indexOf("\n", start);
    return this.text.slice(start, newline === -1 ? this.text.length : newline).replace(/\r$/, "");
  }

  // Records the start of every line that begins at or before `offset`.
  #scanTo(offset: number) {
    for (;;) {
      const newline = this.text.indexOf("\n", this.#scannedUntil);
      if (newline === -1 || newline >= offset) {
        this.#scannedUntil = Math.max(this.#scannedUntil, offset);
        return;
      }
      this.#lineStarts.push(newline + 1);
      this.#scannedUntil = newline + 1;
    }
  }
}
