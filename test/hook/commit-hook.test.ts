// A user's repository without a hook manager: `hawzu-scan init` installs .git/hooks/pre-commit, then `git commit`.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI_BIN, cleanEnvironment, createRepository, fakeToken, installBin, pathWithoutHawzuScan, type Repository } from "./fixture.js";

/** A repository whose node_modules holds hawzu-scan, as after `npm i -D @hawzu-scan/cli`; PATH has none. */
function repositoryWithLocalCli(): Repository {
  const repository = createRepository(cleanEnvironment(pathWithoutHawzuScan()));
  repository.write(".gitignore", "node_modules/\n");
  repository.write("README.md", "# app\n");
  repository.commitAll("first");
  installBin(repository.root, "hawzu-scan", CLI_BIN);
  return repository;
}

function commit(repository: Repository, message = "change") {
  const before = repository.head();
  const result = repository.tryGit("commit", "-m", message);
  return { ...result, committed: repository.head() !== before, output: result.stdout + result.stderr };
}

describe("the pre-commit hook installed by `hawzu-scan init`", () => {
  let repository: Repository;
  let token: string;
  beforeEach(() => {
    repository = repositoryWithLocalCli();
    token = fakeToken();
    const init = repository.cli("init");
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain(".git/hooks/pre-commit");
    expect(init.stdout).toContain(".git/hooks/commit-msg");
  });
  afterEach(() => repository.remove());

  it("blocks a commit that stages a token, saying what, where (redacted) and the three ways forward", () => {
    repository.write("config/app settings.env", `NAME=app\nHAWZU_TOKEN=${token}\n`);
    repository.git("add", "-A");

    const result = commit(repository);

    expect(result.committed).toBe(false);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("commit blocked");
    expect(result.output).toContain("config/app settings.env:2:13");
    expect(result.output).toContain(`${token.slice(0, 4)}********`);
    expect(result.output).toContain("environment variable");
    expect(result.output).toContain("hawzu-scan-ignore");
    expect(result.output).toContain("--write-baseline");
    expect(result.output).not.toContain(token);
  });

  it("blocks a token in the commit message (the commit-msg hook), and lets `git commit -v` remove a committed token", () => {
    repository.write("notes.md", "notes\n");
    repository.git("add", "-A");
    const blocked = commit(repository, `Deploy fix\n\nran with HAWZU_TOKEN=${token}`);
    expect(blocked.committed).toBe(false);
    expect(blocked.output).toContain("commit blocked: the commit message holds a Hawzu access token");
    expect(blocked.output).not.toContain(token);
    expect(commit(repository, "Deploy fix").committed).toBe(true);

    // An old token (committed without hooks) removed in an editor with `git commit -v`: the staged
    // diff below the message holds the removed line, which git does not record.
    repository.write("app.env", `NAME=app\nHAWZU_TOKEN=${token}\n`);
    repository.commitAll("old token");
    repository.write("app.env", "NAME=app\n");
    repository.git("add", "-A");
    repository.git("config", "core.editor", "sed -i '1s/^/Remove the committed token/'");
    const before = repository.head();
    const verbose = repository.tryGit("commit", "-v");
    expect(repository.head(), verbose.stdout + verbose.stderr).not.toBe(before);
    expect(repository.git("log", "-1", "--format=%B").trim()).toBe("Remove the committed token");
  });

  it("names no node binary or script path: the CLI is looked up when the hook runs", () => {
    const hook = readFileSync(join(repository.root, ".git", "hooks", "pre-commit"), "utf8");
    expect(hook).not.toContain(process.execPath);
    expect(hook).not.toContain(CLI_BIN);
    expect(hook).toContain("--staged || exit 1");
  });

  it("judges what `git commit -a` stages (git's temporary index)", () => {
    repository.write("README.md", `# app\nHAWZU_TOKEN=${token}\n`);
    const before = repository.head();
    const result = repository.tryGit("commit", "-a", "-m", "all");
    expect(result.stdout + result.stderr).toContain("README.md:2:13");
    expect(repository.head()).toBe(before);
  });

  it("lets a clean commit through", () => {
    repository.write("src/app.js", "export const token = process.env.HAWZU_TOKEN;\n");
    repository.git("add", "-A");
    const result = commit(repository);
    expect(result.output).not.toContain("commit blocked");
    expect(result.committed).toBe(true);
  });

  it("judges a partially staged file on its staged part", () => {
    repository.write("app.env", "NAME=app\n");
    repository.commitAll("env file");

    // Staged: a token. Working tree: the token removed again. The commit would still carry it.
    repository.write("app.env", `NAME=app\nHAWZU_TOKEN=${token}\n`);
    repository.git("add", "app.env");
    repository.write("app.env", "NAME=app\nHAWZU_TOKEN=${HAWZU_TOKEN}\n");
    expect(commit(repository).committed).toBe(false);

    // Staged: clean. Working tree: a token not yet added. The commit carries no token.
    repository.git("add", "app.env");
    repository.write("app.env", `NAME=app\nHAWZU_TOKEN=\${HAWZU_TOKEN}\nHAWZU_ACCESS_TOKEN=${token}\n`);
    const clean = commit(repository);
    expect(clean.output).not.toContain("commit blocked");
    expect(clean.committed).toBe(true);
  });

  it("does not block on a token that is only in the working tree", () => {
    repository.write("notes.env", `HAWZU_TOKEN=${token}\n`); // untracked, not staged
    repository.write("README.md", `# app\nHAWZU_TOKEN=${fakeToken()}\n`); // modified, not staged
    repository.write("src/clean.js", "export {};\n");
    repository.git("add", "src/clean.js");
    const result = commit(repository);
    expect(result.output).not.toContain("commit blocked");
    expect(result.committed).toBe(true);
  });

  it("lets an inline-suppressed token through", () => {
    repository.write("test/fixture.env", `HAWZU_TOKEN=${token} # hawzu-scan-ignore: fake value for tests\n`);
    repository.git("add", "-A");
    const result = commit(repository);
    expect(result.output).not.toContain("commit blocked");
    expect(result.committed).toBe(true);
  });

  it("lets a finding recorded in the committed baseline through, and still blocks a new one", () => {
    repository.write("legacy.env", `HAWZU_TOKEN=${token}\n`);
    const written = repository.cli("--write-baseline", ".hawzu-baseline.json");
    expect(written.status, written.stderr).not.toBe(2);
    repository.git("add", "-A");
    // A commit cannot accept its own token: the baseline it adds is not used for it, only listed.
    const together = commit(repository, "token and baseline at once");
    expect(together.output).toContain("commit blocked");
    expect(together.output).toContain("baseline entry for legacy.env");
    expect(together.committed).toBe(false);

    // As the blocked message says: the baseline on its own first (listed for review), then the file.
    const baselineFirst = repository.tryGit("commit", "-m", "accept known finding", "--", ".hawzu-baseline.json");
    expect(baselineFirst.status, baselineFirst.stdout + baselineFirst.stderr).toBe(0);
    expect(baselineFirst.stderr).toContain("1 suppression(s) added by this change");
    const known = commit(repository, "known finding");
    expect(known.output).not.toContain("commit blocked");
    expect(known.committed).toBe(true);
    expect(known.output).not.toContain(token);

    repository.write("new.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    repository.git("add", "-A");
    expect(commit(repository, "new finding").committed).toBe(false);
  });
});

// Hand-written hooks as teams have them: `init` must stop the commit whatever they do after its line.
describe("`hawzu-scan init` into an existing plain hook", () => {
  let repository: Repository;
  beforeEach(() => {
    repository = repositoryWithLocalCli();
  });
  afterEach(() => repository.remove());

  const installHook = (script: string) => {
    repository.write(".git/hooks/pre-commit", script);
    const init = repository.cli("init");
    expect(init.status, init.stderr).toBe(0);
  };
  const stageToken = () => {
    repository.write("deploy.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    repository.git("add", "-A");
  };
  const stageClean = () => {
    repository.write("src/app.js", "export const token = process.env.HAWZU_TOKEN;\n");
    repository.git("add", "-A");
  };

  it.each([
    ["ends in `exit 0`", "#!/bin/sh\necho checking\nexit 0\n"],
    ["uses `exec`", "#!/bin/sh\necho checking\nexec true\n"],
    ["uses `set -e`", "#!/bin/sh\nset -e\necho checking\ntrue\n"],
    ["uses `set -e` and ends in `exit 0`", "#!/bin/bash\nset -eu\nexport LANG=C\n\nif [ -n \"${SKIP_LINT:-}\" ]; then exit 0; fi\necho checking\nexit 0\n"],
  ])("blocks a token when the hook %s, and lets a clean commit through", (_name, script) => {
    installHook(script);
    stageToken();
    const blocked = commit(repository);
    expect(blocked.output).toContain("commit blocked");
    expect(blocked.committed).toBe(false);

    repository.git("reset", "-q");
    repository.git("clean", "-qfd", "--", "deploy.env");
    stageClean();
    const clean = commit(repository);
    expect(clean.output).toContain("checking");
    expect(clean.committed, clean.output).toBe(true);
  });

  it("keeps the hook's own verdict: a failing last command still stops a clean commit", () => {
    installHook("#!/bin/sh\necho tests failed >&2\nfalse\n");
    stageClean();
    const result = commit(repository);
    expect(result.output).toContain("tests failed");
    expect(result.committed).toBe(false);
  });
});

describe("the plain hook without a project install of hawzu-scan", () => {
  let repository: Repository;
  beforeEach(() => {
    repository = createRepository(cleanEnvironment(pathWithoutHawzuScan()));
    repository.write("README.md", "# app\n");
    repository.commitAll("first");
    const init = repository.cli("init");
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain("npm i -g @hawzu-scan/cli");
  });
  afterEach(() => repository.remove());

  it("fails closed with one line saying how to install it, even for a clean commit", () => {
    repository.write("src/app.js", "export {};\n");
    repository.git("add", "-A");
    const result = commit(repository);
    expect(result.committed).toBe(false);
    expect(result.stderr).toContain("hawzu-scan: commit blocked: the pre-commit token check cannot run because @hawzu-scan/cli is not installed; run npm i -D @hawzu-scan/cli");
    expect(result.stderr.split("\n").filter((line) => line.includes("hawzu-scan"))).toHaveLength(1);
  });

  it("runs a hawzu-scan found on PATH", () => {
    const bin = join(repository.root, ".tools");
    installBin(bin, "hawzu-scan", CLI_BIN);
    const env = cleanEnvironment(pathWithoutHawzuScan());
    env.PATH = `${join(bin, "node_modules", ".bin")}:${env.PATH}`;
    repository.write(".git/info/exclude", ".tools/\n");
    repository.write("deploy.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    repository.git("add", "deploy.env");
    const before = repository.head();
    const result = spawnSync("git", ["commit", "-m", "change"], { cwd: repository.root, env, encoding: "utf8" });
    const blocked = { output: result.stdout + result.stderr, committed: repository.head() !== before };
    expect(blocked.output).toContain("commit blocked");
    expect(blocked.output).toContain("deploy.env:1:13");
    expect(blocked.committed).toBe(false);
  });
});
