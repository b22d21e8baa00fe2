// Seeded generators of the benchmark logs (issue 13): a *dense* service log (mixed JSON and plain
// lines; 1 line in 5 names Hawzu, 1 in 3 says token, bearer or authorization; a few planted leaks)
// and a *sparse* one (the same shapes without those words), plus hostile one-line inputs.
// Seeded, so every run scans the same text and planted tokens are the same fake values.
// Shared by packages/core/bench/throughput.js and packages/cli/bench/dense-sparse.js.

/** mulberry32: a small seeded PRNG, so runs are repeatable. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomText(random, length, alphabet = ALPHANUMERIC) {
  let text = "";
  for (let index = 0; index < length; index++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

/** A fake token: random letters and digits with all three kinds, as the core's value check wants. */
export function fakeToken(random) {
  for (;;) {
    const token = randomText(random, 40);
    if (/[A-Z]/.test(token) && /[a-z]/.test(token) && /\d/.test(token)) return token;
  }
}

const hex = (random, length) => randomText(random, length, "0123456789abcdef");
const pick = (random, list) => list[Math.floor(random() * list.length)];

/**
 * A pool of distinct lines. Dense: every 5th line names Hawzu, every 3rd says token/bearer/
 * authorization (values masked, references, or other vendors' bearer headers: no Hawzu token).
 * Sparse: the same shapes with those words swapped for neutral ones.
 */
function linePool(random, count, dense) {
  const vendor = dense ? "hawzu" : "acme";
  const Vendor = dense ? "Hawzu" : "Acme";
  const tokenWord = dense ? "token" : "session";
  const bearerWord = dense ? "Bearer" : "Cookie";
  const authorization = dense ? "Authorization" : "X-Request-Id";
  const lines = [];
  for (let index = 0; index < count; index++) {
    const time = new Date(Date.UTC(2026, 10, 28, 9, 0, 0, index * 37)).toISOString();
    const json = index % 2 === 1;
    const names = index % 5 === 0;
    const says = index % 3 === 0;
    let line;
    if (names && says) {
      line = json
        ? JSON.stringify({ ts: time, level: "debug", svc: `${vendor}-sync`, msg: `${tokenWord} loaded from env`, env: `${Vendor.toUpperCase()}_ACCESS_TOKEN`, source: "$" + `${Vendor.toUpperCase()}_ACCESS_TOKEN` })
        : `${time} DEBUG [${vendor}-client] > ${authorization}: ${bearerWord} ******** host=api.${vendor}.com conn=http-outgoing-${index % 9}`;
    } else if (names) {
      line = json
        ? JSON.stringify({ ts: time, level: "info", svc: `${vendor}-sync`, msg: "synced results", run: hex(random, 12), url: `https://api.${vendor}.com/api/v1/workspace/ws_001/project/proj_${index % 300}/testruns`, took_ms: index % 997 })
        : `${time} INFO [${vendor}-uploader] POST https://api.${vendor}.com/api/v1/workspace/ws_001/project/proj_${index % 300}/testcases status=201 uploaded=${index % 50}`;
    } else if (says) {
      const kind = index % 4;
      if (kind === 0) line = `${time} DEBUG [http] > ${authorization}: ${bearerWord} ${fakeToken(random)} host=api.github.com req_id=${hex(random, 16)}`;
      else if (kind === 1) line = JSON.stringify({ ts: time, level: "info", msg: `${tokenWord} refreshed`, [`${tokenWord}_type`]: dense ? "bearer" : "plain", expires_in: 3600, user_id: index % 5000 });
      else if (kind === 2) line = `${time} INFO [auth] ${tokenWord} cache hit for user ${index % 5000} (${authorization.toLowerCase()} header present) trace=${hex(random, 32)}`;
      else line = JSON.stringify({ ts: time, level: "warn", msg: "upstream 401", headers: { [authorization]: `${bearerWord} [REDACTED]`, "content-type": "application/json" }, retry: index % 3 });
    } else if (json) {
      line = JSON.stringify({ ts: time, level: pick(random, ["info", "debug", "warn"]), msg: pick(random, ["cache miss", "job finished", "request completed"]), trace_id: hex(random, 32), span_id: hex(random, 16), service: pick(random, ["checkout", "search", "worker"]), duration_ms: index % 1234 });
    } else {
      line = `${time} ${pick(random, ["INFO", "WARN", "DEBUG"])} [http] GET /api/orders/${index % 100000} status=200 latency_ms=${index % 997} req_id=${hex(random, 16)} ip=10.${index % 250}.${(index >> 3) % 250}.3`;
    }
    lines.push(line);
  }
  return lines;
}

