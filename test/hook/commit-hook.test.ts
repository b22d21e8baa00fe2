// A user's repository without husky: `hawzu-scan init` installs .git/hooks/pre-commit, then `git commit`.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepository, fakeToken, type Repository } from "./fixture.js";

describe("the pre-commit hook installed by `hawzu-scan init`", () => {
  let repository: Repository;
  let token: string;
  beforeEach(() => {
    repository = createRepository();
    token = fakeToken();
    repository.write("README.md", "# app\n");
    repository.commitAll("first");
    const init = repository.cli("init");
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain(".git/hooks/pre-commit");
  });
  afterEach(() => repository.remove());

  const commit = (message = "change") => {
    const before = repository.head();
    const result = repository.tryGit("commit", "-m", message);
    return { ...result, committed: repository.head() !== before, output: result.stdout + result.stderr };
  };

  it("blocks a commit that stages a token, saying what, where (redacted) and the three ways forward", () => {
    repository.write("config/app settings.env", `NAME=app\nHAWZU_TOKEN=${token}\n`);
    repository.git("add", "-A");

    const result = commit();

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
    const result = commit();
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
    expect(commit().committed).toBe(false);

    // Staged: clean. Working tree: a token not yet added. The commit carries no token.
    repository.git("add", "app.env");
    repository.write("app.env", `NAME=app\nHAWZU_TOKEN=\${HAWZU_TOKEN}\nHAWZU_ACCESS_TOKEN=${token}\n`);
    const clean = commit();
    expect(clean.output).not.toContain("commit blocked");
    expect(clean.committed).toBe(true);
  });

  it("does not block on a token that is only in the working tree", () => {
    repository.write("notes.env", `HAWZU_TOKEN=${token}\n`); // untracked, not staged
    repository.write("README.md", `# app\nHAWZU_TOKEN=${fakeToken()}\n`); // modified, not staged
    repository.write("src/clean.js", "export {};\n");
    repository.git("add", "src/clean.js");
    const result = commit();
    expect(result.output).not.toContain("commit blocked");
    expect(result.committed).toBe(true);
  });

  it("lets an inline-suppressed token through", () => {
    repository.write("test/fixture.env", `HAWZU_TOKEN=${token} # hawzu-scan-ignore: fake value for tests\n`);
    repository.git("add", "-A");
    const result = commit();
    expect(result.output).not.toContain("commit blocked");
    expect(result.committed).toBe(true);
  });

  it("lets a finding recorded in the baseline through, and still blocks a new one", () => {
    repository.write("legacy.env", `HAWZU_TOKEN=${token}\n`);
    const written = repository.cli("--write-baseline", ".hawzu-baseline.json");
    expect(written.status, written.stderr).not.toBe(2);
    repository.git("add", "-A");
    const known = commit("known finding");
    expect(known.output).not.toContain("commit blocked");
    expect(known.committed).toBe(true);
    expect(known.output).not.toContain(token);

    repository.write("new.env", `HAWZU_TOKEN=${fakeToken()}\n`);
    repository.git("add", "-A");
    expect(commit("new finding").committed).toBe(false);
  });
});
