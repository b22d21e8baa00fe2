// `hawzu-scan-ignore` on the finding's line, or `hawzu-scan-ignore-next-line` on the line before,
// in any comment syntax; text after the directive (after `:` or `--`) is the reason.
const SAME_LINE = /hawzu-scan-ignore(?!-next-line)(?:[ \t]*(?::|--(?!>))?[ \t]*(.*))?/;
const NEXT_LINE = /hawzu-scan-ignore-next-line(?:[ \t]*(?::|--(?!>))?[ \t]*(.*))?/;
const COMMENT_END = /\s*(?:\*\/|-->|%>|#\}|\}\})?\s*$/;
const LONGEST_REASON = 200;

/** The suppression that applies to a finding on `line`, or undefined. */
export function findSuppression(line: string, previousLine: string | undefined): { reason?: string } | undefined {
  const same = line.includes("hawzu-scan-ignore") ? SAME_LINE.exec(line) : null;
  if (same) return withReason(same[1]);
  const next = previousLine?.includes("hawzu-scan-ignore-next-line") ? NEXT_LINE.exec(previousLine) : null;
  if (next) return withReason(next[1]);
  return undefined;
}

function withReason(raw: string | undefined): { reason?: string } {
  // A reason is free text from the user; anything in it that could be a token is masked.
  const reason = raw?.replace(COMMENT_END, "").replace(/[A-Za-z0-9\-_.~+/=]{20,}/g, "[redacted]").slice(0, LONGEST_REASON).trim();
  return reason ? { reason } : {};
}
