import { defineConfig } from "vitest/config";

/** Shared by every package's vitest.config.ts. */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Timeouts only catch hangs: CI runners share their cores (our own check runs beside two busy
    // loops), so they are generous, and no test asserts on how long anything took.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
