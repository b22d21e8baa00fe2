// The token comes from the environment; other tuples name no Hawzu package.
export default {
  reporter: [
    ["@hawzu/playwright-reporter", { projectId: "P1", apiToken: process.env.HAWZU_API_TOKEN }],
    ["html", { outputFolder: "playwright-report" }],
  ],
  plugins: [["hawzu-sync", { cacheKey: "build-cache-2026-12-02-main-nightly" }]],
};
