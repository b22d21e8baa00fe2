// End-to-end: --verify reads each token back from every kind of input the CLI scans (stdin in
// pieces, big streamed files, files on worker threads, zip and tar.gz members, encoded writings),
// and maps each API behaviour of the fake Hawzu API to live, inactive or unknown.
import { execFile, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { isCredentialLike } from "@hawzu-scan/core";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTar, makeZip } from "../../packages/cli/test/helpers/archives.js";
import { intermittentServerError, liveProjectToken, liveWorkspaceToken, startFakeHawzuApi, type FakeHawzuApi } from "../fake-hawzu-api/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(ROOT, "packages/cli/bin/hawzu-scan.js");
const MB = 1024 * 1024;

function fakeToken(): string {
  for (;;) {
    const token = randomBytes(30).toString("base64url");
    if (/^[A-Za-z0-9]+$/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token) && /\d/.test(token) && isCredentialLike(token, "strict")) return token;
  }
}

const tokens = {
  stdin: fakeToken(),
  bigBoundary: fakeToken(),
  // Holds a "/" that the JSON log writes as "\\/": the token sent must be the decoded one.
  bigJsonEscaped: `${fakeToken().slice(0, 20)}/${fakeToken().slice(0, 20)}`,
  workerBasicAuth: fakeToken(),
  zipExpired: fakeToken(),
  tarDisabled: fakeToken(),
  html403: fakeToken(),
  redirect: fakeToken(),
  nonJson: fakeToken(),
  flaky500: fakeToken(),
};
let api: FakeHawzuApi;
let elsewhere: FakeHawzuApi;
let folder: string;

/** Log lines without any Hawzu keyword, `bytes` long in total. */
function filler(bytes: number): string {
  const line = "2026-11-29T04:00:00.000Z INFO GET /api/health 200 3ms request_id=abc\n";
  return line.repeat(Math.floor(bytes / line.length)) + "x".repeat(bytes % line.length);
}

