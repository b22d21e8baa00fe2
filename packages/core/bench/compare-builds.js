#!/usr/bin/env node
// Old vs new, finding for finding: a speed change must not change any finding (issue 13). Scans
// every case folder and seeded random mixtures of case texts, dense- and sparse-log lines and
// fragments that matter to the contexts (line breaks inside Host headers, quotes, flags, URLs,
// the Kelvin sign and dotted I that lower-case oddly) with both builds, whole and streamed, and
// reports every difference. Seeded, so a difference replays.
// Usage: npx tsc -b && node packages/core/bench/compare-builds.js <old build's dist/index.js> [seed=1] [mixtures=3000]
// (build the old one in a scratch worktree: git worktree add /tmp/old main && cd /tmp/old && pnpm install && npx tsc -b)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as next from "../dist/index.js";
import { generateLog, seededRandom } from "./generate-logs.js";

const [oldPath, seedArgument = "1", countArgument = "3000"] = process.argv.slice(2);
if (!oldPath) {
  console.error("usage: node packages/core/bench/compare-builds.js <old build's dist/index.js> [seed] [mixtures]");
  process.exit(2);
}
const old = await import(resolve(oldPath));
const seed = Number(seedArgument);
const random = seededRandom(seed);
const int = (below) => Math.floor(random() * below);
const pick = (list) => list[int(list.length)];

const casesRoot = join(import.meta.dirname, "..", "test", "cases");
const cases = [];
for (const contextId of readdirSync(casesRoot)) {
  for (const name of readdirSync(join(casesRoot, contextId))) {
    const folder = join(casesRoot, contextId, name);
    const input = readdirSync(folder).find((file) => file.startsWith("input."));
    const optionsFile = join(folder, "options.json");
    const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, "utf8")) : {};
    cases.push({ label: `${contextId}/${name}`, text: readFileSync(join(folder, input), "utf8"), options: { path: options.path ?? input, ...options } });
  }
}
const denseLines = generateLog(3e6, { dense: true, leaks: 20 }).text.split("\n");
const sparseLines = generateLog(5e5, { dense: false }).text.split("\n");
const fragments = [
  "\n", " ", "\t", ":", "=", '"', "'", "host", "Host: ", "HOST\n:\n", "Bearer ", "Token ", "token=", "hawzu", "Hawzu ", "HAWZU_TOKEN=",
  "://", "https://", "http://api.hawzu.com", "https://api.github.com/", ".com", "api.hawzu.com", "{", "}", "[", "]", "(", ")", ",", ";",
  "|", "\\", "\\n", "-u ", "--user ", "Basic ", "machine ", "password ", "kind: Secret\n", "name: ", '"name": "', "key=", "value: ", "-",
  "--token ", "# ", "\r\n", "&", "?", "%3D", "\\u0022", "curl ", " \\\n", "http-outgoing-3 >> ", "\u0130", "\u212A", "\u017F", "ENV ", "set -x ", "hawzu hawzu ",
];
const optionSets = [{}, {}, {}, { path: "hawzu.yml" }, { knownPrefixes: ["hzw_"] }, { extraKeyNames: ["MY_SECRET_THING"] }, { minConfidence: "high" }];
const randomToken = () => Array.from({ length: 32 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[int(62)]).join("");

function mixture() {
  const parts = [];
  for (let count = 1 + int(12); count > 0; count--) {
    const draw = random();
    if (draw < 0.35) {
      const text = pick(cases).text;
      const from = int(text.length);
      parts.push(random() < 0.5 ? text : text.slice(from, from + int(text.length - from + 1)));
    } else if (draw < 0.65) {
      const from = int(denseLines.length - 40);
      parts.push(denseLines.slice(from, from + int(40)).join("\n") + "\n");
    } else if (draw < 0.72) {
      const from = int(sparseLines.length - 20);
      parts.push(sparseLines.slice(from, from + int(20)).join("\n") + "\n");
    } else if (draw < 0.95) {
      parts.push(pick(fragments));
      if (random() < 0.3) parts.push(randomToken());
    } else parts.push(randomToken());
  }
  let text = parts.join(random() < 0.5 ? "" : "\n");
  for (let count = int(6); count > 0; count--) {
    const at = int(text.length + 1);
    text = text.slice(0, at) + pick(fragments) + text.slice(at);
  }
  return { text, options: pick(optionSets) };
}

function streamed(build, text, options, size) {
  const scanner = build.createTokenScanner(options);
  const findings = [];
  for (let offset = 0; offset < text.length; offset += size) findings.push(...scanner.write(text.slice(offset, offset + size)).findings);
  return [...findings, ...scanner.end().findings];
}

// SHOW=1: each finding only one build gives, with its line (the value and any other token-like run masked).
function showDifference(text, before, after) {
  const key = (finding) => `${finding.start}:${finding.end}:${finding.ruleId}`;
  const show = (sign, finding) => {
    const lineStart = text.lastIndexOf("\n", finding.start - 1) + 1;
    const lineEnd = text.indexOf("\n", finding.end) === -1 ? text.length : text.indexOf("\n", finding.end);
    // Other token-like runs around it are masked too: the bench's texts hold fake tokens, printed never.
    const mask = (part) => part.replace(/[A-Za-z0-9\-_.~+/=]{20,}/g, "[run]");
    const line = mask(text.slice(Math.max(lineStart, finding.start - 160), finding.start)) + "[value]" + mask(text.slice(finding.end, Math.min(lineEnd, finding.end + 80)));
    console.log(`  ${sign} ${finding.ruleId} (${finding.context}): ${JSON.stringify(line)}`);
  };
  const kept = new Set(after.map(key));
  const had = new Set(before.map(key));
  for (const finding of before) if (!kept.has(key(finding))) show("-", finding);
  for (const finding of after) if (!had.has(key(finding))) show("+", finding);
}

let inputs = 0;
let findings = 0;
let differences = 0;
function compare(label, text, options, stream) {
  inputs++;
  const before = JSON.stringify(old.findTokens(text, options));
  const after = next.findTokens(text, options);
  findings += after.findings.length;
  if (before !== JSON.stringify(after)) {
    differences++;
    console.log(`DIFFERENT: ${label} (${text.length} characters, options ${JSON.stringify(options)})`);
    if (process.env.SHOW) showDifference(text, JSON.parse(before).findings, after.findings);
  }
  if (stream) {
    const size = 1 + int(4000);
    if (JSON.stringify(streamed(old, text, options, size)) !== JSON.stringify(streamed(next, text, options, size))) {
      differences++;
      console.log(`DIFFERENT when streamed in ${size}-character chunks: ${label}`);
    }
  }
}

for (const { label, text, options } of cases) compare(label, text, options, true);
for (let index = 0; index < Number(countArgument); index++) {
  const { text, options } = mixture();
  compare(`seed ${seed} mixture ${index}`, text, options, index % 10 === 0);
}
console.log(`seed ${seed}: ${inputs} inputs, ${findings} findings, ${differences} differences`);
process.exitCode = differences === 0 ? 0 : 1;
