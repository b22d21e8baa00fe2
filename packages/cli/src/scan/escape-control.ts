// Scanned content and file names reach a terminal: an ANSI or OSC sequence in a log could recolour
// it, hide lines or write the clipboard (terminal escape injection), and bidi controls can reorder
// what is shown (Trojan Source, CVE-2021-42574). Tabs stay: they only move the cursor.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\u001b": "\\e", "\n": "\\n", "\r": "\\r" };

/** `text` with every control character shown escaped (`\e[32m`, `\x07`, `\u202e`), safe to print. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (character) => {
    const named = NAMED[character];
    if (named !== undefined) return named;
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
