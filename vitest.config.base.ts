import { defineConfig } from "vitest/config";

/** Shared by every package's vitest.config.ts. */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
  },
});
