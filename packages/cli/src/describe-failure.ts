/** Set to 1 to see where an unexpected failure happened (its stack frames). */
export const DEBUG_VARIABLE = "HAWZU_SCAN_DEBUG";

/** An unexpected error, described for one line and, when debugging, where it happened. */
export interface FailureDescription {
  /** Its class and system code, e.g. "TypeError" or "Error EIO". */
  label: string;
  /** Its stack frames ("    at ..." lines), only when debugging. */
  frames?: string;
}

/**
 * Describes an unexpected error without its message: the message may quote the text being
 * scanned, so a token. The frames say where it failed, which is what a bug report needs.
 */
export function describeFailure(error: unknown, env: Record<string, string | undefined>): FailureDescription {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const label = error instanceof Error ? `${error.name}${typeof code === "string" ? ` ${code}` : ""}` : typeof error;
  const debugging = env[DEBUG_VARIABLE] !== undefined && env[DEBUG_VARIABLE] !== "" && env[DEBUG_VARIABLE] !== "0";
  if (!debugging || !(error instanceof Error) || !error.stack) return { label };
  return { label, frames: error.stack.split("\n").filter((line) => line.trimStart().startsWith("at ")).join("\n") };
}
