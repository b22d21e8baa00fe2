// Lint time of the installed eslint package's `lib` folder, in one process: one empty rule (what
// ESLint itself costs as soon as any rule is on: traversal, code paths), this plugin's recommended
// config, and eslint-plugin-no-secrets; then the same files each starting with a comment that names
// Hawzu, so the rule's prefilter passes on every file and all of its AST work runs. Rounds alternate
// so machine noise hits all setups alike; medians of CPU time and the marginal cost over the empty rule are printed.
// Usage: npx tsc -b && node packages/eslint-plugin/bench/lint-time.js [rounds] [--without-no-secrets]
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Linter } from "eslint";
import noSecrets from "eslint-plugin-no-secrets";
import hawzu from "../dist/index.js";

const require = createRequire(import.meta.url);
const libDir = join(dirname(require.resolve("eslint/package.json")), "lib");
const files = readdirSync(libDir, { recursive: true })
  .filter((name) => name.endsWith(".js"))
  // Relative names: the Linter matches config `files` against paths under its cwd.
  .map((name) => ({ name: join("eslint-lib", name), code: readFileSync(join(libDir, name), "utf8") }));
const bytes = files.reduce((sum, file) => sum + file.code.length, 0);
// Every file mentions Hawzu: the worst case for the rule (no file is skipped by the keyword check).
const hawzuFiles = files.map((file) => ({ name: file.name, code: `// Talks to the Hawzu API (https://api.hawzu.com).\n${file.code}` }));

const base = {
  files: ["**/*.js"],
  languageOptions: { ecmaVersion: "latest", sourceType: "commonjs" },
  linterOptions: { reportUnusedDisableDirectives: "off" },
};
const emptyRule = { meta: { type: "problem", schema: [] }, create: () => ({}) };
const empty = [base, { plugins: { floor: { rules: { empty: emptyRule } } }, rules: { "floor/empty": "error" } }];
const hawzuConfig = [base, hawzu.configs.recommended];
const runs = {
  "one empty rule": { config: empty, files },
  "hawzu recommended": { config: hawzuConfig, files },
  "no-secrets": { config: [base, { plugins: { "no-secrets": noSecrets }, rules: { "no-secrets/no-secrets": "error" } }], files },
  "one empty rule, all files say Hawzu": { config: empty, files: hawzuFiles },
  "hawzu recommended, all files say Hawzu": { config: hawzuConfig, files: hawzuFiles },
};
const rounds = Number(process.argv[2] ?? 7);
// no-secrets is the slowest setup by far; leave it out to measure this plugin alone on a busy machine.
if (process.argv.includes("--without-no-secrets")) delete runs["no-secrets"];
const linter = new Linter();
const times = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
const problems = {};

for (let round = -1; round < rounds; round++) {
  for (const [name, run] of Object.entries(runs)) {
    // CPU time of this process, not wall time: on a shared machine other processes' load changes
    // the wall clock far more than it changes the work done here.
    const started = process.cpuUsage();
    let count = 0;
    for (const file of run.files) count += linter.verify(file.code, run.config, file.name).length;
    const used = process.cpuUsage(started);
    // Round -1 warms up the JIT and module caches and is not counted.
    if (round >= 0) times[name].push((used.user + used.system) / 1000);
    problems[name] = count;
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`eslint/lib: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB, ${rounds} alternating rounds, Node ${process.version}`);
for (const name of Object.keys(runs)) {
  const floor = median(times[name.endsWith("say Hawzu") ? "one empty rule, all files say Hawzu" : "one empty rule"]);
  const value = median(times[name]);
  const over = ((value / floor - 1) * 100).toFixed(1);
  // Per-round ratios to the same round's floor: less sensitive to a slow round than the medians.
  const floorTimes = times[name.endsWith("say Hawzu") ? "one empty rule, all files say Hawzu" : "one empty rule"];
  const paired = median(times[name].map((time, index) => time / floorTimes[index]));
  console.log(`${name.padEnd(40)} median ${value.toFixed(0).padStart(6)} ms CPU  vs empty rule ${over.padStart(5)}%  paired x${paired.toFixed(3)}  problems: ${problems[name]}`);
}
