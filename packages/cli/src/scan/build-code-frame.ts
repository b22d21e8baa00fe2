import type { Finding } from "@hawzu-scan/core";
import type { CodeFrame } from "../report.js";
import { escapeControl } from "./escape-control.js";
import { maskTokenLike } from "./mask-token-like.js";

const SHOWN_AROUND = 48;
const WIDE = 1024;
/**
 * The finding's line (and the one before) from `text`, which starts at stream offset `offset`, with
 * the token replaced by its redacted form and cropped around it. Never contains the token.
 */
export function buildCodeFrame(text: string, offset: number, finding: Pick<Finding, "start" | "end" | "redacted">): CodeFrame | undefined {
  const start = finding.start - offset;
  const end = finding.end - offset;
  if (start < 0 || start > text.length) return undefined;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = text.indexOf("\n", start);
  if (lineEnd === -1) lineEnd = text.length;
  const tokenEnd = Math.min(end, lineEnd);
  // Mask whole runs first, on a wider slice, then crop: a crop must never leave part of a token.
  // Escape after masking (a mask judges the raw text) and after cropping (escapes are not cut).
  const wideHead = maskTokenLike(stripCarriageReturn(text.slice(Math.max(lineStart, start - WIDE), start)));
  const wideTail = maskTokenLike(stripCarriageReturn(text.slice(tokenEnd, Math.min(lineEnd, tokenEnd + WIDE))));
  const head = escapeControl(wideHead.slice(-SHOWN_AROUND));
  const tail = escapeControl(wideTail.slice(0, SHOWN_AROUND));
  const headCut = head.length < wideHead.length || start - WIDE > lineStart;
  const tailCut = tail.length < wideTail.length || tokenEnd + WIDE < lineEnd;
  const prefix = (headCut ? "…" : "") + head;
  const line = prefix + finding.redacted + tail + (tailCut ? "…" : "");
  let before: string | undefined;
  if (lineStart > 0) {
    const previousStart = text.lastIndexOf("\n", lineStart - 2) + 1;
    const previous = stripCarriageReturn(text.slice(previousStart, lineStart - 1));
    if (previousStart > 0 || offset === 0) before = escapeControl(cut(maskTokenLike(previous.slice(0, WIDE)), 2 * SHOWN_AROUND));
  }
  return { ...(before === undefined ? {} : { before }), line, markStart: prefix.length, markLength: finding.redacted.length };
}

function stripCarriageReturn(text: string): string {
  return text.replace(/\r/g, "");
}

function cut(text: string, length: number): string {
  return text.length > length ? text.slice(0, length) + "…" : text;
}
