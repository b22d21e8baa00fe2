import { describe, expect, it } from "vitest";
import { createTokenScanner, findTokens } from "../src/index.js";

// Only linear-time patterns: a 10 MB hostile line must finish (vitest's timeout is the bound).
// Speed itself is measured by bench/, not here. The bound is 15 minutes, not 1: on a busy 2-core
// CI machine a linear case took 3 minutes, while a quadratic one on 10 MB would take hours.
const TEN_MB = 10 * 1024 * 1024;
const hostile: Record<string, string> = {
  "hawzu repeated": "hawzu".repeat(TEN_MB / 5),
  "key and operator repeated": "HAWZU_TOKEN=".repeat(TEN_MB / 12),
  "one long token-alphabet run after a key": "HAWZU_TOKEN=" + "aB3-".repeat(TEN_MB / 4),
  "section header that never closes": "[hawzu" + "x".repeat(TEN_MB),
  "bearer repeated near a Hawzu host": "https://api.hawzu.com " + "Bearer ".repeat(TEN_MB / 7),
  "nested braces under a Hawzu key": '{"hawzu": ' + "{".repeat(TEN_MB),
  "dotted host-like run": "hawzu " + "a.".repeat(TEN_MB / 2),
  "name fields": "name: HAWZU_TOKEN ".repeat(TEN_MB / 18),
  "url with a huge query": "https://api.hawzu.com/?" + "token=a&".repeat(TEN_MB / 8),
  // Issue 13's hostile lines (bench/throughput.js times them).
  "token= repeated": "token=".repeat(TEN_MB / 6),
  "Bearer repeated": "Bearer ".repeat(TEN_MB / 7),
  "a Hawzu host repeated": "api.hawzu.com ".repeat(TEN_MB / 14),
  "a 1 MB base64 run after hawzu_token=, repeated": ("hawzu_token=" + "aB3+/9xZ".repeat(1024 * 128) + " ").repeat(10),
};

describe("hostile input", () => {
  it.each(Object.entries(hostile))("handles %s (10 MB, one line)", (_, text) => {
    expect(() => findTokens(text)).not.toThrow();
    const scanner = createTokenScanner();
    for (let offset = 0; offset < text.length; offset += 1 << 20) scanner.write(text.slice(offset, offset + (1 << 20)));
    expect(() => scanner.end()).not.toThrow();
  }, 900_000);
});
