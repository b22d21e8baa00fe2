import { describe, expect, it } from "vitest";
import { classifyResponse, type ResponseFacts } from "../src/classify-response.js";

const JSON_TYPE = "application/json; charset=utf-8";
const identity = JSON.stringify({ id: "tok_1", type: "WORKSPACE_TOKEN", workspace: { id: "ws_1" } });
const facts = (status: number, contentType: string | undefined, body: string, extra: Partial<ResponseFacts> = {}): ResponseFacts => ({
  status,
  contentType,
  body,
  truncated: false,
  ...extra,
});

// The README's mapping table, case by case.
describe("classifyResponse", () => {
  it.each([
    ["2xx + JSON identity", facts(200, JSON_TYPE, identity), "live"],
    ["203 + JSON identity", facts(203, "application/vnd.hawzu+json", identity), "live"],
    ["401 + JSON", facts(401, JSON_TYPE, '{"error":"unauthorized"}'), "inactive"],
    ["401 + empty body", facts(401, undefined, ""), "inactive"],
    ["403 + JSON error body", facts(403, JSON_TYPE, '{"error":"forbidden"}'), "inactive"],
    ["429", facts(429, JSON_TYPE, "{}"), "retry"],
    ["500", facts(500, JSON_TYPE, "{}"), "retry"],
    ["503 + HTML", facts(503, "text/html", "<html>"), "retry"],
  ] as const)("%s -> %s", (_, response, kind) => {
    expect(classifyResponse(response).kind).toBe(kind);
  });

  it.each([
    ["403 + HTML page", facts(403, "text/html", "<!doctype html><h1>Forbidden</h1>"), "not-json"],
    ["403 + JSON-looking body without a JSON content type", facts(403, "text/plain", '{"error":"x"}'), "not-json"],
    ["403 + broken JSON", facts(403, JSON_TYPE, "{oops"), "not-json"],
    ["200 + text", facts(200, "text/plain", "OK"), "not-json"],
    ["200 + HTML login page", facts(200, "text/html", "<html>Sign in</html>"), "not-json"],
    ["200 + JSON without id", facts(200, JSON_TYPE, '{"ok":true}'), "not-an-identity"],
    ["200 + JSON array", facts(200, JSON_TYPE, "[]"), "not-an-identity"],
    ["200 + oversized body", facts(200, JSON_TYPE, "", { truncated: true }), "body-too-large"],
    ["302", facts(302, undefined, "", { location: "https://login.example.com/sso?next=x" }), "redirect"],
    ["304", facts(304, undefined, ""), "redirect"],
    ["404", facts(404, JSON_TYPE, "{}"), "unexpected-status"],
    ["400", facts(400, JSON_TYPE, "{}"), "unexpected-status"],
    ["407 proxy auth", facts(407, "text/html", ""), "unexpected-status"],
    ["100", facts(100, undefined, ""), "unexpected-status"],
  ] as const)("%s -> unknown (%s)", (_, response, reason) => {
    const meaning = classifyResponse(response);
    expect(meaning).toMatchObject({ kind: "unknown", reason });
  });

  it("names only the host a redirect points to", () => {
    const meaning = classifyResponse(facts(302, undefined, "", { location: "https://login.example.com/sso?next=abc123" }));
    expect(meaning.kind === "unknown" && meaning.detail).toBe("HTTP 302 redirect to login.example.com not followed");
  });
});
