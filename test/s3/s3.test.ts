// End-to-end: the built CLI reads s3:// prefixes from an S3-protocol server on 127.0.0.1, configured
// only through the standard AWS variables.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { makeTar, makeZip } from "../../packages/cli/test/helpers/archives.js";
import { seededTokens } from "../../packages/cli/test/helpers/seeded-tokens.js";
import { startFakeS3, type FakeS3, type FakeS3Options } from "../fake-s3/start-fake-s3.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(ROOT, "packages/cli/bin/hawzu-scan.js");
const ACCESS_KEY_ID = "AKIAHAWZUSCANTEST01";

// Seeded, so a failure replays with the same tokens.
const fakeToken = seededTokens(0x53_33);
const leakLine = (token: string) => `2026-11-30T10:00:00Z INFO export HAWZU_ACCESS_TOKEN=${token}\n`;
const quietLog = (lines: number) => Array.from({ length: lines }, (_, index) => `2026-11-30T10:00:${String(index % 60).padStart(2, "0")}Z INFO request ${index} ok\n`).join("");

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

let store: FakeS3 | undefined;
const folders: string[] = [];
afterEach(async () => {
  await store?.close();
  store = undefined;
});
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

beforeAll(async () => {
  const { execFileSync } = await import("node:child_process");
  execFileSync("npx", ["tsc", "-b", "packages/cli"], { cwd: ROOT, stdio: "pipe" });
}, 180_000);

async function start(options: FakeS3Options): Promise<FakeS3> {
  store = await startFakeS3({ accessKeyId: ACCESS_KEY_ID, ...options });
  return store;
}

/** The standard AWS variables, nothing of ours; HOME points at an empty folder so no real profile is read. */
function awsEnvironment(s3: FakeS3, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), "hawzu-s3-home-"));
  folders.push(home);
  return {
    PATH: process.env.PATH ?? "",
    HOME: home,
    AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: "fake-secret-for-a-local-test-server",
    AWS_REGION: "eu-west-1",
    AWS_ENDPOINT_URL_S3: s3.url,
    AWS_EC2_METADATA_DISABLED: "true",
    ...extra,
  };
}

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end();
  });
}

function expectNoToken(result: Result, tokens: readonly string[]): void {
  for (const token of tokens) {
    expect(result.stdout).not.toContain(token);
    expect(result.stderr).not.toContain(token);
    expect(result.stdout).not.toContain(token.slice(8, 24));
  }
}

