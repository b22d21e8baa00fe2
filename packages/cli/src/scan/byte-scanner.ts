import { isAscii, isUtf8 } from "node:buffer";
import { createTokenScanner, isHawzuPath, SKIP_MARGIN, type FindOptions, type ScanResult, type TokenScanner } from "@hawzu-scan/core";
import { blankNuls } from "./blank-nuls.js";
import { findKeywordSpans } from "./find-keyword-spans.js";
import { keywordNeedles } from "./keyword-needles.js";
import { RecentText } from "./recent-text.js";
import { releaseLargeGarbage } from "./release-large-garbage.js";

/**
 * Bytes read from a file at a time, and gathered before a block is judged. Two read buffers take
 * turns, so this is paid twice; 4 MB keeps plain logs as fast as 8 MB did (see the README).
 */
export const BLOCK_SIZE = 4 * 1024 * 1024;
// Streams (decompressed data) are judged in smaller blocks: less memory to gather and copy, at the
// cost of a few more margins written around block ends.
const STREAM_BLOCK_SIZE = 2 * 1024 * 1024;
// A line longer than this (a minified file, a one-line dump) is cut inside, at a character boundary.
const LONGEST_LINE = 16 * 1024 * 1024;
// The most text decoded into one string at a time (the core judges in 1 MiB steps anyway).
const LONGEST_WRITE = 1024 * 1024;
// The core needs SKIP_MARGIN characters written around any skipped stretch; a character of UTF-8 is
// at most 3 bytes per UTF-16 unit, so non-ASCII text needs three times the bytes.
const ASCII_MARGIN = SKIP_MARGIN + 1024;
const UTF8_MARGIN = 3 * SKIP_MARGIN + 1024;

export interface ByteScannerEvents {
  /** Findings the core returned, and the recent text to draw code frames from. */
  result(result: ScanResult, recent: RecentText): void;
}

/**
 * Feeds bytes to the core's streaming scanner, skipping long stretches that hold no keyword without
 * decoding them: the byte-level prefilter that makes plain logs fast. Blocks are cut at line ends,
 * so neither a keyword nor a UTF-8 character is ever split between two blocks.
 */
export class ByteScanner {
  readonly recent = new RecentText();
  /** True once a block was found that is not valid UTF-8 (decoded with replacement characters). */
  invalidUtf8 = false;
  bytes = 0;
  private readonly core: TokenScanner;
  private readonly needles: Buffer[];
  private readonly writeEverything: boolean;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private writeHead = false;
  // Stream offset (UTF-16 code units) of the next character handed to the core.
  private offset = 0;

  constructor(
    options: FindOptions,
    private readonly events: ByteScannerEvents,
  ) {
    this.core = createTokenScanner(options);
    this.needles = keywordNeedles(options);
    this.writeEverything = isHawzuPath(options.path);
  }