/** The planted leaks of the dense log: the shapes the issue names (curl to Hawzu, JSON env dump). */
function plantedLine(random, time, planted) {
  const token = fakeToken(random);
  switch (planted % 3) {
    case 0:
      return `${time} DEBUG [upload] curl -sS -H 'Authorization: Bearer ${token}' https://api.hawzu.com/api/v1/workspaces`;
    case 1:
      return JSON.stringify({ ts: time, level: "debug", msg: "loaded settings", env: { HAWZU_ACCESS_TOKEN: token } });
    default:
      return `${time} INFO [ci] + export HAWZU_TOKEN=${token}`;
  }
}

/**
 * Yields the log in chunks of about 1 MB until `bytes` is reached. `dense` picks the line mix; the
 * dense log gets `leaks` planted tokens spread over it (the sparse log gets none: it has no words
 * that could make a context).
 */
export function* generateLogChunks(bytes, { dense, seed = 13, leaks = 5 }) {
  const random = seededRandom(seed);
  const pool = linePool(random, 30_000, dense);
  let written = 0;
  let index = 0;
  let planted = 0;
  const plantEvery = Math.floor(bytes / Math.max(1, leaks));
  let nextPlant = dense && leaks > 0 ? Math.floor(plantEvery / 2) : Infinity;
  while (written < bytes) {
    const parts = [];
    let size = 0;
    while (size < 1 << 20 && written + size < bytes) {
      let line = pool[(index * 7919) % pool.length];
      index++;
      if (written + size >= nextPlant) {
        line = plantedLine(random, line.slice(0, 24), planted);
        planted++;
        nextPlant += plantEvery;
      }
      parts.push(line);
      size += line.length + 1;
    }
    written += size;
    yield parts.join("\n") + "\n";
  }
  return planted;
}

/** The whole log as one string (the core benchmark), with the number of planted tokens. */
export function generateLog(bytes, options) {
  const chunks = [];
  const generator = generateLogChunks(bytes, options);
  for (let next = generator.next(); ; next = generator.next()) {
    if (next.done) return { text: chunks.join(""), planted: next.value };
    chunks.push(next.value);
  }
}

/** Hostile one-line inputs of about `bytes` each (issue 13): each must be judged in under a second. */
export function adversarialInputs(bytes = 10 * 1024 * 1024, seed = 13) {
  const random = seededRandom(seed);
  const repeat = (unit) => unit.repeat(Math.ceil(bytes / unit.length));
  const base64 = randomText(random, 1024 * 1024, ALPHANUMERIC + "+/");
  return {
    "hawzu hawzu ...": repeat("hawzu "),
    "token=token=...": repeat("token="),
    "Bearer Bearer ...": repeat("Bearer "),
    "api.hawzu.com api.hawzu.com ...": repeat("api.hawzu.com "),
    "hawzu_token= then 1 MB base64 (x10)": repeat(`hawzu_token=${base64} `),
    // Beyond issue 13's list: a Hawzu key at every few characters, in the shapes the contexts read.
    "hawzu_token=hawzu_token=...": repeat("hawzu_token="),
    "--hawzu-token --hawzu-token ...": repeat("--hawzu-token "),
    "{hawzu, {hawzu, ...": repeat("{hawzu, "),
    "<hawzu><hawzu>...": repeat("<hawzu>"),
    "| hawzu | hawzu ...": repeat("| hawzu "),
    "rows of | Hawzu | x | (one table)": repeat("| Hawzu | x |\n"),
  };
}
