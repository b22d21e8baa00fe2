// Test runners take reporters as [name, options] tuples; formatters break them over lines.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  reporter: [
    ["list"],
    [
      "@hawzu/playwright-reporter",
      {
        projectId: "P1",
        runName: "nightly",
        apiToken: "HIXeUfTQ6Nm7Z61FJm2gqtYaB4OB5xa6Cm9REU",
      },
    ],
  ],
});

export const jest = { reporters: ["default", ["jest-hawzu-reporter", { token: "zRpw1aDrvGpFwr2vzd0aPrIOG83LhGsiCgK61u" }]] };
