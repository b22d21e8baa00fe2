// Writes a realistic mixed plain/JSON service log of at least `bytes` bytes, with a few fake Hawzu
// tokens in it (random, never real), and returns how many were planted.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";

const LEVELS = ["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"];
const PATHS = ["/api/v1/items", "/api/v1/orders/93412", "/healthz", "/api/v1/users/me", "/static/app.3f9a1c.js", "/api/v1/search?q=shoes&page=2"];
const MESSAGES = ["request completed", "cache miss", "retrying upstream call", "user session refreshed", "job finished", "connection pool resized"];

function pick(list, index) {
  return list[index % list.length];
}

function hex(length) {
  return randomBytes(Math.ceil(length / 2)).toString("hex").slice(0, length);
}

function fakeToken() {
  for (;;) {
    const token = randomBytes(30).toString("base64url");
    if (/^[A-Za-z0-9]+$/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token) && /\d/.test(token)) return token;
  }
}

/** A pool of distinct lines, reused in a shuffled order: generating 256 MB line by line would take minutes. */
function linePool(count, hawzuEvery) {
  const lines = [];
  for (let index = 0; index < count; index++) {
    const time = new Date(Date.UTC(2026, 10, 28, 9, 0, 0, index * 37)).toISOString();
    const kind = index % 10;
    if (kind < 5) {
      lines.push(`${time} ${pick(LEVELS, index)} [http] ${pick(["GET", "POST", "PUT"], index)} ${pick(PATHS, index * 7)} status=${pick([200, 200, 201, 304, 404, 500], index)} latency_ms=${index % 997} req_id=${hex(16)} ip=10.${index % 250}.${(index >> 3) % 250}.${(index >> 5) % 250}`);
    } else if (kind < 9) {
      lines.push(JSON.stringify({ ts: time, level: pick(LEVELS, index).toLowerCase(), msg: pick(MESSAGES, index), trace_id: hex(32), span_id: hex(16), service: pick(["checkout", "search", "auth", "worker"], index), duration_ms: index % 1234, attrs: { retries: index % 3, region: pick(["eu-west-1", "us-east-1"], index) } }));
    } else if (index % hawzuEvery === 9) {
      // A CI job that uploads results to Hawzu now and then: keyword hits without a token.
      lines.push(`${time} INFO [upload] POST https://api.hawzu.com/api/v1/workspace/ws_001/project/proj_101/testcases uploaded=${index % 50} (token from $HAWZU_ACCESS_TOKEN)`);
    } else {
      lines.push(`${time} ${pick(LEVELS, index)} [worker] ${pick(MESSAGES, index)} attempt=${index % 5} queue=default elapsed=${(index % 5000) / 100}s`);
    }
  }
  return lines;
}

/** `hawzuEvery`: one line in that many mentions Hawzu without a token (an upload step of a CI job). */
export async function generateLog(path, bytes, { hawzuEvery = 50_000 } = {}) {
  const pool = linePool(Math.max(50_000, hawzuEvery), hawzuEvery);
  const out = createWriteStream(path);
  let written = 0;
  let planted = 0;
  let index = 0;
  const plantEvery = Math.floor(bytes / 5);
  let nextPlant = plantEvery / 2;
  while (written < bytes) {
    const parts = [];
    let size = 0;
    while (size < 1024 * 1024) {
      let line = pool[(index * 7919) % pool.length];
      index++;
      if (written + size >= nextPlant) {
        const token = fakeToken();
        line = planted % 2 === 0
          ? `${line.slice(0, 24)} DEBUG [upload] curl -sS -H 'Authorization: Bearer ${token}' https://api.hawzu.com/api/v1/workspaces`
          : JSON.stringify({ ts: line.slice(0, 24), level: "debug", msg: "loaded settings", env: { HAWZU_ACCESS_TOKEN: token } });
        planted++;
        nextPlant += plantEvery;
      }
      parts.push(line);
      size += line.length + 1;
    }
    const chunk = parts.join("\n") + "\n";
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return { bytes: written, planted };
}
