import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { VerificationResult } from "@hawzu-scan/verify";
import type { ScannedFinding } from "../../src/report.js";
import { writeRevocationReport } from "../../src/verify/write-revocation-report.js";

const checkedAt = "2026-11-29T04:00:00.000Z";
const finding = (fingerprint: string, file: string, member?: string): ScannedFinding => ({
  ruleId: "hawzu-named-key",
  file,
  ...(member === undefined ? {} : { member }),
  line: 3,
  column: 20,
  endLine: 3,
  endColumn: 60,
  confidence: "high",
  context: "value of HAWZU_TOKEN",
  fingerprint,
  redacted: "Ab3d********",
});
const results = new Map<string, VerificationResult>([
  ["sha256:aa", { status: "live", httpStatus: 200, checkedAt, attempts: 1, identity: { id: "tok_ws_001", name: "CI deploy", type: "WORKSPACE_TOKEN", projects: [], accessType: "workspace" } }],
  ["sha256:bb", { status: "inactive", httpStatus: 401, checkedAt, attempts: 1 }],
  ["sha256:cc", { status: "unknown", reason: "timeout", detail: "no answer within 10000 ms", checkedAt, attempts: 1 }],
]);
const findings = [finding("sha256:aa", "app/.env"), finding("sha256:aa", "logs/app.tar.gz", "var/log/app.log"), finding("sha256:bb", "old.sh"), finding("sha256:cc", "slow.sh")];

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), "hawzu-revocation-"));
  folders.push(folder);
  return folder;
};

describe("writeRevocationReport", () => {
  it("writes JSON for a .json file, with every place a live token was found", async () => {
    const file = join(tempFolder(), "revoke.JSON");
    expect(await writeRevocationReport(file, findings, results)).toEqual({ ok: true });
    const report = JSON.parse(readFileSync(file, "utf8"));
    expect(report.summary).toEqual({ live: 1, inactive: 1, unknown: 1 });
    expect(report.live[0].locations).toEqual([
      { file: "app/.env", line: 3, column: 20 },
      { file: "logs/app.tar.gz", member: "var/log/app.log", line: 3, column: 20 },
    ]);
  });

  it("writes Markdown for any other name", async () => {
    const file = join(tempFolder(), "revoke.md");
    expect(await writeRevocationReport(file, findings, results)).toEqual({ ok: true });
    const markdown = readFileSync(file, "utf8");
    expect(markdown).toMatch(/^# Hawzu token revocation report/);
    expect(markdown).toContain("1 live, 1 inactive, 1 unknown");
    expect(markdown).toContain("var/log/app.log");
  });

  it("returns an error value naming the cause when the file cannot be written", async () => {
    const written = await writeRevocationReport(join(tempFolder(), "missing", "revoke.md"), findings, results);
    expect(written).toMatchObject({ ok: false });
    expect(!written.ok && written.message).toMatch(/ENOENT/);
  });
});