  /**
   * Adds bytes. A `transient` chunk's memory is reused by the caller once `push` returns (a read
   * buffer), so whatever of it must wait for more input is copied. A `disposable` chunk is never
   * read by the caller again, so it may be changed in place.
   */
  push(chunk: Buffer, transient = false, disposable = transient): void {
    if (chunk.length === 0) return;
    // Every reader judges NUL bytes as blanks (a token followed by NUL padding still ends there);
    // a chunk the caller keeps using (redact writes it out) is blanked in a copy.
    chunk = blankNuls(chunk, disposable);
    this.bytes += chunk.length;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= (transient ? BLOCK_SIZE : STREAM_BLOCK_SIZE)) this.drain(false);
    if (transient && this.pending.length > 0) this.pending = [Buffer.concat(this.pending)];
  }

  /** Judges every complete line received so far: for live input, where waiting would delay a finding. */
  flush(): void {
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    this.emit(this.core.end());
  }

  private drain(final: boolean): void {
    if (this.pendingBytes === 0) return;
    let data: Buffer;
    const last = this.pending[this.pending.length - 1]!;
    if (this.pending.length > 1 && last.length >= STREAM_BLOCK_SIZE / 2) {
      // A small leftover line before a big chunk: finish that line alone instead of copying the chunk.
      const newline = last.indexOf(10);
      if (newline !== -1) {
        this.block(Buffer.concat([...this.pending.slice(0, -1), last.subarray(0, newline + 1)]));
        data = last.subarray(newline + 1);
      } else {
        data = Buffer.concat(this.pending);
      }
    } else {
      data = this.pending.length === 1 ? last : Buffer.concat(this.pending);
    }
    let cut = final ? data.length : data.lastIndexOf(10) + 1;
    if (cut === 0 && data.length >= LONGEST_LINE) cut = characterBoundary(data, data.length - 64);
    if (cut > 0) this.block(data.subarray(0, cut));
    const rest = data.subarray(cut);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
  }

  private block(block: Buffer): void {
    this.judgeBlock(block);
    releaseLargeGarbage();
  }

  private judgeBlock(block: Buffer): void {
    const ascii = isAscii(block);
    if (!ascii && !this.invalidUtf8 && !isUtf8(block)) this.invalidUtf8 = true;
    const margin = ascii ? ASCII_MARGIN : UTF8_MARGIN;
    if (this.writeEverything || block.length <= 3 * margin) {
      this.writeHead = this.writeEverything || this.needles.some((needle) => block.includes(needle));
      this.write(block, 0, block.length, ascii);
      return;
    }
    // Spans to hand to the core: around each keyword, after a block that had one, and the block's
    // end (the next block may start with a keyword whose evidence reaches back).
    const spans = findKeywordSpans(block, this.needles, margin);
    const hadKeyword = spans.length > 0;
    if (this.writeHead) spans.push([0, margin]);
    spans.push([block.length - margin, block.length]);
    spans.sort((a, b) => a[0] - b[0]);
    let position = 0;
    let spanStart = -1;
    let spanEnd = -1;
    const flushSpan = () => {
      if (spanStart === -1) return;
      const from = characterBoundary(block, Math.max(position, spanStart));
      const to = characterBoundary(block, Math.min(block.length, spanEnd));
      if (from > position) this.gap(block, position, from, ascii);
      if (to > from) this.write(block, from, to, ascii);
      position = Math.max(position, to);
    };
    for (const [start, end] of spans) {
      if (spanStart !== -1 && start <= spanEnd) {
        spanEnd = Math.max(spanEnd, end);
        continue;
      }
      flushSpan();
      spanStart = Math.max(0, start);
      spanEnd = end;
    }
    flushSpan();
    if (position < block.length) this.write(block, position, block.length, ascii);
    this.writeHead = hadKeyword;
  }

  /** A stretch with no keyword: skipped when it is ASCII (its length in UTF-16 is its byte length). */
  private gap(block: Buffer, from: number, to: number, blockIsAscii: boolean): void {
    if (!blockIsAscii && !isAscii(block.subarray(from, to))) {
      this.write(block, from, to, false);
      return;
    }
    let lineBreaks = 0;
    let lastBreak = -1;
    for (let index = block.indexOf(10, from); index !== -1 && index < to; index = block.indexOf(10, index + 1)) {
      lineBreaks++;
      lastBreak = index;
    }
    const length = to - from;
    this.emit(this.core.skip(length, lineBreaks, lastBreak === -1 ? 0 : to - lastBreak - 1));
    this.offset += length;
  }

  private write(block: Buffer, from: number, to: number, ascii: boolean): void {
    // A long stretch goes to the core in line-cut pieces: each piece's string dies once judged,
    // instead of one string as big as the block living (and kept by the recent text) until the next.
    while (to - from > LONGEST_WRITE) {
      const newline = block.lastIndexOf(10, from + LONGEST_WRITE - 1);
      let cut = newline >= from ? newline + 1 : characterBoundary(block, from + LONGEST_WRITE);
      // Invalid UTF-8 can be a long run of continuation bytes: never a cut that does not advance.
      if (cut <= from) cut = from + LONGEST_WRITE;
      this.writeText(block, from, cut, ascii);
      from = cut;
    }
    this.writeText(block, from, to, ascii);
  }

  private writeText(block: Buffer, from: number, to: number, ascii: boolean): void {
    if (to <= from) return;
    const text = ascii ? decodeAscii(block, from, to) : block.toString("utf8", from, to);
    this.recent.add(this.offset, text);
    this.offset += text.length;
    this.emit(this.core.write(text));
  }

  private emit(result: ScanResult): void {
    if (result.findings.length > 0 || result.suppressed.length > 0) this.events.result(result, this.recent);
  }
}

/** The nearest position at or before `position` that does not split a UTF-8 character. */
function characterBoundary(data: Buffer, position: number): number {
  let index = Math.max(0, Math.min(position, data.length));
  while (index > 0 && index < data.length && (data[index]! & 0xc0) === 0x80) index--;
  return index;
}

// Node copies a latin1 decode longer than about 1 MB into a string outside V8's heap (an external
// string, allocated with malloc and freed only when a full collection finds it dead); glibc keeps
// such freed blocks in its heap, so RSS grows with every block. Small parts joined stay on V8's heap.
const DECODE_PART = 64 * 1024;

/** ASCII bytes as a string on V8's heap: decoded in small parts, joined. */
function decodeAscii(block: Buffer, from: number, to: number): string {
  if (to - from <= DECODE_PART) return block.toString("latin1", from, to);
  let text = "";
  for (let at = from; at < to; at += DECODE_PART) text += block.toString("latin1", at, Math.min(to, at + DECODE_PART));
  return text;
}
