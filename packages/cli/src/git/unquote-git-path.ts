const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/**
 * Reads a path as git prints it in diff headers: as is, or C-quoted (`"tab\there"`, octal bytes)
 * when it holds a control character, a quote or a backslash, even with core.quotepath=false.
 * See git's quote.c (quote_c_style).
 */
export function unquoteGitPath(written: string): string {
  if (!written.startsWith('"') || !written.endsWith('"') || written.length < 2) return written;
  const inner = Buffer.from(written.slice(1, -1), "utf8");
  const bytes: number[] = [];
  for (let index = 0; index < inner.length; index++) {
    const byte = inner[index]!;
    if (byte !== 0x5c) {
      bytes.push(byte);
      continue;
    }
    const next = String.fromCharCode(inner[index + 1] ?? 0);
    if (next >= "0" && next <= "7") {
      bytes.push(parseInt(inner.subarray(index + 1, index + 4).toString("latin1"), 8));
      index += 3;
    } else {
      bytes.push(SIMPLE_ESCAPES[next] ?? inner[index + 1]!);
      index += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
