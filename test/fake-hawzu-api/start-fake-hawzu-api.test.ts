import { seededRandom } from "../support/seeded-random.js";
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { liveProjectToken, liveWorkspaceToken, rateLimitedFirst, startFakeHawzuApi, type FakeHawzuApi } from "./index.js";

// Seeded, so every run draws the same values: nothing here passes or fails by chance.
const random = seededRandom("start-fake-hawzu-api");

const newToken = () => random.bytes(24).toString("base64url");

/** A raw GET with node:http, so the fake is tested without the client it stands in for. */
function get(url: string, token?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.get(url, { headers: token ? { authorization: `Bearer ${token}`, "user-agent": "fake-test" } : {} }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
  });
}

let api: FakeHawzuApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe("startFakeHawzuApi", () => {
  it("listens on 127.0.0.1 at a random port", async () => {
    api = await startFakeHawzuApi();
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const other = await startFakeHawzuApi();
    expect(other.url).not.toBe(api.url);
    await other.close();
  });

  it("answers /api/v1/me and /api/v1/workspaces for a live token", async () => {
    const token = newToken();
    api = await startFakeHawzuApi({ tokens: { [token]: liveWorkspaceToken() } });
    const me = await get(`${api.url}/api/v1/me`, token);
    expect(me.status).toBe(200);
    expect(me.headers["content-type"]).toMatch(/application\/json/);
    expect(JSON.parse(me.body)).toMatchObject({ type: "WORKSPACE_TOKEN", workspace: { id: "ws_001" } });
    const workspaces = await get(`${api.url}/api/v1/workspaces`, token);
    expect(JSON.parse(workspaces.body)).toEqual({ data: [{ id: "ws_001", name: "Acme QA", role: "ADMIN" }] });
  });

  it("gives 401 with a JSON body to unknown or missing tokens, 404 elsewhere", async () => {
    api = await startFakeHawzuApi();
    expect((await get(`${api.url}/api/v1/me`, newToken())).status).toBe(401);
    expect((await get(`${api.url}/api/v1/me`)).status).toBe(401);
    expect((await get(`${api.url}/api/v1/nothing`, newToken())).status).toBe(404);
  });

  it("plays revoked, expired, disabled, html-403, non-JSON 200 and redirects", async () => {
    const [revoked, expired, disabled, html, text, moved] = Array.from({ length: 6 }, newToken);
    api = await startFakeHawzuApi({
      tokens: {
        [revoked!]: { kind: "revoked" },
        [expired!]: { kind: "expired" },
        [disabled!]: { kind: "disabled" },
        [html!]: { kind: "html-403" },
        [text!]: { kind: "non-json-200" },
        [moved!]: { kind: "redirect", location: "http://127.0.0.2:9/elsewhere" },
      },
    });
    expect((await get(`${api.url}/api/v1/me`, revoked)).status).toBe(401);
    expect((await get(`${api.url}/api/v1/me`, expired)).status).toBe(401);
    const disabledAnswer = await get(`${api.url}/api/v1/me`, disabled);
    expect([disabledAnswer.status, JSON.parse(disabledAnswer.body).error]).toEqual([403, "forbidden"]);
    const htmlAnswer = await get(`${api.url}/api/v1/me`, html);
    expect([htmlAnswer.status, htmlAnswer.headers["content-type"]]).toEqual([403, "text/html; charset=utf-8"]);
    const textAnswer = await get(`${api.url}/api/v1/me`, text);
    expect([textAnswer.status, textAnswer.body]).toEqual([200, "OK"]);
    const movedAnswer = await get(`${api.url}/api/v1/me`, moved);
    expect([movedAnswer.status, movedAnswer.headers.location]).toEqual([302, "http://127.0.0.2:9/elsewhere"]);
  });

  it("plays a sequence per token: 429 with Retry-After first, then live", async () => {
    const token = newToken();
    api = await startFakeHawzuApi({ tokens: { [token]: rateLimitedFirst(2, "1", liveProjectToken()) } });
    const first = await get(`${api.url}/api/v1/me`, token);
    const second = await get(`${api.url}/api/v1/me`, token);
    const third = await get(`${api.url}/api/v1/me`, token);
    expect([first.status, first.headers["retry-after"], second.status, third.status]).toEqual([429, "1", 429, 200]);
    expect(api.rateLimitedCount).toBe(2);
  });

  it("records requests by token fingerprint, never the token", async () => {
    const token = newToken();
    api = await startFakeHawzuApi({ tokens: { [token]: liveWorkspaceToken() } });
    await get(`${api.url}/api/v1/me`, token);
    await get(`${api.url}/api/v1/me`, newToken());
    expect(api.requests).toHaveLength(2);
    expect(api.requestsFor(token)).toHaveLength(1);
    expect(api.requestsFor(token)[0]).toMatchObject({ method: "GET", path: "/api/v1/me", userAgent: "fake-test" });
    expect(JSON.stringify(api.requests)).not.toContain(token);
  });

  it("counts requests in flight while a slow answer is pending", async () => {
    const token = newToken();
    api = await startFakeHawzuApi({ tokens: { [token]: { kind: "slow", delayMs: 150, then: liveWorkspaceToken() } } });
    const started = Date.now();
    const answers = await Promise.all([get(`${api.url}/api/v1/me`, token), get(`${api.url}/api/v1/me`, token), get(`${api.url}/api/v1/me`, token)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(api.peakInFlight).toBe(3);
  });

  it("limits all requests to a rate with 429 and Retry-After", async () => {
    const token = newToken();
    api = await startFakeHawzuApi({ tokens: { [token]: liveWorkspaceToken() }, rateLimit: { perSecond: 3, retryAfterSeconds: 1 } });
    const statuses = [];
    for (let index = 0; index < 5; index++) statuses.push((await get(`${api.url}/api/v1/me`, token)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(api.rateLimitedCount).toBe(2);
  });
});
