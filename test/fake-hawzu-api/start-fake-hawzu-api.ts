import { createHash } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { Behaviour } from "./behaviours.js";

/** One request the fake API received. Holds the token's fingerprint, never the token. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** `sha256:<hex>` of the bearer token, as the core writes fingerprints; undefined without one. */
  tokenFingerprint: string | undefined;
  userAgent: string | undefined;
  accept: string | undefined;
  /** Date.now() when it arrived. */
  receivedAt: number;
}

export interface FakeHawzuApiOptions {
  /** What each token gets; any other token (or none) gets 401 with a JSON error body. */
  tokens?: Record<string, Behaviour>;
  /** A fixed-window limit over all requests: beyond `perSecond` in a second, 429 with Retry-After. */
  rateLimit?: { perSecond: number; retryAfterSeconds: number };
  /** Serve https with this key and certificate (PEM), as the real API does; default plain http. */
  tls?: { key: string; cert: string };
}

export interface FakeHawzuApi {
  /** `http://127.0.0.1:<port>` (`https:` with `tls`): the base URL to give the verifier. */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Requests that carried `token`. */
  requestsFor(token: string): RecordedRequest[];
  /** The most requests ever being answered at once. */
  readonly peakInFlight: number;
  /** Answers with status 429 sent. */
  readonly rateLimitedCount: number;
  /** Replaces or adds the behaviour of a token. */
  setToken(token: string, behaviour: Behaviour): void;
  close(): Promise<void>;
}

const fingerprintOf = (token: string) => "sha256:" + createHash("sha256").update(token, "utf8").digest("hex");

/**
 * Starts a stand-in for the Hawzu API on 127.0.0.1 at a random port. It implements
 * `GET /api/v1/me` and `GET /api/v1/workspaces` and plays, per token, a live workspace or project
 * token, revoked, expired and disabled tokens, 429 with Retry-After, 500s, slow answers, an HTML
 * 403 page, a redirect and a non-JSON 200 (see behaviours.ts).
 */
export async function startFakeHawzuApi(options: FakeHawzuApiOptions = {}): Promise<FakeHawzuApi> {
  const tokens = new Map<string, Behaviour>();
  for (const [token, behaviour] of Object.entries(options.tokens ?? {})) tokens.set(fingerprintOf(token), behaviour);
  const callsByToken = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let peakInFlight = 0;
  let rateLimitedCount = 0;
  let windowStart = 0;
  let windowCount = 0;

  const handle: http.RequestListener = (request, response) => {
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight--;
      counted = false;
    };
    response.on("close", done);

    const path = (request.url ?? "/").split("?")[0]!;
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1];
    const tokenFingerprint = bearer === undefined ? undefined : fingerprintOf(bearer);
    requests.push({
      method: request.method ?? "",
      path,
      tokenFingerprint,
      userAgent: request.headers["user-agent"],
      accept: request.headers.accept,
      receivedAt: Date.now(),
    });

    if (options.rateLimit) {
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        windowCount = 0;
      }
      if (++windowCount > options.rateLimit.perSecond) {
        rateLimitedCount++;
        return sendJson(response, 429, { error: "rate_limited" }, { "retry-after": String(options.rateLimit.retryAfterSeconds) });
      }
    }
    if (request.method !== "GET" || (path !== "/api/v1/me" && path !== "/api/v1/workspaces")) {
      return sendJson(response, 404, { error: "not_found" });
    }
    const configured = tokenFingerprint === undefined ? undefined : tokens.get(tokenFingerprint);
    if (!configured || tokenFingerprint === undefined) {
      return sendJson(response, 401, { error: "unauthorized", message: "Invalid or missing access token" });
    }
    const call = callsByToken.get(tokenFingerprint) ?? 0;
    callsByToken.set(tokenFingerprint, call + 1);
    play(configured, call);

    function play(behaviour: Behaviour, callIndex: number): void {
      switch (behaviour.kind) {
        case "sequence":
          return play(behaviour.steps[Math.min(callIndex, behaviour.steps.length - 1)]!, callIndex);
        case "live": {
          const identity = behaviour.identity;
          return sendJson(response, 200, path === "/api/v1/me" ? identity : { data: identity.workspace ? [identity.workspace] : [] });
        }
        case "revoked":
          return sendJson(response, 401, { error: "unauthorized", message: "Access token has been revoked" });
        case "expired":
          return sendJson(response, 401, { error: "unauthorized", message: "Access token expired" });
        case "disabled":
          return sendJson(response, 403, { error: "forbidden", message: "Access token is disabled" });
        case "rate-limited":
          rateLimitedCount++;
          return sendJson(response, 429, { error: "rate_limited" }, behaviour.retryAfter === undefined ? {} : { "retry-after": behaviour.retryAfter });
        case "server-error":
          return sendJson(response, behaviour.status ?? 500, { error: "internal_error" });
        case "slow": {
          const timer = setTimeout(() => play(behaviour.then, callIndex), behaviour.delayMs);
          response.on("close", () => clearTimeout(timer));
          return;
        }
        case "html-403":
          response.writeHead(403, { "content-type": "text/html; charset=utf-8" });
          response.end("<!doctype html><html><body><h1>403 Forbidden</h1><p>Request blocked by the corporate firewall.</p></body></html>");
          return;
        case "redirect":
          response.writeHead(behaviour.status ?? 302, { location: behaviour.location, "content-type": "text/plain" });
          response.end("Moved");
          return;
        case "non-json-200":
          response.writeHead(200, { "content-type": "text/plain" });
          response.end("OK");
          return;
      }
    }
  };
  const server = options.tls ? https.createServer(options.tls, handle) : http.createServer(handle);

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    requests,
    requestsFor: (token) => requests.filter((request) => request.tokenFingerprint === fingerprintOf(token)),
    get peakInFlight() {
      return peakInFlight;
    },
    get rateLimitedCount() {
      return rateLimitedCount;
    },
    setToken(token, behaviour) {
      tokens.set(fingerprintOf(token), behaviour);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.destroyed) return;
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(body));
}
