import { defineProject, mergeConfig } from "vitest/config";
import base from "../vitest.config.base.js";

export default mergeConfig(
  base,
  defineProject({
    test: {
      name: "e2e",
      include: ["**/*.test.ts"],
      exclude: ["node_modules/**", "fixtures/**"],
      testTimeout: 120_000,
    },
  }),
);
