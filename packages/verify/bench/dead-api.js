// Benchmark: N distinct tokens against a dead API (a refused port), default options (4 at a time,
// 3 retries with 500 ms backoff). Before the dead-API check each token waited out its retries;
// now the run stops sending after 4 failed connections in a row. Needs a build (`npx tsc -b`).
// Run: node packages/verify/bench/dead-api.js [tokens]
import { randomBytes } from "node:crypto";
import net from "node:net";
import { createVerifier } from "../dist/index.js";

const TOKENS = Number(process.argv[2] ?? 40);

// A port that refuses: bind one, note it, close it.
const server = net.createServer();
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();
await new Promise((resolve) => server.close(resolve));

const verifier = createVerifier({ baseUrl: `http://127.0.0.1:${port}` });
const tokens = Array.from({ length: TOKENS }, () => ({ token: randomBytes(24).toString("base64url") }));
const started = performance.now();
const results = await verifier.verifyFindings(tokens);
const wallMs = performance.now() - started;
const byReason = {};
for (const result of results) byReason[result.reason ?? result.status] = (byReason[result.reason ?? result.status] ?? 0) + 1;
console.log(JSON.stringify({ tokens: TOKENS, requests: verifier.stats().requests, unreachable: verifier.stats().unreachable, results: byReason, wallSeconds: Number((wallMs / 1000).toFixed(2)) }));