beforeAll(async () => {
  execFileSync("npx", ["tsc", "-b", "packages/cli"], { cwd: ROOT, stdio: "pipe" });
  // The redirect points to a second server: it must receive nothing (the token stays put).
  elsewhere = await startFakeHawzuApi({ tokens: { [tokens.redirect]: liveWorkspaceToken() } });
  api = await startFakeHawzuApi({
    tokens: {
      [tokens.stdin]: liveProjectToken({ id: "tok_stdin", name: "Piped" }),
      [tokens.bigBoundary]: liveWorkspaceToken({ id: "tok_big_boundary" }),
      [tokens.bigJsonEscaped]: liveProjectToken({ id: "tok_json_escaped" }),
      [tokens.workerBasicAuth]: liveProjectToken({ id: "tok_worker" }),
      [tokens.zipExpired]: { kind: "expired" },
      [tokens.tarDisabled]: { kind: "disabled" },
      [tokens.html403]: { kind: "html-403" },
      [tokens.redirect]: { kind: "redirect", location: `${elsewhere.url}/api/v1/me` },
      [tokens.nonJson]: { kind: "non-json-200" },
      [tokens.flaky500]: intermittentServerError(2, liveProjectToken({ id: "tok_flaky" })),
    },
  });
  folder = mkdtempSync(join(tmpdir(), "hawzu-verify-sources-"));
  // The token line starts just before the first 8 MB read ends: it is read across two blocks.
  const boundaryLine = `export HAWZU_ACCESS_TOKEN=${tokens.bigBoundary}\n`;
  const big =
    filler(8 * MB - 20) +
    boundaryLine +
    filler(2 * MB) +
    `{"level":"info","msg":"config","hawzu_token":"${tokens.bigJsonEscaped.replace("/", "\\/")}"}\n` +
    filler(MB);
  const basic = Buffer.from(`ci-bot:${tokens.workerBasicAuth}`).toString("base64");
  const files: Record<string, string | Buffer> = {
    // Together over 16 MB: scanned on worker threads with --jobs 2.
    "logs/big.log": big,
    "logs/other.log": filler(6 * MB) + `curl -H "Authorization: Basic ${basic}" https://api.hawzu.com/api/v1/me\n` + filler(MB),
    "bundles/config.zip": makeZip({ "conf/.env": `HAWZU_TOKEN=${tokens.zipExpired}\n` }),
    "bundles/old.tar.gz": gzipSync(await makeTar({ "etc/hawzu.env": `HAWZU_TOKEN=${tokens.tarDisabled}\n` })),
    "scripts/proxy.sh": `export HAWZU_TOKEN=${tokens.html403}\n`,
    "scripts/redirect.sh": `export HAWZU_TOKEN=${tokens.redirect}\n`,
    "scripts/non-json.sh": `export HAWZU_TOKEN=${tokens.nonJson}\n`,
    "scripts/flaky.sh": `export HAWZU_TOKEN=${tokens.flaky500}\n`,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
}, 180_000);

afterAll(async () => {
  await api?.close();
  await elsewhere?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

type Run = { code: number; stdout: string; stderr: string };

function cli(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile("node", [BIN, ...args], { cwd: folder, env: { ...process.env }, timeout: 120_000, maxBuffer: 64 * MB }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function expectNoToken(...texts: string[]) {
  const written = [...Object.values(tokens), tokens.bigJsonEscaped.replace("/", "\\/"), Buffer.from(`ci-bot:${tokens.workerBasicAuth}`).toString("base64")];
  for (const text of texts) for (const token of written) expect(text).not.toContain(token);
}

type JsonFinding = {
  file: string;
  member?: string;
  line: number;
  encoding?: string;
  verification?: { status: string; checkedAt: string; identity?: { id: string }; reason?: string };
};

describe("hawzu-scan --verify on every kind of input", () => {
  let run: Run;
  let findings: JsonFinding[];
  const statusOf = (file: string, member?: string) =>
    findings.filter((finding) => finding.file === file && finding.member === member).map((finding) => finding.verification?.status);

  beforeAll(async () => {
    run = await cli(["--verify", "--hawzu-url", api.url, "--jobs", "2", "--format", "json", "--revocation-report", "revoke.json", "logs", "bundles", "scripts"]);
    findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  }, 120_000);

  it("reads the token back from big streamed files and files scanned on worker threads", () => {
    expect(run.code).toBe(1);
    const big = findings.filter((finding) => finding.file === "logs/big.log");
    expect(big.map((finding) => finding.verification?.identity?.id)).toEqual(["tok_big_boundary", "tok_json_escaped"]);
    const other = findings.find((finding) => finding.file === "logs/other.log");
    expect(other?.verification?.identity?.id).toBe("tok_worker");
  });

  it("reads the token back from zip and tar.gz members", () => {
    expect(statusOf("bundles/config.zip", "conf/.env")).toEqual(["inactive"]);
    expect(statusOf("bundles/old.tar.gz", "etc/hawzu.env")).toEqual(["inactive"]);
  });

  it("reports proxy pages, redirects and non-JSON answers as unknown, and retries 5xx", () => {
    const reasonOf = (file: string) => findings.find((finding) => finding.file === file)?.verification;
    expect(reasonOf("scripts/proxy.sh")).toMatchObject({ status: "unknown", reason: "not-json" });
    expect(reasonOf("scripts/redirect.sh")).toMatchObject({ status: "unknown", reason: "redirect" });
    expect(reasonOf("scripts/non-json.sh")).toMatchObject({ status: "unknown", reason: "not-json" });
    expect(reasonOf("scripts/flaky.sh")).toMatchObject({ status: "live", identity: { id: "tok_flaky" } });
    expect(api.requestsFor(tokens.flaky500)).toHaveLength(3);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("sends each token once, and no token anywhere in the output", () => {
    for (const [name, token] of Object.entries(tokens).filter(([name]) => name !== "stdin" && name !== "flaky500")) {
      expect(api.requestsFor(token), name).toHaveLength(1);
    }
    expectNoToken(run.stdout, run.stderr, readFileSync(join(folder, "revoke.json"), "utf8"));
  });

  it("writes the JSON revocation report: live tokens, then inactive and unknown apart", () => {
    const report = JSON.parse(readFileSync(join(folder, "revoke.json"), "utf8")) as {
      summary: Record<string, number>;
      live: Array<{ identity: { id: string }; locations: Array<{ file: string; member?: string }> }>;
      inactive: Array<{ locations: Array<{ file: string; member?: string }> }>;
      unknown: Array<{ reason: string; hint: string }>;
    };
    expect(report.summary).toEqual({ live: 4, inactive: 2, unknown: 3 });
    expect(report.live[0]?.identity.id).toBe("tok_big_boundary");
    expect(report.inactive.flatMap((token) => token.locations.map((location) => location.member ?? location.file)).sort()).toEqual([
      "conf/.env",
      "etc/hawzu.env",
    ]);
    expect(report.unknown.map((token) => token.reason).sort()).toEqual(["not-json", "not-json", "redirect"]);
    for (const token of report.unknown) expect(token.hint.length).toBeGreaterThan(0);
  });
});

describe("hawzu-scan --verify on standard input", () => {
  it("verifies a token whose line arrived in two pieces", async () => {
    const child = spawn(process.execPath, [BIN, "--verify", "--hawzu-url", api.url, "--format", "json", "-"], { cwd: folder });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => (stdout += data));
    child.stderr.on("data", (data: Buffer) => (stderr += data));
    const exited = new Promise<number>((done) => child.on("close", (code) => done(code ?? -1)));
    child.stdin.write(`pod starting\nHAWZU_ACCESS_TOKEN=${tokens.stdin.slice(0, 15)}`);
    await new Promise((wait) => setTimeout(wait, 300));
    child.stdin.end(`${tokens.stdin.slice(15)}\npod stopped\n`);
    const code = await exited;
    expect(code).toBe(1);
    const [finding] = (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
    expect(finding).toMatchObject({ file: "<stdin>", line: 2, verification: { status: "live", identity: { id: "tok_stdin" } } });
    expect(api.requestsFor(tokens.stdin)).toHaveLength(1);
    expectNoToken(stdout, stderr);
  }, 60_000);
});

describe("hawzu-scan --verify in SARIF and GitHub formats", () => {
  it("names the status of each finding", async () => {
    const sarif = await cli(["--verify", "--hawzu-url", api.url, "--format", "sarif", "scripts/redirect.sh", "bundles/config.zip"]);
    const results = (JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ message: { text: string }; properties?: { verification?: string } }> }> }).runs[0]!.results;
    expect(results.map((result) => result.properties?.verification).sort()).toEqual(["inactive", "unknown"]);
    expect(results.some((result) => /unknown: no verdict from the Hawzu API/.test(result.message.text))).toBe(true);
    const github = await cli(["--verify", "--hawzu-url", api.url, "--format", "github", "bundles/config.zip"]);
    expect(github.stdout).toMatch(/^::error .*inactive: the Hawzu API refuses this token/m);
    expectNoToken(sarif.stdout, sarif.stderr, github.stdout, github.stderr);
  }, 60_000);
});
