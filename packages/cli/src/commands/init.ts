import { existsSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { initRepository } from "../git/init-repository.js";
import type { RunIo } from "../io.js";
import { messages } from "../messages.js";

/**
 * `hawzu-scan init`: installs the pre-commit check in the repository around the current folder and
 * prints what changed. Exit 0 when set up (or already), 2 when something could not be done.
 */
export async function initCommand(io: RunIo): Promise<number> {
  const result = await initRepository({ cwd: io.cwd ?? process.cwd(), gitHookCommand: plainHookCommand });
  for (const change of result.changes) io.stdout.write(`hawzu-scan init: ${change}\n`);
  for (const note of result.notes) io.stdout.write(`hawzu-scan init: ${note}\n`);
  for (const problem of result.problems) io.stderr.write(`${messages.usagePrefix}${problem}\n`);
  return result.problems.length > 0 ? 2 : 0;
}

/**
 * The command a plain `.git/hooks/pre-commit` runs. That file is never committed, so when the
 * project has no local install it may name this installation itself (a global install, npx).
 */
function plainHookCommand(root: string): string {
  if (existsSync(join(root, "node_modules", ".bin", "hawzu-scan"))) return "npx --no -- hawzu-scan --staged";
  const bin = realpathSync(fileURLToPath(new URL("../../bin/hawzu-scan.js", import.meta.url)));
  return `${shellQuote(process.execPath)} ${shellQuote(bin)} --staged`;
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
