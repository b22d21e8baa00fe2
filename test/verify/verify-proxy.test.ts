// End-to-end: the built CLI's --verify through a real HTTP proxy on 127.0.0.1 (the `proxy` package,
// a maintained npm proxy server) to the fake Hawzu API served over https with a certificate made
// here, trusted through NODE_EXTRA_CA_CERTS as a corporate root would be.
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isCredentialLike } from "@hawzu-scan/core";
import { createProxy } from "proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveWorkspaceToken, startFakeHawzuApi, type FakeHawzuApi } from "../fake-hawzu-api/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(ROOT, "packages/cli/bin/hawzu-scan.js");

function fakeToken(): string {
  for (;;) {
    const token = randomBytes(30).toString("base64url");
    if (/^[A-Za-z0-9]+$/.test(token) && /\d/.test(token) && isCredentialLike(token, "strict")) return token;
  }
}

const token = fakeToken();
let folder: string;
let certificate: string;
let api: FakeHawzuApi;
/** The API's base URL by host name, as a real API is reached. */
let apiUrl: string;
let proxyServer: http.Server;
let proxyUrl: string;
/** CONNECT targets the proxy was asked for, and every byte clients sent it. */
const connects: string[] = [];
const bytesToProxy: Buffer[] = [];

beforeAll(async () => {
  execFileSync("npx", ["tsc", "-b", "packages/cli"], { cwd: ROOT, stdio: "pipe" });
  folder = mkdtempSync(join(tmpdir(), "hawzu-proxy-e2e-"));
  // A throwaway self-signed certificate, made with openssl (Debian's, always there). The API is
  // addressed as localhost: https-proxy-agent checks a tunnelled certificate against a host name.
  certificate = join(folder, "api-cert.pem");
  const key = join(folder, "api-key.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", certificate], { stdio: "pipe" });
  api = await startFakeHawzuApi({ tokens: { [token]: liveWorkspaceToken() }, tls: { key: readFileSync(key, "utf8"), cert: readFileSync(certificate, "utf8") } });
  apiUrl = api.url.replace("127.0.0.1", "localhost");
  proxyServer = createProxy(http.createServer());
  proxyServer.on("connect", (request: http.IncomingMessage) => connects.push(request.url ?? ""));
  proxyServer.on("connection", (socket: Socket) => socket.on("data", (chunk: Buffer) => bytesToProxy.push(chunk)));
  await new Promise<void>((listening) => proxyServer.listen(0, "127.0.0.1", listening));
  proxyUrl = `http://127.0.0.1:${(proxyServer.address() as AddressInfo).port}`;
  writeFileSync(join(folder, "app.env"), `HAWZU_ACCESS_TOKEN=${token}\n`);
}, 180_000);

afterAll(async () => {
  proxyServer?.closeAllConnections();
  await new Promise<void>((closed) => (proxyServer ? proxyServer.close(() => closed()) : closed()));
  await api?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

// Only PATH and what the test sets: no proxy variable of the machine running the tests leaks in.
function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: folder, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const verification = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ verification: { status: string; reason?: string } }> }).findings[0]!.verification;

describe("--verify through a proxy", () => {
  it("reaches the https API through HTTPS_PROXY in a CONNECT tunnel: the proxy never sees the token", async () => {
    const apiRequests = api.requests.length;
    const result = await cli(["--verify", "--hawzu-url", apiUrl, "-f", "json", "app.env"], { HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: certificate });
    expect(result.stderr).toContain("1 LIVE");
    expect(verification(result.stdout)).toMatchObject({ status: "live" });
    expect(connects).toEqual([new URL(apiUrl).host]);
    expect(api.requestsFor(token).length).toBe(1);
    expect(api.requests.length - apiRequests).toBe(1);
    const seenByProxy = Buffer.concat(bytesToProxy).toString("latin1");
    expect(seenByProxy).toContain(`CONNECT ${new URL(apiUrl).host}`);
    expect(seenByProxy).not.toContain(token);
    expect(seenByProxy).not.toContain("Bearer");
    expect(result.stdout + result.stderr).not.toContain(token);
  });

  it("goes direct for a host NO_PROXY names, and HTTP_PROXY serves when HTTPS_PROXY is unset", async () => {
    connects.length = 0;
    const direct = await cli(["--verify", "--hawzu-url", apiUrl, "-f", "json", "app.env"], { HTTPS_PROXY: proxyUrl, NO_PROXY: "localhost", NODE_EXTRA_CA_CERTS: certificate });
    expect(verification(direct.stdout)).toMatchObject({ status: "live" });
    expect(connects).toEqual([]);
    const fallback = await cli(["--verify", "--hawzu-url", apiUrl, "-f", "json", "app.env"], { HTTP_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: certificate });
    expect(verification(fallback.stdout)).toMatchObject({ status: "live" });
    expect(connects).toEqual([new URL(apiUrl).host]);
  });

  it("never sends a plain http (loopback) request through a proxy, where the token would travel in clear", async () => {
    const plain = await startFakeHawzuApi({ tokens: { [token]: liveWorkspaceToken() } });
    try {
      connects.length = 0;
      bytesToProxy.length = 0;
      const result = await cli(["--verify", "--hawzu-url", plain.url, "-f", "json", "app.env"], { HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl });
      expect(verification(result.stdout)).toMatchObject({ status: "live" });
      expect(bytesToProxy).toEqual([]);
      expect(plain.requestsFor(token)).toHaveLength(1);
    } finally {
      await plain.close();
    }
  });

  it("names the certificate as the likely cause, and NODE_EXTRA_CA_CERTS as the fix, when TLS is not trusted", async () => {
    const result = await cli(["--verify", "--hawzu-url", apiUrl, "-f", "json", "app.env"], { HTTPS_PROXY: proxyUrl });
    expect(verification(result.stdout)).toMatchObject({ status: "unknown" });
    const line = result.stderr.split("\n").find((text) => text.includes("cannot reach the Hawzu API"));
    expect(line).toMatch(new RegExp(`^hawzu-scan: cannot reach the Hawzu API at ${apiUrl.replace(/\./g, "\\.")} through the proxy 127\\.0\\.0\\.1:\\d+ \\([A-Z_]+\\): the TLS certificate is not trusted: .*NODE_EXTRA_CA_CERTS=`));
    expect(result.stdout + result.stderr).not.toContain(token);
  }, 60_000);
});
