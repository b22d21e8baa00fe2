import { describe, expect, it } from "vitest";
import { createLimiter } from "../src/create-limiter.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("createLimiter", () => {
  it("never runs more than the limit, even when newcomers arrive as slots free up", async () => {
    const limiter = createLimiter(3);
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
    };
    const first = Array.from({ length: 10 }, () => limiter.run(task));
    await tick();
    const later = Array.from({ length: 10 }, () => limiter.run(task));
    await Promise.all([...first, ...later]);
    expect(most).toBe(3);
    expect(limiter.peak).toBe(3);
    expect(limiter.active).toBe(0);
  });

  it("frees the slot of a failed task", async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limiter.run(() => Promise.resolve(7))).toBe(7);
  });
});
