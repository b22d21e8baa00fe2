// End-to-end: --verify on git sources (the index with --staged, commits with --since), against the
// fake Hawzu API. The CLI runs asynchronously: the API answers from this same process.
import { execFile, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveProjectToken, liveWorkspaceToken, startFakeHawzuApi, type FakeHawzuApi } from "../fake-hawzu-api/index.js";
import { CLI_BIN, cleanEnvironment, createRepository, fakeToken, type Repository } from "../hook/fixture.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
const committed = fakeToken();
const stagedRevoked = fakeToken();
const stagedLive = fakeToken();
let api: FakeHawzuApi;
let repository: Repository;

beforeAll(async () => {
  execFileSync("npx", ["tsc", "-b", "packages/cli"], { cwd: ROOT, stdio: "pipe" });
  api = await startFakeHawzuApi({
    tokens: {
      [committed]: liveWorkspaceToken(),
      [stagedRevoked]: { kind: "revoked" },
      [stagedLive]: liveProjectToken(),
    },
  });
  repository = createRepository();
  repository.write("README.md", "# app\n");
  repository.commitAll("start");
  repository.write("deploy/.env", `HAWZU_ACCESS_TOKEN=${committed}\n`);
  repository.commitAll("add deploy settings");
}, 180_000);

afterAll(async () => {
  await api?.close();
  repository?.remove();
});

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI_BIN, ...args], { cwd: repository.root, env: cleanEnvironment(), timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const noToken = (...texts: string[]) => {
  for (const text of texts) for (const token of [committed, stagedRevoked, stagedLive]) expect(text).not.toContain(token);
};

describe("hawzu-scan --verify on git sources", () => {
  it("--since: verifies the tokens the commits added, and names the commit", async () => {
    const result = await cli("--since", "HEAD~1", "--verify", "--hawzu-url", api.url, "-f", "json", "--revocation-report", "revoke.md");
    expect(result.code).toBe(1);
    const [finding] = JSON.parse(result.stdout).findings;
    expect(finding).toMatchObject({ file: "deploy/.env", commit: repository.head(), verification: { status: "live", identity: { id: "tok_ws_001" } } });
    const markdown = readFileSync(join(repository.root, "revoke.md"), "utf8");
    expect(markdown).toContain("deploy/.env:1:20");
    noToken(result.stdout, result.stderr, markdown);
  });

  it("--staged --fail-on live: an inactive token does not block the commit, a live one does", async () => {
    repository.write("scripts/old.sh", `export HAWZU_TOKEN=${stagedRevoked}\n`);
    repository.git("add", "scripts/old.sh");
    const inactive = await cli("--staged", "--verify", "--hawzu-url", api.url, "--fail-on", "live");
    expect(inactive.code).toBe(0);
    expect(inactive.stderr).not.toContain("commit blocked");
    expect(inactive.stderr).toContain("0 live, 1 inactive, 0 unknown");

    repository.write("scripts/sync.sh", `export HAWZU_TOKEN=${stagedLive}\n`);
    repository.git("add", "scripts/sync.sh");
    const live = await cli("--staged", "--verify", "--hawzu-url", api.url, "--fail-on", "live");
    expect(live.code).toBe(1);
    expect(live.stderr).toContain("commit blocked: a Hawzu access token is staged");
    expect(live.stderr).toContain("scripts/sync.sh:1:");
    expect(live.stderr).not.toContain("scripts/old.sh:1:");
    noToken(inactive.stdout, inactive.stderr, live.stdout, live.stderr);
    // Each run is its own cache: the revoked token was asked once per run, never more.
    expect(api.requestsFor(stagedRevoked)).toHaveLength(2);
    expect(api.requestsFor(stagedLive)).toHaveLength(1);
  });
});