describe("hawzu-scan s3://bucket/prefix (built CLI, S3-protocol server on 127.0.0.1)", () => {
  it("lists past one page and finds tokens in plain, .gz, .tar.gz and .zip objects, naming s3://bucket/key", async () => {
    const tokens = [fakeToken(), fakeToken(), fakeToken(), fakeToken()];
    const objects: Record<string, Buffer | string> = {};
    for (let index = 0; index < 23; index++) objects[`logs/2026/11/30/app-${String(index).padStart(2, "0")}.log`] = quietLog(20);
    objects["logs/2026/11/30/app-07.log"] = quietLog(5) + leakLine(tokens[0]!) + quietLog(5);
    objects["logs/2026/11/30/worker.log.gz"] = gzipSync(quietLog(50) + leakLine(tokens[1]!));
    objects["logs/2026/11/30/batch.tar.gz"] = gzipSync(await makeTar({ "batch/run.log": quietLog(3) + leakLine(tokens[2]!) }));
    objects["logs/2026/11/30/ci.zip"] = makeZip({ "job/output.txt": leakLine(tokens[3]!) });
    objects["other/not-listed.log"] = leakLine(fakeToken());
    const s3 = await start({ buckets: { "acme-logs": objects }, pageSize: 10 });

    const result = await cli(["-f", "json", "s3://acme-logs/logs/"], awsEnvironment(s3));

    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.errors).toEqual([]);
    expect(report.stats.files).toBe(26);
    expect(report.findings.map((finding: { file: string; member?: string; line: number }) => [finding.file, finding.member ?? null, finding.line]).sort()).toEqual(
      [
        ["s3://acme-logs/logs/2026/11/30/app-07.log", null, 6],
        ["s3://acme-logs/logs/2026/11/30/batch.tar.gz", "batch/run.log", 4],
        ["s3://acme-logs/logs/2026/11/30/ci.zip", "job/output.txt", 1],
        ["s3://acme-logs/logs/2026/11/30/worker.log.gz", null, 51],
      ].sort(),
    );
    // 26 objects over pages of 10: three list requests, each signed with the key from the environment.
    const lists = s3.requests.filter((request) => request.url.includes("list-type=2"));
    expect(lists).toHaveLength(3);
    expect(new Set(s3.requests.map((request) => request.accessKeyId))).toEqual(new Set([ACCESS_KEY_ID]));
    expectNoToken(result, tokens);
  });

  it("takes credentials from a shared credentials profile (AWS_PROFILE) and the endpoint from AWS_ENDPOINT_URL", async () => {
    const token = fakeToken();
    const s3 = await start({ buckets: { ci: { "artifacts/job-1/build.log": leakLine(token) } } });
    const home = mkdtempSync(join(tmpdir(), "hawzu-s3-profile-"));
    folders.push(home);
    const credentials = join(home, "credentials");
    writeFileSync(credentials, `[scanner]\naws_access_key_id = ${ACCESS_KEY_ID}\naws_secret_access_key = fake-profile-secret\n`);
    const env = awsEnvironment(s3, { AWS_PROFILE: "scanner", AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_ENDPOINT_URL: s3.url });
    delete env.AWS_ACCESS_KEY_ID;
    delete env.AWS_SECRET_ACCESS_KEY;
    delete env.AWS_ENDPOINT_URL_S3;

    const result = await cli(["-f", "json", "s3://ci/artifacts/"], env);

    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((finding: { file: string }) => finding.file)).toEqual(["s3://ci/artifacts/job-1/build.log"]);
    expectNoToken(result, [token]);
  });

  it("names a 403, a missing object and a cut connection, retries throttling, keeps findings and scans the rest", async () => {
    const tokens = [fakeToken(), fakeToken(), fakeToken()];
    const cutLog = leakLine(tokens[1]!) + quietLog(2000);
    const s3 = await start({
      buckets: {
        logs: {
          "app/a-forbidden.log": leakLine(fakeToken()),
          "app/b-gone.log": quietLog(3),
          "app/c-throttled.log": leakLine(tokens[0]!),
          "app/d-cut.log": cutLog,
          "app/e-fine.log": leakLine(tokens[2]!),
        },
      },
      faults: {
        "app/a-forbidden.log": { kind: "forbidden" },
        "app/b-gone.log": { kind: "missing" },
        "app/c-throttled.log": { kind: "throttle", times: 2 },
        "app/d-cut.log": { kind: "cut", afterBytes: 3000 },
      },
    });

    const result = await cli(["-f", "json", "s3://logs/app/"], awsEnvironment(s3));

    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings.map((finding: { file: string }) => finding.file).sort()).toEqual(["s3://logs/app/c-throttled.log", "s3://logs/app/d-cut.log", "s3://logs/app/e-fine.log"]);
    const errors = Object.fromEntries(report.errors.map((error: { file: string; message: string }) => [error.file, error.message]));
    expect(Object.keys(errors).sort()).toEqual(["s3://logs/app/a-forbidden.log", "s3://logs/app/b-gone.log", "s3://logs/app/d-cut.log"]);
    expect(errors["s3://logs/app/a-forbidden.log"]).toMatch(/^not scanned: .*AccessDenied/);
    expect(errors["s3://logs/app/b-gone.log"]).toMatch(/^not scanned: .*NoSuchKey/);
    expect(errors["s3://logs/app/d-cut.log"]).toMatch(/^not fully scanned: the connection was cut after \d+ bytes/);
    // One line per error on stderr, no stack trace.
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^hawzu-scan: s3:\/\/logs\/app\/[a-e]-\w+\.log: not (fully )?scanned/);
    expect(s3.requests.filter((request) => request.url.startsWith("/logs/app/c-throttled.log"))).toHaveLength(3);
    expectNoToken(result, tokens);
  });

  it("is exit 2, not clean, for a prefix that lists nothing, a missing bucket, endless throttling or wrong credentials", async () => {
    const s3 = await start({ buckets: { logs: { "app/x.log": quietLog(2), "slow/y.log": quietLog(2) } }, faults: { "slow/y.log": { kind: "throttle", times: 100 } } });

    const empty = await cli(["s3://logs/nothing-here/"], awsEnvironment(s3));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^hawzu-scan: s3:\/\/logs\/nothing-here\/: not scanned: no objects under this prefix/);
    expect(empty.stdout).toMatch(/1 input\(s\) NOT fully scanned/);

    const noBucket = await cli(["s3://nope/"], awsEnvironment(s3));
    expect(noBucket.code).toBe(2);
    expect(noBucket.stderr).toMatch(/s3:\/\/nope\/: not scanned: cannot list this prefix \(NoSuchBucket/);

    const throttled = await cli(["s3://logs/slow/"], awsEnvironment(s3));
    expect(throttled.code).toBe(2);
    expect(throttled.stderr).toMatch(/s3:\/\/logs\/slow\/y\.log: not scanned: .*throttled/);

    const wrongKey = await cli(["s3://logs/app/"], awsEnvironment(s3, { AWS_ACCESS_KEY_ID: "AKIAWRONGKEY0000000" }));
    expect(wrongKey.code).toBe(2);
    expect(wrongKey.stderr).toMatch(/InvalidAccessKeyId/);
    for (const result of [empty, noBucket, throttled, wrongKey]) expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("mixes s3 URLs with local paths, and N shards merged give the report of one run", async () => {
    const objects: Record<string, string> = {};
    const tokens: string[] = [];
    for (let index = 0; index < 30; index++) {
      const token = fakeToken();
      tokens.push(token);
      objects[`day/part-${String(index).padStart(3, "0")}.log`] = quietLog(3) + (index % 3 === 0 ? leakLine(token) : "");
    }
    const s3 = await start({ buckets: { logs: objects }, pageSize: 7 });
    const local = mkdtempSync(join(tmpdir(), "hawzu-s3-local-"));
    folders.push(local);
    writeFileSync(join(local, "local.env"), `HAWZU_ACCESS_TOKEN=${tokens[1]}\n`);
    const env = awsEnvironment(s3);

    const whole = await cli(["-f", "json", "s3://logs/day/", local], env);
    expect(whole.code).toBe(1);
    const wholeReport = JSON.parse(whole.stdout);
    expect(wholeReport.findings).toHaveLength(11);

    const reports: string[] = [];
    for (let index = 1; index <= 3; index++) {
      const out = join(local, `shard-${index}.json`);
      // GitLab's parallel: sets CI_NODE_INDEX (1-based) and CI_NODE_TOTAL.
      const shard = await cli(["-f", "json", "-o", out, "--shard", "auto", "s3://logs/day/", join(local, "local.env")], { ...env, CI_NODE_INDEX: String(index), CI_NODE_TOTAL: "3" });
      expect([0, 1]).toContain(shard.code);
      reports.push(out);
    }
    const merged = await cli(["merge", "-f", "json", ...reports], env);
    expect(merged.code).toBe(1);
    const key = (finding: { file: string; line: number; fingerprint: string }) => `${finding.file}:${finding.line}:${finding.fingerprint}`;
    expect(JSON.parse(merged.stdout).findings.map(key).sort()).toEqual(wholeReport.findings.map(key).sort());
    expectNoToken(whole, tokens);
    expectNoToken(merged, tokens);
  });
});
