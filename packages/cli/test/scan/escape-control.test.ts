import { describe, expect, it } from "vitest";
import { escapeControl } from "../../src/scan/escape-control.js";

describe("escapeControl", () => {
  it("shows escape sequences, bells, bidi overrides and C1 controls as text", () => {
    expect(escapeControl("\u001b[32mok\u001b[0m\u0007")).toBe("\\e[32mok\\e[0m\\x07");
    expect(escapeControl("\u001b]52;c;ZXZpbA==\u0007")).toBe("\\e]52;c;ZXZpbA==\\x07");
    expect(escapeControl("a\u202eb\u2066c")).toBe("a\\u202eb\\u2066c");
    expect(escapeControl("\u009b31m\u0000\u007f")).toBe("\\x9b31m\\x00\\x7f");
    expect(escapeControl("line\r\nnext")).toBe("line\\r\\nnext");
  });

  it("leaves printable text, tabs and non-ASCII letters as they are", () => {
    const text = "\tcafé: naïve Ünïcode ✓ 日本語 key=value";
    expect(escapeControl(text)).toBe(text);
  });
});
