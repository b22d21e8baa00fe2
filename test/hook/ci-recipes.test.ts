// Runs the `hawzu-scan --since` commands of docs/ci-recipes.md, as written, and the shell steps of the
// repository's GitHub Action (action.yml), on a fixture repository.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fingerprint } from "@hawzu-scan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CLI_BIN, cleanEnvironment, createRepository, fakeToken, type Repository } from "./fixture.js";

const RECIPES = resolve(dirname(fileURLToPath(import.meta.url)), "../../docs/ci-recipes.md");
const ACTION = resolve(dirname(fileURLToPath(import.meta.url)), "../../action.yml");
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
  describe("the GitHub Action (action.yml), its shell steps run as a runner would", () => {
    interface Step {
      id?: string;
      name: string;
      if?: string;
      shell?: string;
      run?: string;
      uses?: string;
      env?: Record<string, string>;
      with?: Record<string, string>;
    }
    interface Action {
      inputs: Record<string, { description: string; default?: string }>;
      outputs: Record<string, { value: string }>;
      runs: { using: string; steps: Step[] };
    }
    const action = parse(readFileSync(ACTION, "utf8")) as Action;

    /** Runs every step as a composite action would, with `inputs` over the defaults and `event` values. */
    function runAction(inputOverrides: Record<string, string>, event: { baseSha: string }) {
      const runnerTemp = mkdtempSync(join(tmpdir(), "hawzu-runner-"));
      const outputs: Record<string, Record<string, string>> = {};
      // Only the expressions the action uses are modelled: an unknown one fails the test, not the runner.
      const evaluate = (text: string) =>
        String(text).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
          let match: RegExpMatchArray | null;
          if (expression === "github.event.pull_request.base.sha") return event.baseSha;
          if (expression === "runner.temp") return runnerTemp;
          if ((match = expression.match(/^inputs\.([\w-]+)$/))) return inputOverrides[match[1]!] ?? evaluate(action.inputs[match[1]!]?.default ?? "");
          if ((match = expression.match(/^steps\.([\w-]+)\.outputs\.([\w-]+)$/))) return outputs[match[1]!]?.[match[2]!] ?? "";
          throw new Error(`action.yml uses an expression this test does not model: ${expression}`);
        });
      const ran: Array<{ step: Step; status: number | null; stdout: string; stderr: string }> = [];
      const uploads: Array<Record<string, string>> = [];
      try {
        for (const step of action.runs.steps) {
          if (step.uses) {
            // Not run here: its condition is evaluated, and what it would be given is recorded.
            expect(step.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
            expect(step.if).toBe("${{ always() && inputs.upload-sarif == 'true' && steps.scan.outputs.sarif-file != '' }}");
            const runs = evaluate("${{ inputs.upload-sarif }}") === "true" && evaluate("${{ steps.scan.outputs.sarif-file }}") !== "";
            if (runs) uploads.push(Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, evaluate(value)])));
            continue;
          }
          expect(step.shell, step.name).toBe("bash");
          const outputFile = join(runnerTemp, `output-${ran.length}`);
          writeFileSync(outputFile, "");
          const env = cleanEnvironment({
            ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, evaluate(value)])),
            GITHUB_OUTPUT: outputFile,
            RUNNER_TEMP: runnerTemp,
            npm_config_offline: "true",
          });
          const result = spawnSync("bash", ["-e", "-c", step.run!], { cwd: repository.root, encoding: "utf8", env });
          ran.push({ step, status: result.status, stdout: result.stdout, stderr: result.stderr });
          if (step.id) outputs[step.id] = Object.fromEntries(readFileSync(outputFile, "utf8").split("\n").filter(Boolean).map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
          if (result.status !== 0) break;
        }
        const sarifFile = outputs.scan?.["sarif-file"];
        const sarif = sarifFile && existsSync(join(repository.root, sarifFile)) ? (JSON.parse(readFileSync(join(repository.root, sarifFile), "utf8")) as Sarif) : undefined;
        return { ran, outputs, uploads, sarif, last: ran[ran.length - 1]! };
      } finally {
        rmSync(runnerTemp, { recursive: true, force: true });
      }
    }

    it("is a composite action whose inputs are all documented in docs/ci-recipes.md", () => {
      expect(action.runs.using).toBe("composite");
      const recipes = readFileSync(RECIPES, "utf8");
      for (const name of Object.keys(action.inputs)) expect(recipes, `input ${name}`).toContain(`\`${name}\``);
      expect(recipes).toContain("uses: hawzu-scan/hawzu-scan@");
    });

    it("on a pull request: scans what its commits added, annotates it, writes SARIF, fails the job", () => {
      const { ran, outputs, uploads, sarif, last } = runAction({}, { baseSha: base });
      expect(ran.map((step) => step.status)).toEqual([0, 0, 1]);
      expect(outputs.install!.bin).toBe(join(repository.root, "node_modules", ".bin", "hawzu-scan")); // the project's own install
      expect(outputs.scan!["exit-code"]).toBe("1");
      const scan = ran.find((step) => step.step.id === "scan")!;
      expect(scan.stdout).toMatch(/^::(error|warning) file=src\/client config\.yml,line=3,/m);
      expect(scan.stdout).not.toContain("old.env");
      const results = sarif!.runs[0]!.results;
      expect(results).toHaveLength(1);
      expect(results[0]!.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: "src/client%20config.yml" }, region: { startLine: 3 } });
      expect(uploads).toEqual([{ sarif_file: "./hawzu-scan.sarif", category: "hawzu-scan" }]);
      expect(existsSync(join(repository.root, uploads[0]!.sarif_file!))).toBe(true);
      const everything = ran.map((step) => step.stdout + step.stderr).join("") + JSON.stringify(sarif);
      expect(everything.includes(added), "the token was printed").toBe(false);
      expect(last.step.name).toMatch(/^Fail/);
      rmSync(join(repository.root, "hawzu-scan.sarif"));
    });

    it("outside a pull request (no base): scans the checkout; a bad base fails with exit 2, never clean", () => {
      const whole = runAction({}, { baseSha: "" });
      expect(whole.ran.map((step) => step.status)).toEqual([0, 0, 1]);
      expect(whole.sarif!.runs[0]!.results).toHaveLength(1);
      rmSync(join(repository.root, "hawzu-scan.sarif"));

      const broken = runAction({ base: "no-such-revision" }, { baseSha: "" });
      expect(broken.outputs.scan!["exit-code"]).toBe("2");
      expect(broken.last.status).toBe(2);
      expect(broken.uploads).toEqual([]);
      expect(broken.outputs.scan!["sarif-file"]).toBeUndefined();
    });
  });
});
