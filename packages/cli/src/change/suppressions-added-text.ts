import { messages } from "../messages.js";
import type { AddedSuppression } from "./added-suppression.js";

/** The suppressions a change adds as text lines (text report and the blocked-commit stderr). */
export function suppressionsAddedText(added: readonly AddedSuppression[], failing = false): string {
  const lines = [messages.suppressionsAddedHeading(added.length)];
  for (const suppression of added) {
    const where = `${suppression.file}${suppression.line === undefined ? "" : `:${suppression.line}`}${suppression.commit ? ` @ ${suppression.commit}` : ""}`;
    const hides = suppression.kind === "inline" || suppression.fingerprints.length === 0 ? "" : `; would hide ${suppression.fingerprints.length} finding(s) of this scan`;
    lines.push(`  ${where}  ${suppression.what}  (${suppression.reason === undefined ? "no reason given" : `reason: ${suppression.reason}`})${hides}`);
  }
  if (failing) lines.push(`${messages.usagePrefix}${messages.failOnNewSuppression(added.length)}`);
  return `${lines.join("\n")}\n`;
}
