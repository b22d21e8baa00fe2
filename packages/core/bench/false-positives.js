#!/usr/bin/env node
// Precision check on real code: every .js/.ts/.json/.md/.yml file of the installed node_modules
// (none holds a Hawzu token) is scanned twice: with a Hawzu mention inserted every 20 lines, and
// as if it were named hawzu.<ext>. Every finding printed is a false positive.
// Usage: npx tsc -b && node packages/core/bench/false-positives.js [max-files=6000]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { findTokens } from "../dist/index.js";

const limit = Number(process.argv[2] ?? 6000);
const root = fileURLToPath(new URL("../../../node_modules/.pnpm", import.meta.url));
const files = [];
const walk = (directory) => {
  for (const name of readdirSync(directory)) {
    if (files.length >= limit) return;
    const path = join(directory, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) walk(path);
    else if (stats && /\.(js|json|md|ya?ml|ts)$/.test(name) && stats.size < 200_000) files.push(path);
  }
};
walk(root);

let falsePositives = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index += 20) lines.splice(index, 0, "// Hawzu sync: https://api.hawzu.com/api/v1");
  const runs = [findTokens(lines.join("\n"), { path: file }), findTokens(text, { path: `config/hawzu${file.slice(file.lastIndexOf("."))}` })];
  for (const finding of runs.flatMap((run) => run.findings)) {
    falsePositives++;
    console.log(`${file.split("node_modules/").pop()}:${finding.line} ${finding.ruleId} (${finding.context}) ${finding.redacted}`);
  }
}
console.log(`${files.length} files scanned twice, ${falsePositives} false positive(s)`);
