import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../src/parse-retry-after.js";

const now = Date.parse("2025-06-01T12:00:00Z");

describe("parseRetryAfter", () => {
  it.each([
    ["0", 0],
    ["1", 1_000],
    [" 120 ", 120_000],
    ["Sun, 01 Jun 2025 12:00:30 GMT", 30_000],
    ["Sun, 01 Jun 2025 11:59:00 GMT", 0],
  ])("reads %j as %i ms", (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it.each([undefined, "", "-5", "1.5", "soon", "12 34"])("ignores %j", (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});
