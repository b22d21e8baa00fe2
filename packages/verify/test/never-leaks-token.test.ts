import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, redact } from "@hawzu-scan/core";
import { createVerifier, renderRevocationReport, verify, type AttemptEvent, type VerificationResult } from "../src/index.js";
import { fast, liveWorkspaceToken, newToken, rateLimitedFirst, startFakeHawzuApi, type Behaviour, type FakeHawzuApi } from "./helpers.js";

// Every failure mode the verifier knows, each with its own token. Whatever comes out (results,
// events, thrown errors, reports) is collected, then searched for every token. The console is
// already forbidden by test/setup/fail-on-console.ts.
const seen: string[] = [];
const record = (value: unknown) => seen.push(value instanceof Error ? `${value.name} ${value.message} ${value.stack}` : JSON.stringify(value));
const tokens: string[] = [];
const results: { token: string; result: VerificationResult }[] = [];
let api: FakeHawzuApi;

function withToken(make: (token: string) => Behaviour): [string, Behaviour] {
  const token = newToken();
  tokens.push(token);
  return [token, make(token)];
}

beforeAll(async () => {
  const scenarios = [
    withToken(() => liveWorkspaceToken()),
    withToken((token) => liveWorkspaceToken({ name: `copy of ${token}`, workspace: { id: token, name: token }, projects: [{ id: "p", name: token, role: token }] })),
    withToken(() => ({ kind: "revoked" })),
    withToken(() => ({ kind: "expired" })),
    withToken(() => ({ kind: "disabled" })),
    withToken(() => ({ kind: "rate-limited", retryAfter: "0" })),
    withToken(() => rateLimitedFirst(1, "9999", liveWorkspaceToken())),
    withToken(() => ({ kind: "server-error" })),
    withToken(() => ({ kind: "html-403" })),
    withToken((token) => ({ kind: "redirect", location: `https://evil.example/collect?token=${token}` })),
    withToken((token) => ({ kind: "redirect", location: `/api/v1/me?token=${token}` })),
    withToken(() => ({ kind: "non-json-200" })),
    withToken((token) => ({ kind: "live", identity: { note: token } })),
  ];
  api = await startFakeHawzuApi({ tokens: Object.fromEntries(scenarios) });
  const verifier = createVerifier({ ...fast, baseUrl: api.url, maxRetryAfterMs: 1_000, onAttempt: record });
  for (const [token] of scenarios) results.push({ token, result: await verifier.verify(token) });

  // A timeout needs its own short limit; the other scenarios keep a generous one on a busy machine.
  const [slowToken, slow] = withToken(() => ({ kind: "slow", delayMs: 1_000, then: liveWorkspaceToken() }));
  api.setToken(slowToken, slow);
  results.push({ token: slowToken, result: await verify(slowToken, { ...fast, baseUrl: api.url, timeoutMs: 100, onAttempt: record }) });

  const closed = await startFakeHawzuApi();
  await closed.close();
  const networkToken = newToken();
  tokens.push(networkToken);
  results.push({ token: networkToken, result: await verify(networkToken, { ...fast, baseUrl: closed.url, onAttempt: (event: AttemptEvent) => record(event) }) });

  const unsendable = `${newToken()} ${newToken()}`;
  tokens.push(unsendable);
  results.push({ token: unsendable, result: await verify(unsendable, { ...fast, baseUrl: api.url }) });

  // Mistakes a user or caller can make with a token at hand.
  const misplaced = newToken();
  tokens.push(misplaced);
  for (const baseUrl of [`https://ci:${misplaced}@api.hawzu.com`, `http://api.hawzu.com/${misplaced}`, misplaced, `https://api.hawzu.com/?token=${misplaced}`]) {
    await verify(newToken(), { baseUrl }).catch(record);
    try {
      createVerifier({ baseUrl });
    } catch (error) {
      record(error);
    }
  }
  await verifier.verify(misplaced, fingerprint(newToken())).catch(record);

  for (const { result } of results) record(result);
  const entries = results.map(({ token, result }) => ({ file: "f.txt", line: 1, column: 1, fingerprint: fingerprint(token), redacted: redact(token), verification: result }));
  seen.push(renderRevocationReport(entries, { format: "markdown" }), renderRevocationReport(entries, { format: "json" }));
}, 30_000);
afterAll(() => api.close());

describe("the token never leaves the Authorization header", () => {
  it("covers every state and reason", () => {
    const states = new Set(results.map(({ result }) => (result.status === "unknown" ? result.reason : result.status)));
    expect([...states].sort()).toEqual(
      ["live", "inactive", "rate-limited", "server-error", "timeout", "redirect", "not-json", "not-an-identity", "network-error", "invalid-token-text"].sort(),
    );
    expect(seen.filter((text) => text.includes("InvalidBaseUrlError")).length).toBe(8);
    expect(seen.filter((text) => text.includes("TypeError")).length).toBe(1);
  });

  it("appears in no result, event, error or report", () => {
    const leaks = tokens.filter((token) => seen.some((text) => text.includes(token)));
    // A count, not the tokens: a failing assertion must not print them either.
    const where = seen.flatMap((text, index) => (tokens.some((token) => text.includes(token)) ? [`#${index} ${text.slice(0, 30)}`] : []));
    expect(leaks.length, where.join(" | ")).toBe(0);
  });

  it("is withheld from identity text that echoes it", () => {
    const echoed = results[1]!.result;
    expect(echoed.status).toBe("live");
    expect(echoed.status === "live" && echoed.identity.workspace?.name).toBe("(withheld: contained the token)");
    expect(echoed.status === "live" && echoed.identity.projects[0]?.role).toBe("(withheld: contained the token)");
  });
});
