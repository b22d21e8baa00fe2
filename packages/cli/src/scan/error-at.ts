import type { ReportError } from "../report.js";
import type { InputLocation } from "./scan-context.js";

/** The `errors` entry for an input that was not (fully) scanned. */
export function errorAt(location: InputLocation, message: string): ReportError {
  return { file: location.file, ...(location.member === undefined ? {} : { member: location.member }), message };
}
