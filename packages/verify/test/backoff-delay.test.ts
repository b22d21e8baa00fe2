import { describe, expect, it } from "vitest";
import { backoffDelay } from "../src/backoff-delay.js";

const options = { baseDelayMs: 100, maxDelayMs: 500 };

describe("backoffDelay", () => {
  it("doubles the ceiling each retry, up to the maximum", () => {
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, options, () => 1))).toEqual([100, 200, 400, 500, 500]);
  });

  it("jitters between 0 and the ceiling", () => {
    expect(backoffDelay(3, options, () => 0)).toBe(0);
    expect(backoffDelay(3, options, () => 0.5)).toBe(200);
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, options)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
