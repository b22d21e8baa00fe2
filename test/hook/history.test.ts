// `--since <rev>` and `--git-history` through the built CLI, on a real repository.
import { fingerprint } from "@hawzu-scan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepository, fakeToken, type Repository } from "./fixture.js";

interface JsonReport {
  findings: Array<{ file: string; line: number; commit?: string; fingerprint: string; redacted: string }>;
  errors: Array<{ file: string; message: string }>;
}

describe("scanning what commits added", () => {
  let repository: Repository;
  const removed = fakeToken();
  const added = fakeToken();
  let base = "";
  let addedIn = "";
  beforeAll(() => {
    repository = createRepository();
    repository.write("settings.env", `NAME=app\nHAWZU_TOKEN=${removed}\n`);
    base = repository.commitAll("base, with an old token");
    repository.write("deploy/pipeline vars.env", `REGION=eu\nHAWZU_ACCESS_TOKEN=${added}\n`);
    addedIn = repository.commitAll("adds a token (two commits back)");
    repository.write("settings.env", "NAME=app\n");
    repository.commitAll("removes the old token");
  });
  afterAll(() => repository.remove());

  it("--since finds the token added two commits back, with its commit, and not the one removed in the range", () => {
    const result = repository.cli("--since", base, "--format", "json");

    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.errors).toEqual([]);
    expect(report.findings).toEqual([
      expect.objectContaining({ file: "deploy/pipeline vars.env", line: 2, commit: addedIn, fingerprint: fingerprint(added) }),
    ]);
    expect(result.stdout + result.stderr).not.toContain(added);
  });

  it("--since with a range that added nothing is clean", () => {
    const result = repository.cli("--since", addedIn, "--format", "json");
    expect(result.status, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as JsonReport).findings).toEqual([]);
  });

  it("--git-history names the commit of each token ever added", () => {
    const result = repository.cli("--git-history", "--format", "json");

    expect(result.status, result.stderr).toBe(1);
    const findings = (JSON.parse(result.stdout) as JsonReport).findings.map(({ file, line, commit, fingerprint }) => ({ file, line, commit, fingerprint }));
    expect(findings).toHaveLength(2);
    expect(findings).toContainEqual({ file: "settings.env", line: 2, commit: base, fingerprint: fingerprint(removed) });
    expect(findings).toContainEqual({ file: "deploy/pipeline vars.env", line: 2, commit: addedIn, fingerprint: fingerprint(added) });
  });

  it("an unknown revision is a usage error (exit 2) with a one-line message, never a clean result", () => {
    const result = repository.cli("--since", "origin/no-such-branch");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown revision "origin/no-such-branch"');
  });
});
