import { findSuppression } from "@hawzu-scan/core";

/** True when a core suppression comment (`hawzu-scan-ignore`, `-next-line`) covers 1-based `line`. */
export function hasIgnoreDirective(lines: readonly string[], line: number): boolean {
  return findSuppression(lines[line - 1] ?? "", line > 1 ? lines[line - 2] : undefined) !== undefined;
}
