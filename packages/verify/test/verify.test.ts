import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { InvalidBaseUrlError, USER_AGENT, verify, type AttemptEvent } from "../src/index.js";
import {
  fast,
  intermittentServerError,
  liveProjectToken,
  liveWorkspaceToken,
  newToken,
  rateLimitedFirst,
  startFakeHawzuApi,
  type Behaviour,
  type FakeHawzuApi,
} from "./helpers.js";

const servers: FakeHawzuApi[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Starts a fake API where `token` plays `behaviour`. */
async function apiFor(token: string, behaviour: Behaviour) {
  const api = await startFakeHawzuApi({ tokens: { [token]: behaviour } });
  servers.push(api);
  return api;
}

describe("verify: live", () => {
  it("reports a live workspace token with its identity, in one request", async () => {
    const token = newToken();
    const api = await apiFor(token, liveWorkspaceToken());
    const result = await verify(token, { ...fast, baseUrl: api.url });
    expect(result).toMatchObject({
      status: "live",
      httpStatus: 200,
      attempts: 1,
      identity: {
        id: "tok_ws_001",
        type: "WORKSPACE_TOKEN",
        name: "CI deploy (workspace)",
        accessType: "workspace",
        workspace: { id: "ws_001", name: "Acme QA", role: "ADMIN" },
        projects: [],
      },
    });
    expect(result.status === "live" && "created_at" in result.identity).toBe(false);
    expect(Date.parse(result.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("sends GET /api/v1/me with the bearer token, the User-Agent and Accept: application/json", async () => {
    const token = newToken();
    const api = await apiFor(token, liveWorkspaceToken());
    await verify(token, { ...fast, baseUrl: api.url });
    expect(api.requests).toEqual([
      expect.objectContaining({
        method: "GET",
        path: "/api/v1/me",
        tokenFingerprint: "sha256:" + createHash("sha256").update(token).digest("hex"),
        userAgent: USER_AGENT,
        accept: "application/json",
      }),
    ]);
    expect(USER_AGENT).toBe("hawzu-scan/0.1.0");
  });

  it("reports a live project token with its projects and roles", async () => {
    const token = newToken();
    const api = await apiFor(token, liveProjectToken());
    const result = await verify(token, { ...fast, baseUrl: api.url });
    expect(result).toMatchObject({
      status: "live",
      identity: {
        accessType: "project",
        projects: [
          { id: "proj_101", name: "Checkout", role: "TESTER" },
          { id: "proj_102", name: "Payments", role: "VIEWER" },
        ],
      },
    });
  });

  it("keeps a base URL path (a proxy) in front of /api/v1/me", async () => {
    const token = newToken();
    const api = await apiFor(token, liveWorkspaceToken());
    // The fake only serves /api/v1/me, so a prefixed path proves the prefix was used: 404 -> unknown.
    const result = await verify(token, { ...fast, baseUrl: `${api.url}/proxy/` });
    expect(api.requests[0]?.path).toBe("/proxy/api/v1/me");
    expect(result).toMatchObject({ status: "unknown", reason: "unexpected-status", httpStatus: 404 });
  });
});

describe("verify: inactive", () => {
  it.each([
    ["revoked", 401],
    ["expired", 401],
    ["disabled", 403],
  ] as const)("reports a %s token as inactive (HTTP %i), without saying which", async (kind, httpStatus) => {
    const token = newToken();
    const api = await apiFor(token, { kind });
    const result = await verify(token, { ...fast, baseUrl: api.url });
    expect(result).toEqual({ status: "inactive", httpStatus, checkedAt: expect.any(String), attempts: 1 });
    expect(api.requests).toHaveLength(1);
  });

  it("reports a token the API never knew as inactive", async () => {
    const api = await apiFor(newToken(), liveWorkspaceToken());
    expect(await verify(newToken(), { ...fast, baseUrl: api.url })).toMatchObject({ status: "inactive", httpStatus: 401 });
  });
});

describe("verify: retries", () => {
  it("honours Retry-After (seconds) on 429, then reports live", async () => {
    const token = newToken();
    const api = await apiFor(token, rateLimitedFirst(2, "1", liveWorkspaceToken()));
    const started = Date.now();
    const result = await verify(token, { ...fast, baseUrl: api.url });
    expect(result).toMatchObject({ status: "live", attempts: 3 });
    expect(api.requests).toHaveLength(3);
    const [first, second, third] = api.requests.map((request) => request.receivedAt);
    expect(second! - first!).toBeGreaterThanOrEqual(990);
    expect(third! - second!).toBeGreaterThanOrEqual(990);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("honours Retry-After given as an HTTP date", async () => {
    const token = newToken();
    // HTTP dates have whole seconds: 3 s ahead means a wait of at least 2 s.
    const api = await apiFor(token, rateLimitedFirst(1, new Date(Date.now() + 3_000).toUTCString(), liveWorkspaceToken()));
    const result = await verify(token, { ...fast, baseUrl: api.url });
    expect(result).toMatchObject({ status: "live", attempts: 2 });
    expect(api.requests[1]!.receivedAt - api.requests[0]!.receivedAt).toBeGreaterThanOrEqual(990);
  });

  it("does not retry early when Retry-After exceeds the cap: unknown, rate-limited", async () => {
    const token = newToken();
    const api = await apiFor(token, rateLimitedFirst(1, "3600", liveWorkspaceToken()));
    const result = await verify(token, { ...fast, baseUrl: api.url, maxRetryAfterMs: 2_000 });
    expect(result).toMatchObject({ status: "unknown", reason: "rate-limited", httpStatus: 429, attempts: 1 });
    expect(result.status === "unknown" && result.detail).toMatch(/asked to wait 3600 s/);
    expect(api.requests).toHaveLength(1);
  });

  it("gives up after 3 retries of 429: 4 requests, unknown", async () => {
    const token = newToken();
    const api = await apiFor(token, { kind: "rate-limited" });
    const result = await verify(token, { ...fast, baseUrl: api.url });
    expect(result).toMatchObject({ status: "unknown", reason: "rate-limited", httpStatus: 429, attempts: 4 });
    expect(api.requests).toHaveLength(4);
  });

  it("retries an intermittent 500 and reports live", async () => {
    const token = newToken();
    const api = await apiFor(token, intermittentServerError(2, liveProjectToken()));
    const events: AttemptEvent[] = [];
    const result = await verify(token, { ...fast, baseUrl: api.url, onAttempt: (event) => events.push(event) });
    expect(result).toMatchObject({ status: "live", attempts: 3 });
    expect(api.requests).toHaveLength(3);
    expect(events.map((event) => event.httpStatus)).toEqual([500, 500, 200]);
    expect(events[0]!.retryInMs).toBeLessThanOrEqual(5);
    expect(events[1]!.retryInMs).toBeLessThanOrEqual(10);
  });

  it("gives up on a server that keeps failing: 4 requests, unknown server-error", async () => {
    const token = newToken();
    const api = await apiFor(token, { kind: "server-error", status: 503 });
    const result = await verify(token, { ...fast, baseUrl: api.url });
    expect(result).toMatchObject({ status: "unknown", reason: "server-error", httpStatus: 503, attempts: 4 });
    expect(api.requests).toHaveLength(4);
  });

  it("sends no retry when maxRetries is 0", async () => {
    const token = newToken();
    const api = await apiFor(token, { kind: "server-error" });
    expect(await verify(token, { ...fast, baseUrl: api.url, maxRetries: 0 })).toMatchObject({ status: "unknown", attempts: 1 });
    expect(api.requests).toHaveLength(1);
  });

  it("refuses more than 3 retries", async () => {
    await expect(verify(newToken(), { maxRetries: 4 })).rejects.toThrow(RangeError);
  });

  it("retries network errors, then reports unknown", async () => {
    const api = await startFakeHawzuApi();
    const url = api.url;
    await api.close();
    const result = await verify(newToken(), { ...fast, baseUrl: url });
    expect(result).toMatchObject({ status: "unknown", reason: "network-error", attempts: 4 });
    expect(result.status === "unknown" && result.detail).toMatch(/ECONNREFUSED/);
  });
});

describe("verify: unknown", () => {
  it("times out a response slower than the timeout, without retrying by default", async () => {
    const token = newToken();
    const api = await apiFor(token, { kind: "slow", delayMs: 2_000, then: liveWorkspaceToken() });
    const started = Date.now();
    const result = await verify(token, { ...fast, baseUrl: api.url, timeoutMs: 100 });
    expect(result).toMatchObject({ status: "unknown", reason: "timeout", attempts: 1 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(api.requests).toHaveLength(1);
  });

  it("retries timeouts when asked to", async () => {
    const token = newToken();
    const api = await apiFor(token, { kind: "slow", delayMs: 2_000, then: liveWorkspaceToken() });
    const result = await verify(token, { ...fast, baseUrl: api.url, timeoutMs: 60, retryOnTimeout: true });
    expect(result).toMatchObject({ status: "unknown", reason: "timeout", attempts: 4 });
    expect(api.requests).toHaveLength(4);
  });

  it("a slow answer within the timeout is still live", async () => {
    const token = newToken();
    const api = await apiFor(token, { kind: "slow", delayMs: 50, then: liveWorkspaceToken() });
    expect(await verify(token, { ...fast, baseUrl: api.url, timeoutMs: 2_000 })).toMatchObject({ status: "live" });
  });

  it("does not take an HTML 403 page (a firewall) for the API", async () => {
    const token = newToken();
    const api = await apiFor(token, { kind: "html-403" });
    const result = await verify(token, { ...fast, baseUrl: api.url });
    expect(result).toMatchObject({ status: "unknown", reason: "not-json", httpStatus: 403, attempts: 1 });
    expect(result.status === "unknown" && result.detail).toMatch(/HTML page/);
  });

  it("does not take a non-JSON 200 for live", async () => {
    const token = newToken();
    const api = await apiFor(token, { kind: "non-json-200" });
    expect(await verify(token, { ...fast, baseUrl: api.url })).toMatchObject({ status: "unknown", reason: "not-json", httpStatus: 200 });
  });

  it("does not take a JSON 200 without an identity for live", async () => {
    const token = newToken();
    const api = await apiFor(token, { kind: "live", identity: { ok: true } });
    expect(await verify(token, { ...fast, baseUrl: api.url })).toMatchObject({ status: "unknown", reason: "not-an-identity" });
  });

  it.each([301, 302, 303, 307, 308] as const)("never follows a %i redirect to another host", async (status) => {
    const token = newToken();
    const otherHost = await apiFor(token, liveWorkspaceToken());
    const api = await apiFor(token, { kind: "redirect", status, location: `${otherHost.url}/api/v1/me` });
    const result = await verify(token, { ...fast, baseUrl: api.url });
    expect(result).toMatchObject({ status: "unknown", reason: "redirect", httpStatus: status, attempts: 1 });
    expect(result.status === "unknown" && result.detail).toContain(new URL(otherHost.url).host);
    expect(api.requests).toHaveLength(1);
    expect(otherHost.requests).toHaveLength(0);
  });

  it("does not send a token that cannot be a header value", async () => {
    const api = await apiFor(newToken(), liveWorkspaceToken());
    const result = await verify("abc def\nghi-12345678", { ...fast, baseUrl: api.url });
    expect(result).toMatchObject({ status: "unknown", reason: "invalid-token-text", attempts: 0 });
    expect(api.requests).toHaveLength(0);
  });
});

describe("verify: https only", () => {
  it.each(["http://api.hawzu.com", "http://10.0.0.5:8080", "ftp://127.0.0.1", "https://user:secret@api.hawzu.com", "not a url"])(
    "refuses %s before sending anything",
    async (baseUrl) => {
      await expect(verify(newToken(), { ...fast, baseUrl })).rejects.toThrow(InvalidBaseUrlError);
    },
  );

  it("accepts http on loopback addresses", async () => {
    const token = newToken();
    const api = await apiFor(token, liveWorkspaceToken());
    const port = new URL(api.url).port;
    expect(await verify(token, { ...fast, baseUrl: `http://localhost:${port}` })).toMatchObject({ status: "live" });
  });
});
