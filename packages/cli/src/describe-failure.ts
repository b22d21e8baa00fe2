/** Set to 1 to see where an unexpected failure happened (its stack frames). */
export const DEBUG_VARIABLE = "HAWZU_SCAN_DEBUG";

/**
 * An unexpected error as a short label (its class and system code), plus its stack frames when
 * debugging. The error's message is left out: it may quote the text being scanned, so a token.
 */
export function describeFailure(error: unknown, debug: boolean): string {
  const label = error instanceof Error ? `${error.name}${(error as NodeJS.ErrnoException).code ? ` ${(error as NodeJS.ErrnoException).code}` : ""}` : typeof error;
  if (!debug || !(error instanceof Error) || !error.stack) return label;
  const frames = error.stack.split("\n").filter((line) => line.trimStart().startsWith("at "));
  return [label, ...frames].join("\n");
}

/** Whether the user asked for failure details. */
export function isDebugging(env: Record<string, string | undefined>): boolean {
  const value = env[DEBUG_VARIABLE];
  return value !== undefined && value !== "" && value !== "0";
}
