/** What adding a command to a hook script gives: the new text, or why it cannot be done safely. */
export type HookEdit = { ok: true; content: string; changed: boolean } | { ok: false; reason: "not-shell" };

const SHELL = /^#!.*\b(?:sh|bash|zsh|dash|ksh)\b/;
// Lines that only prepare the environment (comments, `set -e`, `export PATH=...`, `. ~/.nvm/nvm.sh`,
// `VAR=value`): the check goes after them, so it finds what they put on PATH.
const SETUP = /^\s*(?:$|#|set\s|export\s|\.\s|source\s|[A-Za-z_][A-Za-z0-9_]*=\S*\s*$)/;

/**
 * Adds `line` (one or more lines) to a hook script unless a line already runs it (`isPresent`),
 * keeping every other line as it is (except `isOutdated` ones, which it replaces). `existing` undefined means there is no hook yet: one is made
 * with a shebang.
 *
 * The line goes right after the opening setup lines, before the first command. Anywhere later it
 * could be skipped (an `exit 0` or `exec` before it, also inside an `if`), or, at the very end, it
 * would replace the status of the hook's last command, so a failing `npm test` would stop blocking.
 */
export function addHookLine(
  existing: string | undefined,
  line: string,
  isPresent: (line: string) => boolean,
  isOutdated: (line: string) => boolean = () => false,
): HookEdit {
  if (existing === undefined || existing.trim() === "") return { ok: true, content: `#!/bin/sh\n${line}\n`, changed: true };
  const original = existing.split("\n");
  if (original[0]!.startsWith("#!") && !SHELL.test(original[0]!)) return { ok: false, reason: "not-shell" };
  // A line an older `init` wrote (one that a later `exit 0` could skip) is replaced, not kept beside.
  const lines = original.filter((current) => !isOutdated(current));
  if (lines.some((current) => !current.trimStart().startsWith("#") && isPresent(current))) return { ok: true, content: existing, changed: false };
  const trailingNewline = lines[lines.length - 1] === "";
  if (trailingNewline) lines.pop();
  let insertAt = lines[0]!.startsWith("#!") ? 1 : 0;
  while (insertAt < lines.length && SETUP.test(lines[insertAt]!) && !continues(lines[insertAt]!)) insertAt++;
  // Blank lines and comments just above the first command belong to it, not to the setup.
  while (insertAt > 0 && /^\s*(?:#(?!!)|$)/.test(lines[insertAt - 1]!) && !(insertAt === 1 && lines[0]!.startsWith("#!"))) insertAt--;
  lines.splice(insertAt, 0, line);
  return { ok: true, content: `${lines.join("\n")}\n`, changed: true };
}

/** A line ending in `\` continues on the next one, so nothing may be inserted after it. */
function continues(line: string): boolean {
  return /\\\s*$/.test(line);
}
