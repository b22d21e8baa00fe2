// End-to-end: `--verify --fail-on live` when the Hawzu API cannot judge a token. The fake API is
// started and closed again, so its 127.0.0.1 port refuses connections; or it answers 500 throughout.
import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeHawzuApi, type FakeHawzuApi } from "../fake-hawzu-api/index.js";
import { CLI_BIN, cleanEnvironment, createRepository, fakeToken, type Repository } from "../hook/fixture.js";

const token = fakeToken();
const failing = fakeToken();
let downUrl: string;
let erroring: FakeHawzuApi;
let repository: Repository;

beforeAll(async () => {
  const down = await startFakeHawzuApi();
  downUrl = down.url;
  await down.close();
  erroring = await startFakeHawzuApi({ tokens: { [failing]: { kind: "server-error", status: 503 } } });
  repository = createRepository();
  repository.write("deploy.env", `HAWZU_ACCESS_TOKEN=${token}\n`);
  repository.write("sync.env", `HAWZU_ACCESS_TOKEN=${failing}\n`);
  repository.git("add", "-A");
});

afterAll(async () => {
  await erroring?.close();
  repository?.remove();
});

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI_BIN, ...args], { cwd: repository.root, env: cleanEnvironment(), timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("--fail-on live with tokens the API could not verify", () => {
  it("exits 2 with one line saying how many and why when the API refuses connections", async () => {
    const result = await cli("--verify", "--hawzu-url", downUrl, "--fail-on", "live", "-f", "json", "deploy.env");
    expect(result.code).toBe(2);
    const lines = result.stderr.split("\n").filter((line) => line.includes("could not be verified"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hawzu-scan: --fail-on live: 1 token\(s\) could not be verified \(1 network-error: network error ECONNREFUSED/);
    expect(lines[0]).toContain("--allow-unverified");
    expect(JSON.parse(result.stdout).findings[0].verification.status).toBe("unknown");
    expect(result.stdout + result.stderr).not.toContain(token);
  });

  it("exits 2 when the API answers 503 throughout, and 0 with --allow-unverified", async () => {
    const refused = await cli("--verify", "--hawzu-url", erroring.url, "--fail-on", "live", "sync.env");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--fail-on live: 1 token(s) could not be verified (1 server-error");

    const allowed = await cli("--verify", "--hawzu-url", erroring.url, "--fail-on", "live", "--allow-unverified", "sync.env");
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).not.toContain("could not be verified");
    expect(refused.stdout + refused.stderr + allowed.stdout + allowed.stderr).not.toContain(failing);
  });

  it("fails --staged (the hook) the same way, so an unverified token never slips into a commit", async () => {
    const result = await cli("--staged", "--verify", "--hawzu-url", downUrl, "--fail-on", "live");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--fail-on live: 2 token(s) could not be verified");
  });
});
