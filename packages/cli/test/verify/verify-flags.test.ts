import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeToken, leak, tempFolder } from "../helpers/fixtures.js";
import { runInMemory } from "../helpers/run-in-memory.js";

// A real node:http server on 127.0.0.1 standing in for the Hawzu API: the token decides the answer.
const live = fakeToken();
const revoked = fakeToken();
const broken = fakeToken();
let server: Server;
let url: string;
let requests = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests++;
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (token === live) response.writeHead(200, { "content-type": "application/json" }).end('{"id":"tok_1","type":"PROJECT_TOKEN","name":"Sync","projects":[]}');
    else if (token === broken) response.writeHead(404, { "content-type": "text/html" }).end("<html>not here</html>");
    else response.writeHead(401, { "content-type": "application/json" }).end('{"error":"unauthorized"}');
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

const noToken = (...texts: string[]) => {
  for (const text of texts) for (const token of [live, revoked, broken]) expect(text).not.toContain(token);
};

describe("--verify flags", () => {
  it("rejects an unusable --hawzu-url or HAWZU_API_URL with one line naming where it came from, sending nothing", async () => {
    const cwd = tempFolder({ ".env": `${leak.env(live)}\n` });
    const before = requests;
    const flag = await runInMemory(["--verify", "--hawzu-url", "http://api.hawzu.example", "."], { cwd });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^hawzu-scan: the Hawzu API URL given by --hawzu-url is not usable: only https: is allowed[^\n]*\n$/);
    expect(flag.stdout).toBe("");
    const env = await runInMemory(["--verify", "."], { cwd, env: { HAWZU_API_URL: "not a url" } });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/^hawzu-scan: the Hawzu API URL given by HAWZU_API_URL is not usable: [^\n]+\n$/);
    expect(requests).toBe(before);
  });

  it("prefers --hawzu-url over HAWZU_API_URL", async () => {
    const cwd = tempFolder({ ".env": `${leak.env(live)}\n` });
    const result = await runInMemory(["--verify", "--hawzu-url", url, "-f", "json", "."], { cwd, env: { HAWZU_API_URL: "http://api.hawzu.example" } });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings[0].verification).toMatchObject({ status: "live", identity: { id: "tok_1" } });
  });

  it("refuses --fail-on, --hawzu-url and --revocation-report without --verify, and an unknown --fail-on", async () => {
    const cwd = tempFolder({ ".env": `${leak.env(live)}\n` });
    for (const args of [["--fail-on", "live"], ["--hawzu-url", url], ["--revocation-report", "r.md"]]) {
      const result = await runInMemory([...args, "."], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("need --verify");
    }
    const allowAlone = await runInMemory(["--allow-unverified", "."], { cwd });
    expect(allowAlone.code).toBe(2);
    expect(allowAlone.stderr).toContain("need --verify");
    const allowWithAny = await runInMemory(["--verify", "--hawzu-url", url, "--allow-unverified", "."], { cwd });
    expect(allowWithAny).toMatchObject({ code: 2, stderr: expect.stringContaining("--allow-unverified only changes --fail-on live") });
    const bad = await runInMemory(["--verify", "--hawzu-url", url, "--fail-on", "inactive", "."], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--fail-on must be `any` or `live`");
  });

  it("with --fail-on live, fails on live tokens only: inactive pass, unknown give 2 unless allowed, not scanned still gives 2", async () => {
    const failOnLive = (files: Record<string, string>, ...extra: string[]) =>
      runInMemory(["--verify", "--hawzu-url", url, "--fail-on", "live", ...extra, "-f", "json", ...Object.keys(files)], { cwd: tempFolder(files) });
    expect((await failOnLive({ "a.env": `${leak.env(revoked)}\n` })).code).toBe(0);
    const unknown = await failOnLive({ "a.env": `${leak.env(revoked)}\n`, "b.sh": `${leak.curl(broken)}\n` });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      "hawzu-scan: --fail-on live: 1 token(s) could not be verified (1 unexpected-status: HTTP 404 is not an answer the verifier understands), so the run fails",
    );
    expect(unknown.stderr).toContain("add --allow-unverified to let unverified tokens pass\n");
    expect(JSON.parse(unknown.stdout).findings).toHaveLength(2);
    const allowed = await failOnLive({ "a.env": `${leak.env(revoked)}\n`, "b.sh": `${leak.curl(broken)}\n` }, "--allow-unverified");
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).not.toContain("could not be verified");
    expect((await failOnLive({ "a.env": `${leak.env(revoked)}\n`, "b.sh": `${leak.curl(live)}\n` })).code).toBe(1);
    expect((await failOnLive({ "a.env": `${leak.env(live)}\n`, "b.sh": `${leak.curl(broken)}\n` })).code).toBe(1);
    const missing = await runInMemory(["--verify", "--hawzu-url", url, "--fail-on", "live", "a.env", "missing.log"], { cwd: tempFolder({ "a.env": `${leak.env(revoked)}\n` }) });
    expect(missing.code).toBe(2);
    // The default stays: any finding fails the run, whatever the API says.
    const any = await runInMemory(["--verify", "--hawzu-url", url, "a.env"], { cwd: tempFolder({ "a.env": `${leak.env(revoked)}\n` }) });
    expect(any.code).toBe(1);
  });

  it("marks live tokens in text output and sums up what the API said on stderr", async () => {
    const cwd = tempFolder({ "a.env": `${leak.env(live)}\n${leak.json(revoked)}\n`, "b.sh": `${leak.curl(broken)}\n` });
    const result = await runInMemory(["--verify", "--hawzu-url", url, "."], { cwd });
    expect(result.stdout).toContain("LIVE: the Hawzu API accepts this token (Sync): revoke it now");
    expect(result.stdout).toContain("inactive: the Hawzu API refuses this token");
    expect(result.stdout).toContain("unknown: no verdict from the Hawzu API (");
    expect(result.stderr).toContain("asked the Hawzu API about 3 distinct token(s): 1 LIVE, 1 inactive, 1 unknown; revoke the live ones now;");
    // One hint, after the findings; a live token is among them, so it says to revoke.
    expect(result.stdout.match(/hint:/g)).toHaveLength(1);
    expect(result.stdout).toContain("hint: revoke it in Hawzu");
    noToken(result.stdout, result.stderr);
  });

  it("does not tell to revoke when every token is inactive", async () => {
    const cwd = tempFolder({ "a.env": `${leak.env(revoked)}\n` });
    const result = await runInMemory(["--verify", "--hawzu-url", url, "."], { cwd });
    expect(result.stdout).toContain("inactive: the Hawzu API refuses this token: nothing to revoke, remove it");
    expect(result.stdout).toContain("hint: the Hawzu API refuses these tokens, so there is nothing to revoke");
    expect(result.stdout).not.toMatch(/revoke it(?! )|revoke it in Hawzu/);
  });

  it("against a dead API: stops after a few connection failures and names the URL and the likely cause in one line", async () => {
    const { createServer } = await import("node:net");
    let connections = 0;
    const dead = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((listening) => dead.listen(0, "127.0.0.1", listening));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
    try {
      const tokens = Array.from({ length: 40 }, fakeToken);
      const cwd = tempFolder(Object.fromEntries(tokens.map((token, index) => [`f${index}.env`, `${leak.env(token)}\n`])));
      const result = await runInMemory(["--verify", "--hawzu-url", deadUrl, "-f", "json", "."], { cwd });
      expect(result.code).toBe(1);
      const findings = JSON.parse(result.stdout).findings as Array<{ verification: { status: string; reason: string } }>;
      expect(findings).toHaveLength(40);
      expect(findings.every((finding) => finding.verification.status === "unknown" && finding.verification.reason === "unreachable")).toBe(true);
      expect(connections).toBeLessThanOrEqual(8);
      const lines = result.stderr.trim().split("\n");
      expect(lines.filter((line) => line.includes("cannot reach"))).toEqual([
        `hawzu-scan: cannot reach the Hawzu API at ${deadUrl} (ECONNRESET): no connection (blocked or reset): check the network, a firewall, or set HTTPS_PROXY (and NO_PROXY) if a proxy is needed; the tokens not yet checked are unknown`,
      ]);
      noToken(result.stdout, result.stderr);
      // A refused port names --hawzu-url.
      const port = (dead.address() as AddressInfo).port;
      await new Promise<void>((closed) => dead.close(() => closed()));
      const refused = await runInMemory(["--verify", "--hawzu-url", deadUrl, "-f", "json", "."], { cwd });
      expect(refused.stderr).toContain(`cannot reach the Hawzu API at http://127.0.0.1:${port} (ECONNREFUSED): nothing accepts connections there: check --hawzu-url (or HAWZU_API_URL)`);
    } finally {
      if (dead.listening) await new Promise<void>((closed) => dead.close(() => closed()));
    }
  });

  it("rejects an unusable proxy variable with one line naming it", async () => {
    const cwd = tempFolder({ ".env": `${leak.env(live)}\n` });
    const result = await runInMemory(["--verify", "."], { cwd, env: { HTTPS_PROXY: "socks5://proxy:1080" } });
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toBe("hawzu-scan: HTTPS_PROXY (the proxy for --verify) is not usable: the socks5: scheme is not supported; give an http:// or https:// proxy\n");
  });

  it("asks nothing when nothing was found", async () => {
    const before = requests;
    const result = await runInMemory(["--verify", "--hawzu-url", url, "."], { cwd: tempFolder({ "a.txt": "no tokens here\n" }) });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("asked the Hawzu API");
    expect(requests).toBe(before);
  });
});
