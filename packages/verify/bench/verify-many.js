// Benchmark: 1,000 distinct tokens against a stand-in API that allows 50 requests/s (429 with
// Retry-After: 1 beyond that). Reports total requests, 429s and wall time, and checks that
// total requests = 1,000 + the retries the verifier actually made. Needs a build (`npx tsc -b`).
// Run: node packages/verify/bench/verify-many.js [tokens] [perSecond]
import { randomBytes } from "node:crypto";
import http from "node:http";
import { createVerifier } from "../dist/index.js";

const TOKENS = Number(process.argv[2] ?? 1000);
const PER_SECOND = Number(process.argv[3] ?? 50);

/** A tiny /api/v1/me: every token is live, all requests share one fixed 1-second window. */
async function startLimitedApi() {
  const stats = { requests: 0, rateLimited: 0, distinct: new Set() };
  let windowStart = 0;
  let inWindow = 0;
  const server = http.createServer((request, response) => {
    stats.requests++;
    stats.distinct.add(request.headers.authorization);
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    if (++inWindow > PER_SECOND) {
      stats.rateLimited++;
      response.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      response.end('{"error":"rate_limited"}');
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ id: "tok_1", type: "PROJECT_TOKEN", name: "bench", workspace: { id: "ws_1" }, projects: [] }));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, stats, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function run(concurrency) {
  const api = await startLimitedApi();
  const tokens = Array.from({ length: TOKENS }, () => randomBytes(24).toString("base64url"));
  const verifier = createVerifier({ baseUrl: api.url, concurrency });
  const started = performance.now();
  const results = await verifier.verifyFindings(tokens.map((token) => ({ token })));
  const wallMs = performance.now() - started;
  await api.close();
  const stats = verifier.stats();
  const byStatus = {};
  for (const result of results) byStatus[result.status] = (byStatus[result.status] ?? 0) + 1;
  return {
    concurrency,
    serverRequests: api.stats.requests,
    distinctTokensSent: api.stats.distinct.size,
    clientRetries: stats.retries,
    expected: TOKENS + stats.retries,
    rateLimited429: api.stats.rateLimited,
    results: byStatus,
    wallSeconds: Number((wallMs / 1000).toFixed(2)),
    requestsPerSecond: Number((api.stats.requests / (wallMs / 1000)).toFixed(1)),
  };
}

console.log(`verify-many: ${TOKENS} distinct tokens, server allows ${PER_SECOND} requests/s, node ${process.version}`);
for (const concurrency of [4, 16]) {
  const row = await run(concurrency);
  const check = row.serverRequests === row.expected && row.distinctTokensSent === TOKENS ? "OK" : "MISMATCH";
  console.log(
    `concurrency ${String(row.concurrency).padStart(2)}: requests ${row.serverRequests} (= ${TOKENS} + ${row.clientRetries} retries: ${check}), ` +
      `429s ${row.rateLimited429}, wall ${row.wallSeconds} s, ${row.requestsPerSecond} req/s, results ${JSON.stringify(row.results)}`,
  );
}
