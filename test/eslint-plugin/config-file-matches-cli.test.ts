// Issue 11: the rule reads the same hawzu-scan.config.json as the CLI, so on a project with a config
// both report the same tokens at the same places with the same fingerprints.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import hawzu from "@hawzu-scan/eslint-plugin";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeTokens } from "../../packages/eslint-plugin/test/fake-token.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CLI_BIN = join(ROOT, "packages/cli/bin/hawzu-scan.js");
const fakeToken = createFakeTokens(0xc11e);
const [PREFIXED, EXTRA, NAMED] = [fakeToken(), fakeToken(), fakeToken()];

const CONFIG = { knownPrefixes: ["tstp_"], extraKeyNames: ["svcCredential"] };
const FILES: Record<string, string> = {
  "src/prefixed.js": `export const value = "tstp_${PREFIXED}";\n`,
  "src/extra-name.js": `export const svcCredential = "${EXTRA}";\n`,
  "src/named.js": `export const HAWZU_TOKEN = "${NAMED}";\n`,
  "src/clean.js": "export const answer = 42;\n",
};

interface Span {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fingerprint: string;
}
const sorted = (spans: Span[]) => spans.map((span) => JSON.stringify(span)).sort();
const FINGERPRINT_IN_MESSAGE = /(sha256:[0-9a-f]{12})/;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hawzu-config-e2e-"));
  for (const [file, code] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), code);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function eslintSpans(): Promise<Span[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [hawzu.configs.recommended] });
  const results = await eslint.lintFiles(["src"]);
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: relative(dir, result.filePath).split("\\").join("/"),
      line: message.line,
      column: message.column,
      endLine: message.endLine!,
      endColumn: message.endColumn!,
      fingerprint: FINGERPRINT_IN_MESSAGE.exec(message.message)?.[1] ?? `no fingerprint: ${message.message}`,
    })),
  );
}

function cliSpans(): Span[] {
  const run = spawnSync(process.execPath, [CLI_BIN, "--format", "json", "src"], { cwd: dir, encoding: "utf8" });
  const report = JSON.parse(run.stdout) as { findings: Array<Omit<Span, "fingerprint"> & { fingerprint: string }> };
  for (const token of [PREFIXED, EXTRA, NAMED]) expect(run.stdout + run.stderr).not.toContain(token.slice(4));
  return report.findings.map((finding) => ({
    file: relative(dir, resolve(dir, finding.file)).split("\\").join("/"),
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    fingerprint: finding.fingerprint.slice(0, "sha256:".length + 12),
  }));
}

describe("ESLint and the CLI on a project with hawzu-scan.config.json", () => {
  it("report the same tokens, spans and fingerprints, with and without the config", async () => {
    // Without the config only the Hawzu-named value is a finding, for both.
    const withoutConfig = await eslintSpans();
    expect(withoutConfig.map((span) => span.file)).toEqual(["src/named.js"]);
    expect(sorted(cliSpans())).toEqual(sorted(withoutConfig));

    writeFileSync(join(dir, "hawzu-scan.config.json"), JSON.stringify(CONFIG));
    const withConfig = await eslintSpans();
    expect(withConfig.map((span) => span.file).sort()).toEqual(["src/extra-name.js", "src/named.js", "src/prefixed.js"]);
    expect(sorted(cliSpans())).toEqual(sorted(withConfig));
  });
});
