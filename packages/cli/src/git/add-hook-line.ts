/** What adding a command to a hook script gives: the new text, or why it cannot be done safely. */
export type HookEdit = { ok: true; content: string; changed: boolean } | { ok: false; reason: "not-shell" };

const SHELL = /^#!.*\b(?:sh|bash|zsh|dash|ksh)\b/;
// A final bare `exit` / `exit 0` would skip anything appended after it.
const TRAILING_EXIT = /^\s*exit(?:\s+0)?\s*$/;

/**
 * Adds `line` to a hook script unless a line already runs it (`isPresent`), keeping every other
 * line as it is. `existing` undefined means there is no hook yet: one is made with a shebang.
 */
export function addHookLine(existing: string | undefined, line: string, isPresent: (line: string) => boolean): HookEdit {
  if (existing === undefined || existing.trim() === "") return { ok: true, content: `#!/bin/sh\n${line}\n`, changed: true };
  const lines = existing.split("\n");
  if (lines[0]!.startsWith("#!") && !SHELL.test(lines[0]!)) return { ok: false, reason: "not-shell" };
  if (lines.some((current) => !current.trimStart().startsWith("#") && isPresent(current))) return { ok: true, content: existing, changed: false };
  if (lines[lines.length - 1] === "") lines.pop();
  let insertAt = lines.length;
  while (insertAt > 0 && lines[insertAt - 1]!.trim() === "") insertAt--;
  if (insertAt > 0 && TRAILING_EXIT.test(lines[insertAt - 1]!)) insertAt--;
  lines.splice(insertAt, 0, line);
  return { ok: true, content: `${lines.join("\n")}\n`, changed: true };
}
