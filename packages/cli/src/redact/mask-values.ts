/**
 * Replaces every occurrence of known byte strings (token values, and tokens as they were written)
 * in a stream of bytes, wherever they stand: a value found once is masked on every line. Matches
 * that overlap are merged and masked as one. Bytes are held back only as long as a value could
 * still be completing at a chunk's end; everything else passes unchanged.
 *
 * Cost: linear in the bytes times the number of distinct values (one native search per value).
 */
export class MaskValues {
  private readonly values = new Map<string, { bytes: Buffer; mask: Buffer }>();
  private longest = 0;
  private carry: Buffer = Buffer.alloc(0);
  /** Occurrences replaced so far. */
  masked = 0;

  /** Learns a value to mask, with the text that replaces it. A value shorter than 8 bytes is ignored (it would mask ordinary words). */
  add(value: string, mask: string): boolean {
    const bytes = Buffer.from(value, "utf8");
    if (bytes.length < 8 || this.values.has(value)) return false;
    this.values.set(value, { bytes, mask: Buffer.from(mask, "utf8") });
    this.longest = Math.max(this.longest, bytes.length);
    return true;
  }

  get size(): number {
    return this.values.size;
  }

  /**
   * A fresh masker whose masks keep each value's length in bytes (its first four characters, then
   * `*`): for binary content, where offsets and lengths inside the file must not move.
   */
  sameLengthClone(): MaskValues {
    const copy = new MaskValues();
    for (const [value, { bytes }] of this.values) {
      const shown = Buffer.from(value.slice(0, 4), "utf8");
      const mask = Buffer.alloc(bytes.length, "*");
      if (shown.length <= bytes.length / 2) shown.copy(mask);
      copy.values.set(value, { bytes, mask });
      copy.longest = Math.max(copy.longest, bytes.length);
    }
    return copy;
  }

  /** A fresh masker with the same values, for another pass. */
  clone(): MaskValues {
    const copy = new MaskValues();
    for (const [value, { mask }] of this.values) copy.add(value, mask.toString("utf8"));
    return copy;
  }

  /** The masked bytes that are final after `chunk`; a short tail may wait for the next chunk. */
  push(chunk: Buffer): Buffer {
    const data = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    // A value starting at or after `safe` might continue in the next chunk.
    const safe = Math.max(0, data.length - Math.max(0, this.longest - 1));
    const { output, end } = this.mask(data, safe);
    // Copy the tail: `chunk` may be a reused read buffer.
    this.carry = Buffer.from(data.subarray(end));
    return output;
  }

  /** Whatever was held back, masked. */
  end(): Buffer {
    const { output } = this.mask(this.carry, this.carry.length);
    this.carry = Buffer.alloc(0);
    return output;
  }

  /** Masks `data` up to `safe` (further if a match crosses it); returns the output and where it stopped. */
  private mask(data: Buffer, safe: number): { output: Buffer; end: number } {
    const ranges: { from: number; to: number; mask: Buffer }[] = [];
    for (const { bytes, mask } of this.values.values()) {
      for (let index = data.indexOf(bytes); index !== -1; index = data.indexOf(bytes, index + 1)) {
        ranges.push({ from: index, to: index + bytes.length, mask });
      }
    }
    ranges.sort((a, b) => a.from - b.from || b.to - a.to);
    if (ranges.length === 0) return { output: data.subarray(0, safe), end: safe };
    const parts: Buffer[] = [];
    let position = 0;
    let open: { from: number; to: number; mask: Buffer } | undefined;
    const close = () => {
      if (!open) return;
      parts.push(data.subarray(position, open.from), open.mask);
      position = open.to;
      this.masked++;
      open = undefined;
    };
    for (const range of ranges) {
      if (open && range.from < open.to) {
        open.to = Math.max(open.to, range.to);
        continue;
      }
      close();
      // Past the safe point, a value waits for the next chunk (unless it overlaps one being masked).
      if (range.from >= safe) break;
      open = { ...range };
    }
    close();
    const end = Math.max(safe, position);
    parts.push(data.subarray(position, end));
    return { output: Buffer.concat(parts), end };
  }
}
