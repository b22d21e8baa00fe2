import { parseIdentity } from "./parse-identity.js";
import type { Identity, UnknownReason } from "./verification-result.js";

/** What one HTTP response means for the token; `retry` outcomes become `unknown` once retries run out. */
export type ResponseMeaning =
  | { kind: "live"; identity: Identity }
  | { kind: "inactive" }
  | { kind: "retry"; reason: "rate-limited" | "server-error"; detail: string }
  | { kind: "unknown"; reason: UnknownReason; detail: string };

/** The parts of a response the mapping looks at. */
export interface ResponseFacts {
  status: number;
  contentType: string | undefined;
  body: string;
  truncated: boolean;
  location?: string | undefined;
}

/**
 * The one mapping from a `GET /api/v1/me` response to a meaning (table in the README). Strict
 * about "live" and "inactive" because the API documents neither error statuses nor error bodies
 * (HAWZU.md): a proxy's or firewall's page must not pass for the API's answer.
 */
export function classifyResponse(response: ResponseFacts): ResponseMeaning {
  const { status } = response;
  if (status === 429) return { kind: "retry", reason: "rate-limited", detail: "HTTP 429 Too Many Requests" };
  if (status >= 500 && status <= 599) return { kind: "retry", reason: "server-error", detail: `HTTP ${status}` };
  if (status >= 300 && status <= 399) {
    return { kind: "unknown", reason: "redirect", detail: `HTTP ${status} redirect${describeLocation(response.location)} not followed` };
  }
  // 401 is the API refusing the credentials whatever the body says.
  if (status === 401) return { kind: "inactive" };
  if (status !== 403 && (status < 200 || status > 299)) {
    return { kind: "unknown", reason: "unexpected-status", detail: `HTTP ${status} is not an answer the verifier understands` };
  }
  if (response.truncated) return { kind: "unknown", reason: "body-too-large", detail: `HTTP ${status} with an oversized body` };
  const json = readJson(response);
  if (json === undefined) {
    const what = /html/i.test(response.contentType ?? "") || /^\s*</.test(response.body) ? "an HTML page" : "a non-JSON body";
    return { kind: "unknown", reason: "not-json", detail: `HTTP ${status} with ${what}, not the API's JSON (a proxy or firewall?)` };
  }
  // 403 with a JSON body is the API refusing the token (revoked, expired, disabled: it won't say).
  if (status === 403) return { kind: "inactive" };
  const identity = parseIdentity(json.value);
  if (!identity) return { kind: "unknown", reason: "not-an-identity", detail: `HTTP ${status} JSON body has no identity (no id)` };
  return { kind: "live", identity };
}

function readJson(response: ResponseFacts): { value: unknown } | undefined {
  if (!/\bjson\b/i.test(response.contentType ?? "")) return undefined;
  try {
    return { value: JSON.parse(response.body) as unknown };
  } catch {
    return undefined;
  }
}

/** Names the redirect's target host (never its path or query, which could hold anything). */
function describeLocation(location: string | undefined): string {
  if (!location) return "";
  try {
    return ` to ${new URL(location).host || "a relative location"}`;
  } catch {
    return " to a relative location";
  }
}
