/**
 * The text most recently handed to the core, with its stream offsets, so a finding's line can be
 * shown in a code frame without keeping the whole input. Skipped stretches leave gaps.
 */
export class RecentText {
  private segments: { start: number; text: string }[] = [];
  private total = 0;

  constructor(private readonly limit = 1024 * 1024) {}

  add(start: number, text: string): void {
    if (text.length === 0) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.start + last.text.length === start && last.text.length + text.length <= 64 * 1024) {
      last.text += text;
    } else {
      this.segments.push({ start, text });
    }
    this.total += text.length;
    while (this.total > this.limit && this.segments.length > 1) {
      this.total -= this.segments.shift()!.text.length;
    }
  }

  /** The contiguous text around [start, end) that is still at hand, and the offset of its first character. */
  around(start: number, end: number, reach = 2048): { text: string; offset: number } | undefined {
    let first = -1;
    for (let index = this.segments.length - 1; index >= 0; index--) {
      const segment = this.segments[index]!;
      if (segment.start <= start && segment.start + segment.text.length >= Math.min(end, start + 1)) {
        first = index;
        break;
      }
    }
    if (first === -1) return undefined;
    // Join neighbours that touch, so a line cut between two writes is still shown whole.
    let from = first;
    let to = first;
    while (from > 0 && this.touch(from - 1, from) && this.segments[first]!.start - this.segments[from - 1]!.start < reach) from--;
    while (to < this.segments.length - 1 && this.touch(to, to + 1) && this.segments[to + 1]!.start < end + reach) to++;
    const parts = this.segments.slice(from, to + 1);
    return { text: parts.map((part) => part.text).join(""), offset: parts[0]!.start };
  }

  private touch(a: number, b: number): boolean {
    const left = this.segments[a]!;
    return left.start + left.text.length === this.segments[b]!.start;
  }
}
