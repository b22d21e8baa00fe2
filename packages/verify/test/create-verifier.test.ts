import { afterEach, describe, expect, it } from "vitest";
import { fingerprint } from "@hawzu-scan/core";
import { createVerifier, InvalidBaseUrlError, UNREACHABLE_AFTER } from "../src/index.js";
import { fast, liveProjectToken, liveWorkspaceToken, newToken, rateLimitedFirst, startFakeHawzuApi, type FakeHawzuApi } from "./helpers.js";

let api: FakeHawzuApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe("createVerifier", () => {
  it("sends each distinct token once, however often and however concurrently it is asked", async () => {
    const token = newToken();
    api = await startFakeHawzuApi({ tokens: { [token]: { kind: "slow", delayMs: 50, then: liveWorkspaceToken() } } });
    const verifier = createVerifier({ ...fast, baseUrl: api.url });
    const results = await Promise.all(Array.from({ length: 20 }, () => verifier.verify(token)));
    expect(new Set(results.map((result) => result.status))).toEqual(new Set(["live"]));
    expect(await verifier.verify(token)).toBe(results[0]);
    expect(api.requestsFor(token)).toHaveLength(1);
    expect(verifier.stats()).toMatchObject({ tokens: 1, requests: 1, retries: 0 });
  });

  it("verifyFindings returns results in order and dedupes by fingerprint", async () => {
    const [workspace, project, unknownToApi] = [newToken(), newToken(), newToken()];
    api = await startFakeHawzuApi({ tokens: { [workspace]: liveWorkspaceToken(), [project]: liveProjectToken() } });
    const verifier = createVerifier({ ...fast, baseUrl: api.url });
    const items = [workspace, project, workspace, unknownToApi, project, workspace].map((token) => ({ token, fingerprint: fingerprint(token) }));
    const results = await verifier.verifyFindings(items);
    expect(results.map((result) => result.status)).toEqual(["live", "live", "live", "inactive", "live", "live"]);
    expect(results[1]!.status === "live" && results[1]!.identity.accessType).toBe("project");
    expect(api.requests).toHaveLength(3);
  });

  it("rejects a token paired with another token's fingerprint", async () => {
    api = await startFakeHawzuApi();
    const verifier = createVerifier({ ...fast, baseUrl: api.url });
    await expect(verifier.verify(newToken(), fingerprint(newToken()))).rejects.toThrow(TypeError);
    expect(api.requests).toHaveLength(0);
  });

  it.each([
    [undefined, 4],
    [2, 2],
    [7, 7],
  ])("keeps at most %s (default 4) requests in flight", async (concurrency, expected) => {
    const tokens = Array.from({ length: 16 }, newToken);
    api = await startFakeHawzuApi({
      tokens: Object.fromEntries(tokens.map((token) => [token, { kind: "slow", delayMs: 40, then: liveWorkspaceToken() }])),
    });
    const verifier = createVerifier({ ...fast, baseUrl: api.url, ...(concurrency === undefined ? {} : { concurrency }) });
    const results = await verifier.verifyFindings(tokens.map((token) => ({ token })));
    expect(results.every((result) => result.status === "live")).toBe(true);
    expect(api.peakInFlight).toBe(expected);
    expect(verifier.stats()).toMatchObject({ tokens: 16, requests: 16, peakConcurrency: expected });
  });

  it("counts retries and 429s, and makes the run wait out a Retry-After", async () => {
    const [limited, other] = [newToken(), newToken()];
    api = await startFakeHawzuApi({ tokens: { [limited]: rateLimitedFirst(1, "1", liveWorkspaceToken()), [other]: liveWorkspaceToken() } });
    const verifier = createVerifier({ ...fast, baseUrl: api.url, concurrency: 1 });
    await verifier.verify(limited);
    await verifier.verify(other);
    expect(verifier.stats()).toMatchObject({ tokens: 2, requests: 3, retries: 1, rateLimited: 1 });
  });

  it("checks the base URL and options when created", () => {
    expect(() => createVerifier({ baseUrl: "http://api.hawzu.com" })).toThrow(InvalidBaseUrlError);
    expect(() => createVerifier({ concurrency: 0 })).toThrow(RangeError);
    expect(() => createVerifier()).not.toThrow();
  });
});

describe("createVerifier against a dead API", () => {
  // A server that accepts each connection and drops it at once: every request fails, and the
  // connections can be counted (a refused port cannot count what it refused).
  const startDroppingServer = async () => {
    const { createServer } = await import("node:net");
    let connections = 0;
    const server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    const { port } = server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}`, connections: () => connections, close: () => new Promise<void>((closed) => server.close(() => closed())) };
  };

  it("stops sending after a few failed connections in a row: the rest are unknown at once", async () => {
    const dead = await startDroppingServer();
    try {
      const tokens = Array.from({ length: 40 }, newToken);
      // Default backoff (500 ms base): each token alone would wait out 3 retries.
      const verifier = createVerifier({ baseUrl: dead.url });
      const results = await verifier.verifyFindings(tokens.map((token) => ({ token })));
      expect(results.every((result) => result.status === "unknown")).toBe(true);
      const reasons = new Set(results.map((result) => result.status === "unknown" && result.reason));
      expect(reasons).toEqual(new Set(["unreachable"]));
      const details = results.map((result) => (result.status === "unknown" ? result.detail : ""));
      expect(details.filter((detail) => detail.startsWith("not sent: 4 connections in a row failed (ECONNRESET)")).length).toBeGreaterThanOrEqual(40 - 8);
      // At most the failures that open the breaker plus the requests already in flight.
      expect(dead.connections()).toBeLessThanOrEqual(UNREACHABLE_AFTER + 4);
      expect(verifier.stats()).toMatchObject({ unreachable: "ECONNRESET" });
    } finally {
      await dead.close();
    }
  });

  it("an answer in between resets the count: a flaky API is not taken for a dead one", async () => {
    const token = newToken();
    api = await startFakeHawzuApi({ tokens: { [token]: liveWorkspaceToken() } });
    const dead = await startDroppingServer();
    try {
      // Three failures, then answers: no breaker.
      const failing = createVerifier({ ...fast, baseUrl: dead.url, maxRetries: 2 });
      await failing.verify(newToken());
      expect(failing.stats().unreachable).toBeUndefined();
      const healthy = createVerifier({ ...fast, baseUrl: api.url });
      expect(await healthy.verify(token)).toMatchObject({ status: "live" });
      expect(healthy.stats().unreachable).toBeUndefined();
    } finally {
      await dead.close();
    }
  });
});
