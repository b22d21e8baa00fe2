// Fault injection, end to end: `--verify` while the Hawzu API (a real server on 127.0.0.1) refuses
// connections or resets them mid-response. The built CLI as a child process.

import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, envLine, expectCleanOutput, folder, linesOf, removeFolders, seededTokens } from "./fault-fixture.js";
import { buildCli } from "../support/built-cli.js";

const fakeToken = seededTokens(0x10_0003);

beforeAll(buildCli, 180_000);
afterAll(removeFolders);

/** A port on 127.0.0.1 that was just free and has nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An API that starts each answer (status, headers, part of the body), then resets the connection. */
async function resettingApi(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createHttpServer((request, response) => {
    requests++;
    response.writeHead(200, { "content-type": "application/json", "content-length": "400" });
    response.write('{"id":"tok_1","type":"PROJECT_TOKEN","na', () => {
      const socket = request.socket as typeof request.socket & { resetAndDestroy?: () => void };
      if (socket.resetAndDestroy) socket.resetAndDestroy();
      else socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("--verify when the Hawzu API fails", () => {
  it("connection refused: the finding stays, its verification is unknown, a line naming the URL and cause, one summary line, exit 1", async () => {
    const token = fakeToken();
    const cwd = folder({ ".env": `${envLine(token)}\n` });
    const port = await closedPort();
    const result = await cli(["--verify", "--hawzu-url", `http://127.0.0.1:${port}`, "-f", "json", "."], { cwd });
    expect(result.code, result.stderr).toBe(1);
    const [finding] = JSON.parse(result.stdout).findings;
    expect(finding.verification).toMatchObject({ status: "unknown" });
    // Refused connections: one line naming the URL and the likely cause (issue 15), then the summary.
    expect(linesOf(result.stderr)).toEqual([
      expect.stringContaining(`cannot reach the Hawzu API at http://127.0.0.1:${port} (ECONNREFUSED): nothing accepts connections there: check --hawzu-url`),
      expect.stringContaining("0 live, 0 inactive, 1 unknown"),
    ]);
    expectCleanOutput(result, [token]);
  });

  it("reset mid-response: unknown, never live; one summary line, exit 1", async () => {
    const token = fakeToken();
    const cwd = folder({ ".env": `${envLine(token)}\n` });
    const api = await resettingApi();
    try {
      const result = await cli(["--verify", "--hawzu-url", api.url, "-f", "json", "."], { cwd });
      expect(api.requests()).toBeGreaterThan(0);
      expect(result.code, result.stderr).toBe(1);
      expect(JSON.parse(result.stdout).findings[0].verification).toMatchObject({ status: "unknown" });
      expect(linesOf(result.stderr)).toEqual([expect.stringContaining("0 live, 0 inactive, 1 unknown")]);
      expectCleanOutput(result, [token]);
    } finally {
      await api.close();
    }
  });

  it("reset mid-response with a revocation report: still written, exit 1", async () => {
    const token = fakeToken();
    const cwd = folder({ "deploy.sh": `export ${envLine(token)}\n` });
    const api = await resettingApi();
    try {
      const result = await cli(["--verify", "--hawzu-url", api.url, "--revocation-report", "revoke.md", "."], { cwd });
      expect(result.code, result.stderr).toBe(1);
      expect(linesOf(result.stderr)).toEqual([expect.stringContaining("1 unknown"), expect.stringContaining("wrote the revocation report revoke.md")]);
      expectCleanOutput(result, [token]);
    } finally {
      await api.close();
    }
  });
});
