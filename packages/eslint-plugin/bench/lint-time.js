// Lint time of the installed eslint package's `lib` folder, in one run: no rules (parse only), one
// empty rule (what ESLint itself costs as soon as any rule is on: traversal, code paths), this
// plugin's recommended config, and eslint-plugin-no-secrets. Rounds alternate so machine noise hits
// all alike; medians and ratios to parse-only (and to the empty rule) are printed.
// Usage: npx tsc -b && node packages/eslint-plugin/bench/lint-time.js [rounds]
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
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

const base = {
  files: ["**/*.js"],
  languageOptions: { ecmaVersion: "latest", sourceType: "commonjs" },
  linterOptions: { reportUnusedDisableDirectives: "off" },
};
const emptyRule = { meta: { type: "problem", schema: [] }, create: () => ({}) };
const setups = {
  "parse only": [base],
  "one empty rule": [base, { plugins: { floor: { rules: { empty: emptyRule } } }, rules: { "floor/empty": "error" } }],
  "hawzu recommended": [base, hawzu.configs.recommended],
  "no-secrets": [base, { plugins: { "no-secrets": noSecrets }, rules: { "no-secrets/no-secrets": "error" } }],
};
const rounds = Number(process.argv[2] ?? 7);
const linter = new Linter();
const times = Object.fromEntries(Object.keys(setups).map((name) => [name, []]));
const problems = {};

for (let round = -1; round < rounds; round++) {
  for (const [name, config] of Object.entries(setups)) {
    const started = performance.now();
    let count = 0;
    for (const file of files) count += linter.verify(file.code, config, file.name).length;
    // Round -1 warms up the JIT and module caches and is not counted.
    if (round >= 0) times[name].push(performance.now() - started);
    problems[name] = count;
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const parseOnly = median(times["parse only"]);
const emptyFloor = median(times["one empty rule"]);
console.log(`eslint/lib: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB, ${rounds} alternating rounds, Node ${process.version}`);
for (const name of Object.keys(setups)) {
  const value = median(times[name]);
  const added = ((value / parseOnly - 1) * 100).toFixed(1);
  const overFloor = ((value / emptyFloor - 1) * 100).toFixed(1);
  console.log(
    `${name.padEnd(18)} median ${value.toFixed(0).padStart(6)} ms  x${(value / parseOnly).toFixed(3)} parse-only (+${added}%)  ` +
      `vs empty rule ${overFloor}%  problems: ${problems[name]}`,
  );
}
