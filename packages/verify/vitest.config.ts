import { defineProject, mergeConfig } from "vitest/config";
import base from "../../vitest.config.base.js";

export default mergeConfig(
  base,
  defineProject({
    test: {
      name: "verify",
      // The verifier never prints (a log line is one more place a token could leak): any console
      // call in its tests fails them.
      setupFiles: ["../../vitest.fail-on-console.ts"],
    },
  }),
);
