import { describe, expect, it } from "vitest";
import { addLintStagedTask } from "../../src/git/add-lint-staged-task.js";

describe("addLintStagedTask", () => {
  it("adds a new pattern", () => {
    expect(addLintStagedTask({ "*.ts": "eslint --fix" }, "*", "hawzu-scan --staged")).toEqual({
      changed: true,
      config: { "*.ts": "eslint --fix", "*": "hawzu-scan --staged" },
    });
  });
  it("keeps the commands already on the same pattern", () => {
    expect(addLintStagedTask({ "*": "prettier --write" }, "*", "hawzu-scan --staged").config).toEqual({ "*": ["prettier --write", "hawzu-scan --staged"] });
    expect(addLintStagedTask({ "*": ["a", "b"] }, "*", "hawzu-scan --staged").config).toEqual({ "*": ["a", "b", "hawzu-scan --staged"] });
  });
  it("changes nothing when any entry already runs hawzu-scan", () => {
    const config = { "*.{js,ts}": ["eslint", "hawzu-scan --staged"] };
    expect(addLintStagedTask(config, "*", "hawzu-scan --staged")).toEqual({ changed: false, config });
  });
});
