import http from "node:http";
import https from "node:https";

/** One GET request's outcome, as a value: the caller decides what it means. */
export type RequestOutcome =
  | { kind: "response"; status: number; headers: http.IncomingHttpHeaders; body: string; truncated: boolean }
  | { kind: "timeout" }
  /** `answered`: the failure came after the response began, so the API itself was reached. */
  | { kind: "network-error"; code: string; answered?: boolean };

/** What one request needs. */
export interface SendRequestOptions {
  url: URL;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Bodies are read up to this many bytes; an identity or error body is far smaller. */
  maxBodyBytes: number;
  /** A proxy's agent (a CONNECT tunnel); none: a direct connection. */
  agent?: http.Agent;
}

/**
 * Sends one GET with node:http(s), which never follows redirects: a 3xx comes back as a response,
 * so the Authorization header cannot travel to the host a `Location` names. The timeout covers the
 * whole exchange (connect, headers, body). Never rejects; errors are returned by code only, since
 * error messages are not ours to vouch for.
 */
export function sendRequest(options: SendRequestOptions): Promise<RequestOutcome> {
  const transport = options.url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: RequestOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    let answered = false;
    const request = transport.request(options.url, { method: "GET", headers: options.headers, ...(options.agent ? { agent: options.agent } : {}) }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      response.on("data", (chunk: Buffer) => {
        if (truncated) return;
        size += chunk.length;
        if (size > options.maxBodyBytes) {
          truncated = true;
          response.destroy();
          finish({ kind: "response", status: response.statusCode ?? 0, headers: response.headers, body: "", truncated });
          return;
        }
        chunks.push(chunk);
      });
      response.on("end", () =>
        finish({
          kind: "response",
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          truncated,
        }),
      );
      response.on("error", (error: NodeJS.ErrnoException) => finish({ kind: "network-error", code: error.code ?? "ERR_RESPONSE", answered: true }));
    });
    const timer = setTimeout(() => {
      finish({ kind: "timeout" });
      request.destroy();
    }, options.timeoutMs);
    // A proxy that refuses the tunnel (403, 502, ...) answers in the API's place: its status says
    // nothing of the token, so it is a network failure, never a verdict.
    request.once("proxyConnect", (connect: { statusCode?: number }) => {
      if (connect.statusCode === 200) return;
      finish({ kind: "network-error", code: `PROXY_${connect.statusCode ?? "ERROR"}` });
      request.destroy();
    });
    request.on("error", (error: NodeJS.ErrnoException) => finish({ kind: "network-error", code: error.code ?? "ERR_REQUEST", ...(answered ? { answered } : {}) }));
    request.end();
  });
}
