import { groupByToken } from "./revocation/group-by-token.js";
import { renderJson } from "./revocation/render-json.js";
import { renderMarkdown } from "./revocation/render-markdown.js";
import type { RevocationEntry } from "./revocation/revocation-entry.js";

/** Options of {@link renderRevocationReport}. */
export interface RevocationReportOptions {
  /** `markdown` for people (`--revocation-report FILE.md`), `json` for tools (`FILE.json`). */
  format: "markdown" | "json";
}

/**
 * Renders the report an administrator revokes leaked tokens from: every live token once (workspace
 * tokens first) with its identity, every place it was found and the rotation and revocation steps;
 * inactive tokens (remove, nothing to revoke); unknown tokens with the reason and a retry hint.
 * Entries carry no token, so the report cannot hold one.
 */
export function renderRevocationReport(entries: readonly RevocationEntry[], options: RevocationReportOptions): string {
  const tokens = groupByToken(entries);
  return options.format === "json" ? renderJson(tokens) : renderMarkdown(tokens);
}
