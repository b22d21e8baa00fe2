// End-to-end: the built CLI with --verify against the fake Hawzu API on 127.0.0.1.
import { execFile, execFileSync } from "node:child_process";
import { seededRandom } from "../support/seeded-random.js";
import { isCredentialLike } from "@hawzu-scan/core";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveProjectToken, liveWorkspaceToken, rateLimitedFirst, startFakeHawzuApi, type FakeHawzuApi } from "../fake-hawzu-api/index.js";

// Seeded, so every run draws the same values: nothing here passes or fails by chance.
const random = seededRandom("verify-cli");

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(ROOT, "packages/cli/bin/hawzu-scan.js");

function fakeToken(): string {
  for (;;) {
    const token = random.bytes(30).toString("base64url");
    if (/^[A-Za-z0-9]+$/.test(token) && /\d/.test(token) && isCredentialLike(token, "strict")) return token;
  }
}

const tokens = {
  workspace: fakeToken(),
  project: fakeToken(),
  revoked: fakeToken(),
  rateLimited: fakeToken(),
  slow: fakeToken(),
  unknownToApi: fakeToken(),
};
let api: FakeHawzuApi;
let folder: string;

beforeAll(async () => {
  execFileSync("npx", ["tsc", "-b", "packages/cli"], { cwd: ROOT, stdio: "pipe" });
  api = await startFakeHawzuApi({
    tokens: {
      [tokens.workspace]: liveWorkspaceToken(),
      [tokens.project]: liveProjectToken(),
      [tokens.revoked]: { kind: "revoked" },
      [tokens.rateLimited]: rateLimitedFirst(1, "1", liveProjectToken({ id: "tok_pr_003", name: "Flaky sync" })),
      [tokens.slow]: { kind: "slow", delayMs: 15_000, then: liveProjectToken() },
    },
  });
  folder = mkdtempSync(join(tmpdir(), "hawzu-verify-e2e-"));
  const files: Record<string, string | Buffer> = {
    "app/.env": `HAWZU_ACCESS_TOKEN=${tokens.workspace}\nHAWZU_PROJECT_TOKEN=${tokens.project}\n`,
    "deploy/values.yaml": `env:\n  HAWZU_TOKEN: "${tokens.workspace}"\n`,
    "scripts/old.sh": `export HAWZU_TOKEN=${tokens.revoked}\n`,
    "scripts/sync.sh": `curl -H "Authorization: Bearer ${tokens.rateLimited}" https://api.hawzu.com/api/v1/me\n`,
    "logs/ci.log.1.gz": gzipSync(`+ export HAWZU_TOKEN=${tokens.slow}\n+ hawzu_token=${tokens.unknownToApi}\n`),
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
}, 180_000);

afterAll(async () => {
  await api?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile("node", [BIN, ...args], { cwd: folder, env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function expectNoToken(...texts: string[]) {
  for (const text of texts) for (const token of Object.values(tokens)) expect(text).not.toContain(token);
}

describe("hawzu-scan --verify", () => {
  let run: { code: number; stdout: string; stderr: string };
  let report: { findings: Array<{ file: string; member?: string; fingerprint: string; verification?: { status: string; identity?: { id: string }; checkedAt: string } }> };
  const requestsBefore = () => api.requests.length;
  let requestCount = 0;

  beforeAll(async () => {
    const before = requestsBefore();
    run = await cli(["--verify", "--hawzu-url", api.url, "--format", "json", "--revocation-report", "revoke.md", "."]);
    requestCount = api.requests.length - before;
    report = JSON.parse(run.stdout);
  }, 120_000);

  it("adds a verification to every finding and keeps the exit code", () => {
    expect(run.code).toBe(1);
    expect(report.findings).toHaveLength(7);
    for (const finding of report.findings) {
      expect(finding.verification?.checkedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });

  it("maps each token's API answer to live, inactive or unknown", () => {
    const statusOf = (file: string) => report.findings.filter((finding) => finding.file === file).map((finding) => finding.verification?.status);
    expect(statusOf("app/.env")).toEqual(["live", "live"]);
    expect(statusOf("deploy/values.yaml")).toEqual(["live"]);
    expect(statusOf("scripts/old.sh")).toEqual(["inactive"]);
    expect(statusOf("scripts/sync.sh")).toEqual(["live"]);
    // The slow answer times out (10 s default): unknown, never live.
    expect(statusOf("logs/ci.log.1.gz").sort()).toEqual(["inactive", "unknown"]);
    const workspace = report.findings.find((finding) => finding.file === "deploy/values.yaml");
    expect(workspace?.verification?.identity?.id).toBe("tok_ws_001");
  });

  it("sends each distinct token once (plus the retry a 429 needed)", () => {
    for (const token of [tokens.workspace, tokens.project, tokens.revoked, tokens.slow, tokens.unknownToApi]) {
      expect(api.requestsFor(token)).toHaveLength(1);
    }
    expect(api.requestsFor(tokens.rateLimited)).toHaveLength(2);
    expect(requestCount).toBe(7);
  });

  it("writes a revocation report with each live token once, workspace tokens first", () => {
    const markdown = readFileSync(join(folder, "revoke.md"), "utf8");
    expect(markdown).toContain("tok_ws_001");
    expect(markdown.indexOf("tok_ws_001")).toBeLessThan(markdown.indexOf("tok_pr_002"));
    expect(markdown).toContain("app/.env");
    expect(markdown).toContain("deploy/values.yaml");
    expect(markdown.toLowerCase()).toContain("revoke");
    expect(run.stderr).toContain("asked the Hawzu API about 6 distinct token(s): 3 LIVE, 2 inactive, 1 unknown; revoke the live ones now");
    expect(run.stderr).toContain("wrote the revocation report revoke.md");
  });

  it("never prints or writes a token", () => {
    expectNoToken(run.stdout, run.stderr, readFileSync(join(folder, "revoke.md"), "utf8"));
  });
});

describe("hawzu-scan --verify options", () => {
  it("with --fail-on live, fails only when a live token was found", async () => {
    writeFileSync(join(folder, "only-revoked.env"), `HAWZU_TOKEN=${tokens.revoked}\n`);
    const inactiveOnly = await cli(["--verify", "--hawzu-url", api.url, "--fail-on", "live", "--format", "json", "only-revoked.env"]);
    expect(inactiveOnly.code).toBe(0);
    const withLive = await cli(["--verify", "--hawzu-url", api.url, "--fail-on", "live", "--format", "json", "app/.env"]);
    expect(withLive.code).toBe(1);
  }, 60_000);

  it("takes the base URL from HAWZU_API_URL and writes a JSON revocation report", async () => {
    const result = await cli(["--verify", "--revocation-report", "revoke.json", "--format", "json", "app/.env"], { HAWZU_API_URL: api.url });
    expect(result.code).toBe(1);
    const revocation = JSON.parse(readFileSync(join(folder, "revoke.json"), "utf8"));
    expect(JSON.stringify(revocation)).toContain("tok_ws_001");
    expectNoToken(result.stdout, result.stderr, readFileSync(join(folder, "revoke.json"), "utf8"));
  }, 60_000);

  it("marks live tokens in text output", async () => {
    const result = await cli(["--verify", "--hawzu-url", api.url, "app/.env"]);
    expect(result.stdout).toMatch(/LIVE: the Hawzu API accepts this token/);
    expectNoToken(result.stdout, result.stderr);
  }, 60_000);

  it("refuses a plain-http API URL that is not loopback, and verify-only flags without --verify", async () => {
    const insecure = await cli(["--verify", "--hawzu-url", "http://api.hawzu.com", "app/.env"]);
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toMatch(/only https: is allowed/);
    const noVerify = await cli(["--fail-on", "live", "app/.env"]);
    expect(noVerify.code).toBe(2);
    expect(noVerify.stderr).toMatch(/need --verify/);
  }, 60_000);

  it("sends nothing without --verify", async () => {
    const before = api.requests.length;
    await cli(["--format", "json", "."]);
    expect(api.requests.length).toBe(before);
  }, 60_000);
});
