// Scans of a change (--since, --staged) use the base revision's settings and list every suppression
// the change adds, in every format. Real repositories, the CLI through run().
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepository, fakeToken, type TestRepository } from "../git/git-repository.js";
import { runInMemory } from "../helpers/run-in-memory.js";

interface JsonReport {
  findings: Array<{ file: string; fingerprint: string }>;
  suppressed?: Array<{ file: string; reason?: string }>;
  suppressionsAdded: Array<{ kind: string; file: string; line?: number; commit?: string; what: string; reason?: string; fingerprints: string[] }>;
}

describe("suppressions a change adds", () => {
  let repository: TestRepository;
  let token: string;
  let base: string;
  beforeEach(() => {
    repository = createRepository();
    token = fakeToken();
    repository.write("README.md", "# app\n");
    base = repository.commit("base");
  });
  afterEach(() => repository.remove());

  const scan = async (...argv: string[]) => {
    const result = await runInMemory(argv, { cwd: repository.root });
    expect(result.stdout + result.stderr).not.toContain(token);
    return result;
  };
  const json = async (...argv: string[]) => {
    const result = await scan(...argv, "-f", "json");
    return { code: result.code, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
  };

  it("--since: a commit that adds a token and a config ignoring it is not 'clean' (the issue's reproduction)", async () => {
    repository.write("deploy.env", `HAWZU_TOKEN=${token}\n`);
    repository.write("hawzu-scan.config.json", `{\n  "ignore": ["*.env"]\n}\n`);
    repository.commit("deploy settings");

    const text = await scan("--since", base);
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain("no Hawzu tokens found");
    expect(text.stdout).toContain("1 suppression(s) added by this change");
    expect(text.stdout).toContain('hawzu-scan.config.json:2  ignore rule "*.env" in the config  (no reason given); would hide 1 finding(s) of this scan');

    const { code, report } = await json("--since", base);
    expect(code).toBe(1);
    expect(report.findings.map((finding) => finding.file)).toEqual(["deploy.env"]);
    expect(report.suppressionsAdded).toEqual([
      { kind: "ignore-rule", file: "hawzu-scan.config.json", line: 2, what: 'ignore rule "*.env" in the config', fingerprints: [report.findings[0]!.fingerprint] },
    ]);
  });

  it("--since: a .hawzu-scanignore line (its comment is the reason) and a config edit are listed; the base's rules still apply", async () => {
    repository.write(".hawzu-scanignore", "legacy/\n");
    repository.write("legacy/old.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    base = repository.commit("legacy ignored");
    repository.write(".hawzu-scanignore", "legacy/\n# test fixtures, not real tokens\nconfig/\n");
    repository.write("config/app.env", `HAWZU_TOKEN=${token}\n`);
    repository.write("legacy/new.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    repository.write("hawzu-scan.config.json", JSON.stringify({ minConfidence: "high" }));
    repository.commit("more");

    const { code, report } = await json("--since", base);
    expect(code).toBe(1);
    expect(report.findings.map((finding) => finding.file)).toEqual(["config/app.env"]);
    expect(report.suppressionsAdded).toEqual([
      { kind: "config", file: "hawzu-scan.config.json", line: 1, what: 'config "minConfidence" changed from "medium" to "high"', fingerprints: [] },
      { kind: "ignore-rule", file: ".hawzu-scanignore", line: 3, what: 'ignore rule "config/"', reason: "test fixtures, not real tokens", fingerprints: [report.findings[0]!.fingerprint] },
    ]);
  });

  it("--since: an inline hawzu-scan-ignore comment the change adds is listed with its commit and reason; --fail-on-new-suppression fails", async () => {
    repository.write("test/fixture.env", `HAWZU_TOKEN=${token} # hawzu-scan-ignore: fake value for tests\n`);
    const commit = repository.commit("fixture");

    const { code, report } = await json("--since", base);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.suppressionsAdded).toEqual([
      {
        kind: "inline",
        file: "test/fixture.env",
        line: 1,
        commit,
        what: expect.stringMatching(/^hawzu-scan-ignore comment on \S+\*+$/),
        reason: "fake value for tests",
        fingerprints: [expect.stringMatching(/^sha256:/)],
      },
    ]);
    expect(report.suppressed).toHaveLength(1);

    const failing = await scan("--since", base, "--fail-on-new-suppression");
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain("--fail-on-new-suppression: this change adds 1 suppression(s)");

    const usage = await scan("--fail-on-new-suppression", ".");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("use it with --since REV or --staged");
  });

  it("--since --baseline: the base's baseline is used; an entry the change adds is listed", async () => {
    repository.write("deploy.env", `HAWZU_TOKEN=${token}\n`);
    expect((await scan("--write-baseline", "baseline.json")).code).toBe(0);
    repository.commit("token and its baseline entry");

    const { code, report } = await json("--since", base, "--baseline", "baseline.json");
    expect(code).toBe(1);
    expect(report.suppressionsAdded).toEqual([
      { kind: "baseline", file: "baseline.json", line: expect.any(Number), what: expect.stringMatching(/^baseline entry for deploy.env \(sha256:/), fingerprints: [report.findings[0]!.fingerprint] },
    ]);
  });

  it("--staged: the config of HEAD applies, not the one staged with the token", async () => {
    repository.write("hawzu-scan.config.json", JSON.stringify({ ignore: ["fixtures/"] }));
    repository.commit("config");
    repository.write("fixtures/a.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    repository.write("deploy.env", `HAWZU_TOKEN=${token}\n`);
    repository.write("hawzu-scan.config.json", JSON.stringify({ ignore: ["fixtures/", "deploy.env"] }));
    repository.git("add", "-A");

    const { code, report } = await json("--staged");
    expect(code).toBe(1);
    expect(report.findings.map((finding) => finding.file)).toEqual(["deploy.env"]);
    expect(report.suppressionsAdded).toMatchObject([{ kind: "ignore-rule", what: 'ignore rule "deploy.env" in the config' }]);

    const hook = await scan("--staged");
    expect(hook.code).toBe(1);
    expect(hook.stderr).toContain("commit blocked");
    expect(hook.stderr).toContain('ignore rule "deploy.env" in the config');
  });

  it("--staged: only inline comments on lines the commit adds are listed", async () => {
    const old = `HAWZU_TOKEN=${fakeToken()} # hawzu-scan-ignore: old fixture\n`;
    repository.write("old.env", `${old}A=1\n`);
    repository.commit("old fixture");
    repository.write("old.env", `${old}A=2\n# hawzu-scan-ignore-next-line: new fixture\nHAWZU_ACCESS_TOKEN=${token}\n`);
    repository.git("add", "-A");

    const { code, report } = await json("--staged");
    expect(code).toBe(0);
    expect(report.suppressionsAdded.map((added) => [added.kind, added.line, added.reason])).toEqual([["inline", 4, "new fixture"]]);
  });

  it("an ignore-next-line comment added above a token already there is listed (--staged and --since)", async () => {
    repository.write("app.env", `A=1\nHAWZU_TOKEN=${token}\n`);
    base = repository.commit("token, before the scanner");
    repository.write("app.env", `A=1\n# hawzu-scan-ignore-next-line: rotated, kept for the old client\nHAWZU_TOKEN=${token}\n`);
    repository.git("add", "-A");
    const staged = await json("--staged");
    expect(staged.report.suppressionsAdded.map((added) => [added.kind, added.line, added.reason])).toEqual([["inline", 3, "rotated, kept for the old client"]]);
    repository.commit("silence it");
    const since = await json("--since", base);
    expect(since.report.suppressionsAdded.map((added) => [added.kind, added.line, added.reason])).toEqual([["inline", 3, "rotated, kept for the old client"]]);
  });

  it("SARIF: inline suppressions are inSource, rules and edits the change adds are external and under review, each with its justification", async () => {
    repository.write("deploy.env", `HAWZU_TOKEN=${token}\n`);
    repository.write(".hawzu-scanignore", "# deploy values are rotated weekly\ndeploy.env\n");
    repository.write("test/fixture.env", `HAWZU_TOKEN=${fakeToken()} # hawzu-scan-ignore: fake value for tests\n`);
    repository.commit("change");

    const result = await scan("--since", base, "-f", "sarif");
    expect(result.code).toBe(1);
    const run = JSON.parse(result.stdout).runs[0];
    const byFile = Object.fromEntries(run.results.map((entry: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => [entry.locations[0]!.physicalLocation.artifactLocation.uri, entry]));
    expect(byFile["deploy.env"].suppressions).toEqual([
      {
        kind: "external",
        status: "underReview",
        justification: "deploy values are rotated weekly",
        location: { physicalLocation: { artifactLocation: { uri: ".hawzu-scanignore", uriBaseId: "%SRCROOT%" }, region: { startLine: 2 } } },
      },
    ]);
    expect(byFile["test/fixture.env"].suppressions).toEqual([{ kind: "inSource", justification: "fake value for tests" }]);
    expect(run.properties.suppressionsAdded).toHaveLength(2);

    const github = await scan("--since", base, "-f", "github");
    expect(github.stdout).toContain("::warning file=.hawzu-scanignore,line=2,title=hawzu-scan%3A suppression added by this change::ignore rule \"deploy.env\" (reason: deploy values are rotated weekly). It would hide 1 finding(s) of this scan.");
    expect(github.stdout).toContain("::warning file=test/fixture.env,line=1,");
    expect(github.stdout).toContain("::notice file=test/fixture.env,line=1,col=13,title=hawzu-scan%3A suppressed finding::");
  });
});

describe("--list-suppressed in SARIF and GitHub (issue 15)", () => {
  let repository: TestRepository;
  beforeEach(() => {
    repository = createRepository();
  });
  afterEach(() => repository.remove());

  it("gives each suppressed finding a SARIF result with an inSource suppression whose justification is the reason, and a GitHub notice", async () => {
    repository.write("a.env", `HAWZU_TOKEN=${fakeToken()} # hawzu-scan-ignore: documented example\nHAWZU_ACCESS_TOKEN=${fakeToken()} # hawzu-scan-ignore\n`);
    const sarif = await runInMemory(["--list-suppressed", "-f", "sarif", "a.env"], { cwd: repository.root });
    expect(sarif.code).toBe(0);
    const results = JSON.parse(sarif.stdout).runs[0].results;
    expect(results.map((entry: { suppressions: unknown }) => entry.suppressions)).toEqual([[{ kind: "inSource", justification: "documented example" }], [{ kind: "inSource" }]]);

    const github = await runInMemory(["--list-suppressed", "-f", "github", "a.env"], { cwd: repository.root });
    expect(github.stdout.split("\n").filter((line) => line.startsWith("::notice file=a.env,"))).toHaveLength(2);
    expect(github.stdout).toContain("(reason: documented example)");
    expect(github.stdout).toContain("(no reason given)");

    const without = await runInMemory(["-f", "sarif", "a.env"], { cwd: repository.root });
    expect(JSON.parse(without.stdout).runs[0].results).toEqual([]);
  });
});
