// Runs of these characters are what a token value is made of in practice (base64url, hex, ids).
const WORD = /[A-Za-z0-9_-]{8,}/g;
// 2^27 bits (16 MB): with two hashes, ten million distinct words give well under 1% false positives.
const BITS = 2 ** 27;

/**
 * A fixed-size memory (a Bloom filter) of the words a stream has written, so that a token learnt
 * later can be checked against what already went out: "maybe written" is said honestly, "never
 * written" is certain. Memory stays 16 MB whatever the stream's length.
 */
export class SeenWords {
  private readonly bits = new Uint8Array(BITS / 8);

  /** Remembers every word in `bytes`. */
  add(bytes: Buffer): void {
    const text = bytes.toString("latin1");
    for (const match of text.matchAll(WORD)) this.set(match[0]);
  }

  /** True when every word of `value` may have been written (all words of a token: it went out whole). */
  mayHaveWritten(value: string): boolean {
    const words = value.match(WORD) ?? [];
    return words.length > 0 && words.every((word) => this.has(word));
  }

  private set(word: string): void {
    const [a, b] = hashes(word);
    this.bits[a >>> 3]! |= 1 << (a & 7);
    this.bits[b >>> 3]! |= 1 << (b & 7);
  }

  private has(word: string): boolean {
    const [a, b] = hashes(word);
    return (this.bits[a >>> 3]! & (1 << (a & 7))) !== 0 && (this.bits[b >>> 3]! & (1 << (b & 7))) !== 0;
  }
}

/** Two FNV-1a hashes with different offsets, reduced to bit positions. */
function hashes(word: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 13);
  }
  return [(a >>> 0) % BITS, (b >>> 0) % BITS];
}
