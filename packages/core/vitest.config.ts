import { defineProject, mergeConfig } from "vitest/config";
import base from "../../vitest.config.base.js";

export default mergeConfig(
  base,
  defineProject({
    test: {
      name: "core",
      // The core never prints: any console call in its tests fails them.
      setupFiles: ["../../vitest.fail-on-console.ts"],
    },
  }),
);
