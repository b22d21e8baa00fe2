// Runs the `hawzu-scan --since` commands of docs/ci-recipes.md, as written, on a fixture repository.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fingerprint } from "@hawzu-scan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_BIN, cleanEnvironment, createRepository, fakeToken, type Repository } from "./fixture.js";

const RECIPES = resolve(dirname(fileURLToPath(import.meta.url)), "../../docs/ci-recipes.md");
const commands = readFileSync(RECIPES, "utf8")
  .split("\n")
  .map((line) => line.trim().replace(/^run: /, ""))
  .filter((line) => /^npx --no -- hawzu-scan --since /.test(line));

interface Sarif {
  runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>; partialFingerprints?: Record<string, string> }> }>;
}

describe("the CI recipes, run locally", () => {
  let repository: Repository;
  let base = "";
  const added = fakeToken();
  const removed = fakeToken();
  beforeAll(() => {
    repository = createRepository();
    repository.write("old.env", `HAWZU_TOKEN=${removed}\n`);
    base = repository.commitAll("base branch");
    repository.git("update-ref", "refs/remotes/origin/main", base); // what actions/checkout fetches
    repository.git("checkout", "-q", "-b", "feature");
    repository.write("src/client config.yml", `hawzu:\n  url: https://api.hawzu.com\n  token: ${added}\n`);
    repository.commitAll("adds a token");
    repository.write("old.env", "HAWZU_TOKEN=${HAWZU_TOKEN}\n");
    repository.commitAll("removes the old one");
    // `npx --no -- hawzu-scan` resolves the project's own install, as after `npm ci`.
    mkdirSync(join(repository.root, "node_modules", ".bin"), { recursive: true });
    writeFileSync(join(repository.root, "node_modules", ".bin", "hawzu-scan"), `#!/bin/sh\nexec "${process.execPath}" "${CLI_BIN}" "$@"\n`, { mode: 0o755 });
    writeFileSync(join(repository.root, ".gitignore"), "node_modules/\n*.sarif\n");
  });
  afterAll(() => repository.remove());

  it("the recipes hold a GitHub and a GitLab --since command", () => {
    expect(commands).toHaveLength(2);
  });

  // Each recipe's variables, as GitHub and GitLab set them for a pull/merge request.
  const recipeVariables: Array<() => Record<string, string>> = [() => ({ BASE_REF: "main" }), () => ({ CI_MERGE_REQUEST_DIFF_BASE_SHA: base })];
  for (const [index, variables] of recipeVariables.entries()) {
    it(`recipe ${index + 1}: exit 1 and a SARIF file naming the added token, not the removed one`, () => {
      const env = cleanEnvironment({ ...variables(), npm_config_offline: "true", npm_config_update_notifier: "false" });
      const result = spawnSync("sh", ["-c", commands[index]!], { cwd: repository.root, encoding: "utf8", env });

      expect(result.status, result.stderr).toBe(1);
      const sarif = JSON.parse(readFileSync(join(repository.root, "hawzu-scan.sarif"), "utf8")) as Sarif;
      const results = sarif.runs[0]!.results;
      expect(results).toHaveLength(1);
      expect(results[0]!.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: "src/client%20config.yml" }, region: { startLine: 3 } });
      const text = JSON.stringify(sarif);
      expect(text).not.toContain(added);
      expect(text).not.toContain(fingerprint(removed).slice(7, 30));
    });
  }
});
