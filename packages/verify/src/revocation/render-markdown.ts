import type { Identity } from "../verification-result.js";
import { codeSpan as code, escapeMarkdown as md } from "./escape-markdown.js";
import type { GroupedTokens, TokenLocation } from "./revocation-entry.js";
import { retryHint } from "./retry-hint.js";
import { revocationSteps } from "./revocation-steps.js";

/** The revocation report as Markdown, for the administrator who revokes tokens in the web app. */
export function renderMarkdown(tokens: GroupedTokens): string {
  const lines: string[] = ["# Hawzu token revocation report", ""];
  lines.push(
    `${tokens.live.length} live, ${tokens.inactive.length} inactive, ${tokens.unknown.length} unknown. ` +
      "Tokens are named by redacted form and fingerprint only. Hawzu has no revocation API: " +
      "a workspace administrator revokes tokens in the web app.",
    "",
  );

  lines.push("## Live tokens: rotate and revoke", "");
  if (tokens.live.length === 0) lines.push("None.", "");
  tokens.live.forEach((token, index) => {
    const { identity } = token.verification;
    lines.push(`### ${index + 1}. ${md(identity.name ?? identity.id)} (${accessTypeLabel(identity)})`, "");
    lines.push(`- Token: \`${token.redacted}\`, fingerprint \`${token.fingerprint}\``);
    lines.push(...describeIdentity(identity));
    lines.push(`- Checked: ${token.verification.checkedAt} (HTTP ${token.verification.httpStatus})`);
    lines.push(`- Found in ${token.locations.length} place${token.locations.length === 1 ? "" : "s"}:`);
    for (const location of token.locations) lines.push(`  - ${describeLocation(location)}`);
    lines.push("", "Steps:", "");
    revocationSteps(identity, md).forEach((step, stepIndex) => lines.push(`${stepIndex + 1}. ${step}`));
    lines.push("");
  });

  lines.push("## Inactive tokens: remove them, nothing to revoke", "");
  if (tokens.inactive.length === 0) lines.push("None.", "");
  else {
    lines.push(
      "The API refused these tokens (HTTP 401 or 403), so they do not authenticate now. It does not say why, " +
        "so this report does not either. Remove them from code and logs; there is nothing to revoke. " +
        "An administrator who still sees one listed under Security & Access > Access Tokens can revoke it there, " +
        "since a token that is only switched off can be switched on again.",
      "",
    );
    for (const token of tokens.inactive) {
      lines.push(`- \`${token.redacted}\` \`${token.fingerprint}\` (HTTP ${token.verification.httpStatus}, checked ${token.verification.checkedAt}), found in:`);
      for (const location of token.locations) lines.push(`  - ${describeLocation(location)}`);
    }
    lines.push("");
  }

  lines.push("## Unknown tokens: not verified, retry", "");
  if (tokens.unknown.length === 0) lines.push("None.", "");
  else {
    lines.push("These could not be checked; until they are, treat them as possibly live.", "");
    for (const token of tokens.unknown) {
      const { verification } = token;
      lines.push(`- \`${token.redacted}\` \`${token.fingerprint}\`: ${md(verification.reason)}, ${md(verification.detail)} (checked ${verification.checkedAt})`);
      lines.push(`  - What to do: ${md(retryHint(verification.reason))}`);
      lines.push("  - Found in:");
      for (const location of token.locations) lines.push(`    - ${describeLocation(location)}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

function accessTypeLabel(identity: Identity): string {
  if (identity.accessType === "workspace") return "workspace token";
  if (identity.accessType === "project") return "project token";
  return "access type not stated by the API";
}

function describeIdentity(identity: Identity): string[] {
  const lines = [`- Identity: id ${code(identity.id)}${identity.type ? `, type ${md(identity.type)}` : ""}${identity.name ? `, name ${md(identity.name)}` : ""}`];
  if (identity.workspace) {
    const { workspace } = identity;
    lines.push(`- Workspace: ${md(workspace.name ?? workspace.id)} (${code(workspace.id)})${workspace.role ? `, role ${md(workspace.role)}` : ""}`);
  }
  if (identity.role) lines.push(`- Role: ${md(identity.role)}`);
  if (identity.projects.length > 0) {
    const projects = identity.projects.map((project) => `${md(project.name ?? project.id)} (${code(project.id)})${project.role ? `: ${md(project.role)}` : ""}`);
    lines.push(`- Projects: ${projects.join("; ")}`);
  } else {
    lines.push("- Projects: none listed");
  }
  return lines;
}

function describeLocation(location: TokenLocation): string {
  const where = location.member === undefined ? md(location.file) : `${md(location.file)} > ${md(location.member)}`;
  return `${where}:${location.line}:${location.column}${location.commit === undefined ? "" : ` (commit ${md(location.commit)})`}`;
}
