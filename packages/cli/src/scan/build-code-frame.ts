import { isCredentialLike, redact, type Finding } from "@hawzu-scan/core";
import type { CodeFrame } from "../report.js";
import { escapeControl } from "./escape-control.js";

const SHOWN_AROUND = 48;
const WIDE = 1024;
// Any other token-like run on the shown line is masked too: a value the core found below the
// minimum confidence, or on the same line, must not leak through the frame.
const TOKEN_LIKE_RUN = /[A-Za-z0-9\-_.~+/=%]{16,}/g;
// Assignments and query strings glue a name to a value (`HAWZU_TOKEN=…`, `?token=…`): judged apart,
// so the mask covers the value only, not the key name beside it.
const ASSIGNMENT = /([=?&]+)/;
// Inside a URL or path, the pieces between separators.
const PATH_SEPARATOR = /([/.%]+)/;

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

function maskTokenLike(text: string): string {
  return text.replace(TOKEN_LIKE_RUN, (run) => run.split(ASSIGNMENT).map(maskSegment).join(""));
}

// A segment that looks like a credential as a whole is masked whole (a base64 token may hold `/`
// or `.`); otherwise it may be a URL or path with a token as one of its pieces.
function maskSegment(segment: string): string {
  if (segment.length < 16) return segment;
  if (isCredentialLike(segment)) return redact(segment);
  return segment
    .split(PATH_SEPARATOR)
    .map((piece) => (piece.length >= 16 && isCredentialLike(piece) ? redact(piece) : piece))
    .join("");
}
