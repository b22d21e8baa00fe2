import { initRepository } from "../git/init-repository.js";
import type { RunIo } from "../io.js";
import { messages } from "../messages.js";

/**
 * `hawzu-scan init`: installs the pre-commit check in the repository around the current folder and
 * prints what changed. Exit 0 when set up (or already), 2 when something could not be done.
 */
export async function initCommand(io: RunIo): Promise<number> {
  const result = await initRepository({ cwd: io.cwd ?? process.cwd() });
  for (const change of result.changes) io.stdout.write(`hawzu-scan init: ${change}\n`);
  for (const note of result.notes) io.stdout.write(`hawzu-scan init: ${note}\n`);
  for (const problem of result.problems) io.stderr.write(`${messages.usagePrefix}${problem}\n`);
  return result.problems.length > 0 ? 2 : 0;
}
