import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, redact } from "@hawzu-scan/core";
import { createVerifier, renderRevocationReport, type RevocationEntry, type VerificationResult } from "../src/index.js";
import { fast, liveProjectToken, liveWorkspaceToken, newToken, startFakeHawzuApi, type FakeHawzuApi } from "./helpers.js";

// Results come from the real verifier against the fake API, so the report is tested on real values.
const tokens = {
  project: newToken(),
  workspace: newToken(),
  revoked: newToken(),
  disabled: newToken(),
  firewalled: newToken(),
};
const places: [keyof typeof tokens, string, number, string?][] = [
  ["project", "src/sync.ts", 3],
  ["workspace", "deploy/.env", 1],
  ["workspace", "logs.tar.gz", 88, "ci/build-17.log"],
  ["workspace", "deploy/.env", 1],
  ["revoked", "docs/setup.md", 12],
  ["disabled", "old/config.yml", 4],
  ["firewalled", "scripts/check.sh", 2],
];

let api: FakeHawzuApi;
let entries: RevocationEntry[];
let markdown: string;
let json: string;

beforeAll(async () => {
  api = await startFakeHawzuApi({
    tokens: {
      [tokens.project]: liveProjectToken(),
      [tokens.workspace]: liveWorkspaceToken(),
      [tokens.revoked]: { kind: "revoked" },
      [tokens.disabled]: { kind: "disabled" },
      [tokens.firewalled]: { kind: "html-403" },
    },
  });
  const verifier = createVerifier({ ...fast, baseUrl: api.url });
  entries = await Promise.all(
    places.map(async ([name, file, line, member]) => {
      const token = tokens[name];
      const verification: VerificationResult = await verifier.verify(token);
      return { file, line, column: 5, fingerprint: fingerprint(token), redacted: redact(token), ...(member ? { member } : {}), verification };
    }),
  );
  markdown = renderRevocationReport(entries, { format: "markdown" });
  json = renderRevocationReport(entries, { format: "json" });
});
afterAll(() => api.close());

const section = (title: string) => markdown.slice(markdown.indexOf(`## ${title}`)).split(/\n## /)[0]!;

describe("renderRevocationReport (markdown)", () => {
  it("lists each live token once, workspace tokens first, with identity and every place", () => {
    const live = section("Live tokens");
    const workspaceAt = live.indexOf(fingerprint(tokens.workspace));
    const projectAt = live.indexOf(fingerprint(tokens.project));
    expect(workspaceAt).toBeGreaterThan(0);
    expect(projectAt).toBeGreaterThan(workspaceAt);
    expect(live.split(fingerprint(tokens.workspace))).toHaveLength(2);
    expect(live).toContain("### 1. CI deploy \\(workspace\\) (workspace token)");
    expect(live).toContain("- Workspace: Acme QA (`ws_001`), role ADMIN");
    expect(live).toContain("- Projects: Checkout (`proj_101`): TESTER; Payments (`proj_102`): VIEWER");
    expect(live).toContain("  - deploy/.env:1:5\n  - logs.tar.gz > ci/build-17.log:88:5\n");
    expect(live).toContain("Found in 2 places");
    expect(live).toContain(`\`${redact(tokens.workspace)}\``);
  });

  it("gives the documented rotation steps, ending with Revoke in the web app", () => {
    const live = section("Live tokens");
    expect(live).toMatch(/1\. Create a replacement in workspace "Acme QA": Security & Access > Access Tokens/);
    expect(live).toMatch(/4\. Optionally disable the old token/);
    expect(live).toMatch(/5\. Revoke the old token: workspace "Acme QA" > Security & Access > Access Tokens, find "Nightly test sync"/);
  });

  it("lists inactive tokens apart, without claiming why the API refused them", () => {
    const inactive = section("Inactive tokens");
    expect(inactive).toContain(fingerprint(tokens.revoked));
    expect(inactive).toContain(fingerprint(tokens.disabled));
    expect(inactive).toContain("nothing to revoke");
    expect(inactive).not.toContain(fingerprint(tokens.workspace));
    expect(markdown).not.toMatch(/\b(is|was|were|has been|have been)\s+(revoked|expired|disabled)\b/i);
    expect(markdown).not.toMatch(/\b(revoked|expired|disabled)\s+token\b/i);
  });

  it("lists unknown tokens apart with the reason and a retry hint", () => {
    const unknown = section("Unknown tokens");
    expect(unknown).toContain(fingerprint(tokens.firewalled));
    expect(unknown).toContain("not-json, HTTP 403 with an HTML page");
    expect(unknown).toMatch(/What to do: .*retry/);
    expect(section("Live tokens")).not.toContain(fingerprint(tokens.firewalled));
  });

  it("never contains a token", () => {
    for (const token of Object.values(tokens)) expect(markdown.includes(token) || json.includes(token)).toBe(false);
  });

  it("escapes Markdown in file names and API text", () => {
    const [entry] = entries;
    const tricky = renderRevocationReport([{ ...entry!, file: "a[b](http://x)*c*.md\n# heading" }], { format: "markdown" });
    expect(tricky).toContain("a\\[b\\]\\(http://x\\)\\*c\\*.md \\# heading:3:5");
  });

  it("says None for empty sections", () => {
    expect(renderRevocationReport([], { format: "markdown" })).toContain("0 live, 0 inactive, 0 unknown");
  });
});

describe("renderRevocationReport (json)", () => {
  it("has the same groups, as data", () => {
    const report = JSON.parse(json);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ live: 2, inactive: 2, unknown: 1 });
    expect(report.live.map((token: { accessType: string }) => token.accessType)).toEqual(["workspace", "project"]);
    expect(report.live[0]).toMatchObject({
      fingerprint: fingerprint(tokens.workspace),
      redacted: redact(tokens.workspace),
      identity: { name: "CI deploy (workspace)", workspace: { id: "ws_001" } },
      locations: [
        { file: "deploy/.env", line: 1, column: 5 },
        { file: "logs.tar.gz", member: "ci/build-17.log", line: 88, column: 5 },
      ],
    });
    expect(report.live[0].steps).toHaveLength(6);
    expect(report.inactive.map((token: { httpStatus: number }) => token.httpStatus).sort()).toEqual([401, 403]);
    expect(report.unknown[0]).toMatchObject({ reason: "not-json", httpStatus: 403, hint: expect.stringMatching(/retry/) });
  });
});

describe("history scans", () => {
  it("names the commit of each place a token was found", () => {
    const markdown = renderRevocationReport(
      [
        {
          file: "deploy/.env",
          commit: "3f2b8c1e9d7a4b6c8e0f1a2b3c4d5e6f70818283",
          line: 3,
          column: 20,
          fingerprint: "sha256:" + "ab".repeat(32),
          redacted: "Zq81********",
          verification: { status: "inactive", httpStatus: 401, checkedAt: "2026-11-29T04:00:00.000Z", attempts: 1 },
        },
      ],
      { format: "markdown" },
    );
    expect(markdown).toContain("deploy/.env:3:20 (commit 3f2b8c1e9d7a4b6c8e0f1a2b3c4d5e6f70818283)");
  });
});
