// The core's inline suppressions (packages/core/src/suppression.ts): `hawzu-scan-ignore` on the
// finding's line, or `hawzu-scan-ignore-next-line` on the line before, in any comment syntax.
const SAME_LINE = /hawzu-scan-ignore(?!-next-line)/;

/** True when a core suppression comment covers 1-based `line` of `lines`. */
export function hasIgnoreDirective(lines: readonly string[], line: number): boolean {
  const current = lines[line - 1] ?? "";
  if (current.includes("hawzu-scan-ignore") && SAME_LINE.test(current)) return true;
  return line > 1 && (lines[line - 2] ?? "").includes("hawzu-scan-ignore-next-line");
}
