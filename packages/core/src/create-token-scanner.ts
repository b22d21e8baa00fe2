import { WINDOW_AFTER, WINDOW_BEFORE } from "./compute-windows.js";
import { findCandidates, toResult } from "./find-tokens.js";
import { hasKeywordHit } from "./find-keyword-hits.js";
import { resolveOptions, isHawzuPath } from "./resolve-options.js";
import type { FindOptions, ScanResult } from "./types.js";

/** Options of a streaming scan: the same as `findTokens`. */
export type TokenScannerOptions = FindOptions;

/**
 * Scans text that arrives in chunks (a 10 GB log, a pipe) with bounded memory. Each `write`
 * returns the findings its complete lines reveal; `end` flushes the rest. Lines, columns and
 * offsets are those of the whole stream, also for a token split across two chunks.
 */
export interface TokenScanner {
  write(chunk: string): ScanResult;
  /**
   * Moves past text without judging it, for callers that read bytes and find no keyword in a long
   * stretch: pass its length (UTF-16 code units), its line breaks, and the length of its part after
   * the last line break. The caller must `write` at least `SKIP_MARGIN` characters on both sides of
   * a skipped stretch, so evidence near its edges is still seen.
   */
  skip(length: number, lineBreaks: number, lengthAfterLastLineBreak: number): ScanResult;
  end(): ScanResult;
}

/** How much text a caller must write (not skip) next to any skipped stretch: more than a window reaches. */
export const SKIP_MARGIN = 3 * (WINDOW_BEFORE + WINDOW_AFTER);

// Text kept behind the judged part, so a context whose evidence comes later (a curl URL on the
// next line, a YAML block's later keys) is still seen whole when that evidence arrives.
const LOOKBACK = 2 * (WINDOW_BEFORE + WINDOW_AFTER);
// A line longer than this (minified files, one-line JSON dumps) is judged in pieces.
const LONGEST_PENDING_LINE = 1024 * 1024;
const TOKEN_CHARACTER = /[A-Za-z0-9\-_.~+/=%\\]/;
const KEYWORD_OVERLAP = 64;
// The most text judged at once from one `write`.
const LONGEST_STEP = 1024 * 1024;

export function createTokenScanner(options: TokenScannerOptions = {}): TokenScanner {
  const resolved = resolveOptions(options);
  const alwaysJudge = isHawzuPath(resolved.path);
  let buffer = "";
  // Absolute offset, line and column of buffer[0].
  let bufferOffset = 0;
  let bufferLine = 1;
  let bufferColumn = 1;
  // Absolute offset up to which text has been judged, and of the last keyword seen.
  let judgedUntil = 0;
  let lastKeywordAt = -Infinity;
  const reported = new Set<string>();

  function judge(cut: number): ScanResult {
    const freshFrom = Math.max(0, judgedUntil - bufferOffset - KEYWORD_OVERLAP);
    if (hasKeywordHit(buffer.slice(freshFrom, cut), resolved)) lastKeywordAt = bufferOffset + cut;
    judgedUntil = bufferOffset + cut;
    const empty: ScanResult = { findings: [], suppressed: [] };
    if (!alwaysJudge && lastKeywordAt < bufferOffset) return empty;
    const region = buffer.slice(0, cut);
    const fresh = findCandidates(region, resolved).filter((candidate) => {
      const key = `${bufferOffset + candidate.start}:${bufferOffset + candidate.end}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    });
    if (fresh.length === 0) return empty;
    return toResult(region, fresh, resolved, { line: bufferLine, column: bufferColumn, offset: bufferOffset });
  }

  function dropBefore(keepFrom: number) {
    if (keepFrom <= 0) return;
    const dropped = buffer.slice(0, keepFrom);
    let newlines = 0;
    let lastNewline = -1;
    for (let index = dropped.indexOf("\n"); index !== -1; index = dropped.indexOf("\n", index + 1)) {
      newlines++;
      lastNewline = index;
    }
    bufferLine += newlines;
    bufferColumn = lastNewline === -1 ? bufferColumn + dropped.length : dropped.length - lastNewline;
    bufferOffset += keepFrom;
    buffer = buffer.slice(keepFrom);
    for (const key of reported) {
      if (Number(key.slice(0, key.indexOf(":"))) < bufferOffset) reported.delete(key);
    }
  }

  function keepLookback(cut: number) {
    let keepFrom = Math.max(0, cut - LOOKBACK);
    if (keepFrom > 0) {
      const newline = buffer.indexOf("\n", keepFrom);
      if (newline !== -1 && newline < cut) keepFrom = newline + 1;
    }
    dropBefore(keepFrom);
  }

  function writePiece(chunk: string): ScanResult {
    buffer += chunk;
    let cut = buffer.lastIndexOf("\n") + 1;
    if (cut <= judgedUntil - bufferOffset) {
      if (buffer.length - (judgedUntil - bufferOffset) < LONGEST_PENDING_LINE) return { findings: [], suppressed: [] };
      cut = cutInsideLine(buffer, buffer.length - LOOKBACK / 2);
    }
    const result = judge(cut);
    keepLookback(cut);
    return result;
  }

  return {
    write(chunk) {
      if (chunk.length <= LONGEST_STEP) return writePiece(chunk);
      // A big chunk (a front end's 8 MB read block) is judged in steps: each step's evidence and
      // lower-cased copy stay small, which keeps peak memory and garbage down at the same cost.
      const result: ScanResult = { findings: [], suppressed: [] };
      for (let offset = 0; offset < chunk.length; offset += LONGEST_STEP) {
        const step = writePiece(chunk.slice(offset, offset + LONGEST_STEP));
        result.findings.push(...step.findings);
        result.suppressed.push(...step.suppressed);
      }
      return result;
    },
    skip(length, lineBreaks, lengthAfterLastLineBreak) {
      const result = judge(buffer.length);
      dropBefore(buffer.length);
      bufferOffset += length;
      judgedUntil = bufferOffset;
      bufferLine += lineBreaks;
      bufferColumn = lineBreaks > 0 ? lengthAfterLastLineBreak + 1 : bufferColumn + length;
      return result;
    },
    end() {
      const result = judge(buffer.length);
      dropBefore(buffer.length);
      return result;
    },
  };
}

/** A cut point in a long line that does not split a token-like run. */
function cutInsideLine(text: string, position: number): number {
  for (let index = position; index > position - 4096 && index > 0; index--) {
    if (!TOKEN_CHARACTER.test(text[index - 1]!)) return index;
  }
  return position;
}
