import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { addHookLine } from "./add-hook-line.js";
import { addLintStagedTask, type LintStagedConfig } from "./add-lint-staged-task.js";
import { findRepositoryRoot } from "./find-repository-root.js";
import { HOOK_CLI_MISSING, initMessages } from "../messages.js";
import { runGit } from "./run-git.js";
import { parseJson } from "../parse-json.js";

/** What `hawzu-scan init` did: lines for the CLI to print. */
export interface InitResult {
  /** Files created or edited, one line each. */
  changes: string[];
  /** Things left for the user (not errors: the rest was set up). */
  notes: string[];
  /** What could not be done; the CLI exits 2 when there are any. */
  problems: string[];
}

export interface InitOptions {
  cwd: string;
}

/** What lint-staged runs on every staged file; lint-staged appends the file names. */
export const LINT_STAGED_PATTERN = "*";
export const LINT_STAGED_COMMAND = "hawzu-scan --staged";
/**
 * What a hook manager runs. `--no`: in a hook (no terminal) a bare `npx hawzu-scan` would install
 * the registry's unrelated `hawzu-scan` package when ours is missing; this fails instead.
 */
export const STAGED_COMMAND = "npx --no -- hawzu-scan --staged";
/** What a committed `.husky/pre-commit` runs when there is no lint-staged (husky runs it with `sh -e`). */
export const HUSKY_HOOK_LINE = STAGED_COMMAND;
export const LINT_STAGED_HOOK_LINE = "npx lint-staged";

/** What a husky `.husky/commit-msg` runs: git passes the message file as `$1`. */
export const COMMIT_MSG_COMMAND = 'npx --no -- hawzu-scan --commit-msg "$1"';

/**
 * What a plain git hook runs to call `hawzu-scan ARGS`. `|| exit 1` stops the commit whatever the
 * rest of the hook does (a later `exit 0`, no `set -e`). The CLI is found when the hook runs, not
 * when `init` ran (an npx cache path vanishes): this repository's node_modules (git runs hooks at
 * the top of the work tree), else PATH, else an npx that may not install; else the commit is
 * refused with how to install it. A missing scanner never lets a commit through unchecked.
 */
function plainHookBlock(purpose: string, args: string): string {
  return [
    `# hawzu-scan init: ${purpose}`,
    `if [ -x ./node_modules/.bin/hawzu-scan ]; then ./node_modules/.bin/hawzu-scan ${args} || exit 1`,
    `elif command -v hawzu-scan >/dev/null 2>&1; then hawzu-scan ${args} || exit 1`,
    `elif npx --no -- hawzu-scan --version >/dev/null 2>&1; then npx --no -- hawzu-scan ${args} || exit 1`,
    `else echo '${HOOK_CLI_MISSING}' >&2; exit 1`,
    "fi",
  ].join("\n");
}
/** What a plain `.git/hooks/pre-commit` runs. */
export const PLAIN_HOOK_BLOCK = plainHookBlock("stop the commit when the staged changes add a Hawzu access token.", "--staged");
/** What a plain `.git/hooks/commit-msg` runs: a token pasted into the message is as public once pushed. */
export const PLAIN_COMMIT_MSG_BLOCK = plainHookBlock("stop the commit when its message holds a Hawzu access token.", '--commit-msg "$1"');

/** The pre-commit command lefthook runs, as lefthook.yml holds it. */
export const LEFTHOOK_SNIPPET = `pre-commit:\n  commands:\n    hawzu-scan:\n      run: ${STAGED_COMMAND}\n`;

/** One item of the pre-commit framework's `repos` list, at `indent`. */
export function preCommitFrameworkItem(indent: string): string {
  return [
    "- repo: local",
    "  hooks:",
    "    - id: hawzu-scan",
    "      name: hawzu-scan (leaked Hawzu access tokens)",
    `      entry: ${STAGED_COMMAND}`,
    "      language: system",
    "      pass_filenames: false",
  ]
    .map((line) => `${indent}${line}`)
    .join("\n");
}

const CLI_PACKAGE = "@hawzu-scan/cli";

// Where simple-git-hooks looks for its config, in its order (its error message lists them).
const SIMPLE_GIT_HOOKS_FILES = [
  ".simple-git-hooks.cjs",
  ".simple-git-hooks.js",
  ".simple-git-hooks.mjs",
  "simple-git-hooks.cjs",
  "simple-git-hooks.js",
  "simple-git-hooks.mjs",
  ".simple-git-hooks.json",
  "simple-git-hooks.json",
];
// Where lefthook looks for its config (https://lefthook.dev/configuration/), in its order.
const LEFTHOOK_FILES = ["yml", "yaml", "toml", "json", "jsonc"].flatMap((ext) => [`lefthook.${ext}`, `.lefthook.${ext}`, `.config/lefthook.${ext}`]);
const PRE_COMMIT_FRAMEWORK_FILE = ".pre-commit-config.yaml";

// Config files lint-staged reads (https://github.com/lint-staged/lint-staged#configuration), in its order.
const LINT_STAGED_FILES = [
  ".lintstagedrc",
  ".lintstagedrc.json",
  ".lintstagedrc.yaml",
  ".lintstagedrc.yml",
  ".lintstagedrc.mjs",
  ".lintstagedrc.js",
  ".lintstagedrc.cjs",
  ".lintstagedrc.mts",
  ".lintstagedrc.ts",
  ".lintstagedrc.cts",
  "lint-staged.config.mjs",
  "lint-staged.config.js",
  "lint-staged.config.cjs",
  "lint-staged.config.mts",
  "lint-staged.config.ts",
  "lint-staged.config.cts",
];

const runsHawzuStaged = (line: string) => line.includes("hawzu-scan") && line.includes("--staged");
const runsLintStaged = (line: string) => /\blint-staged\b/.test(line);
const runsHawzuCommitMsg = (line: string) => line.includes("hawzu-scan") && line.includes("--commit-msg");

/**
 * Sets up the pre-commit check in the repository around `cwd`. With husky and lint-staged: a
 * lint-staged task and a `.husky/pre-commit` that runs lint-staged. With husky only: a line in
 * `.husky/pre-commit`. Otherwise: a line in the git hooks folder's `pre-commit`. Running it again
 * changes nothing; other lines of an existing hook are kept.
 */
export async function initRepository(options: InitOptions): Promise<InitResult> {
  const result: InitResult = { changes: [], notes: [], problems: [] };
  const found = await findRepositoryRoot(options.cwd);
  if (!found.ok) {
    result.problems.push(found.reason);
    return result;
  }
  const root = found.root;
  const show = (path: string) => relative(options.cwd, path) || path;
  const packageJsonPath = join(root, "package.json");
  const packageText = await readText(packageJsonPath);
  let packageJson: Record<string, unknown> | undefined;
  if (packageText !== undefined) {
    const parsed = parseJson(packageText);
    if (!parsed.ok) {
      result.problems.push(initMessages.unreadable(show(packageJsonPath), parsed.problem));
      return result;
    }
    packageJson = parsed.value as Record<string, unknown>;
  }
  const dependencies = { ...(packageJson?.dependencies as object), ...(packageJson?.devDependencies as object) };
  const huskyDirectory = join(root, ".husky");
  const usesHusky = "husky" in dependencies || (await isDirectory(huskyDirectory));
  const lintStagedFile = await firstExisting(root, LINT_STAGED_FILES);
  const usesLintStaged = "lint-staged" in dependencies || packageJson?.["lint-staged"] !== undefined || lintStagedFile !== undefined;

  const simpleGitHooksFile = await firstExisting(root, SIMPLE_GIT_HOOKS_FILES);
  const usesSimpleGitHooks = "simple-git-hooks" in dependencies || packageJson?.["simple-git-hooks"] !== undefined || simpleGitHooksFile !== undefined;
  const lefthookFile = await firstExisting(root, LEFTHOOK_FILES);
  const usesLefthook = "lefthook" in dependencies || lefthookFile !== undefined;
  const usesPreCommitFramework = (await readText(join(root, PRE_COMMIT_FRAMEWORK_FILE))) !== undefined;

  // A hook manager rewrites .git/hooks/pre-commit itself: the check goes into its config instead.
  if (usesHusky && usesLintStaged) {
    await addToLintStaged(root, packageJsonPath, packageText, packageJson, lintStagedFile, show, result);
    await addLineToHook(join(huskyDirectory, "pre-commit"), LINT_STAGED_HOOK_LINE, runsLintStaged, show, result);
    await addLineToHook(join(huskyDirectory, "commit-msg"), COMMIT_MSG_COMMAND, runsHawzuCommitMsg, show, result);
  } else if (usesHusky) {
    await addLineToHook(join(huskyDirectory, "pre-commit"), HUSKY_HOOK_LINE, runsHawzuStaged, show, result);
    await addLineToHook(join(huskyDirectory, "commit-msg"), COMMIT_MSG_COMMAND, runsHawzuCommitMsg, show, result);
  } else if (usesSimpleGitHooks) {
    await addToSimpleGitHooks(root, packageJsonPath, packageText, packageJson, simpleGitHooksFile, show, result);
  } else if (usesLefthook) {
    await addToLefthook(root, lefthookFile, show, result);
  } else if (usesPreCommitFramework) {
    await addToPreCommitFramework(join(root, PRE_COMMIT_FRAMEWORK_FILE), show, result);
  } else {
    const hooks = await runGit(["rev-parse", "--git-path", "hooks"], root);
    if (!hooks.ok) {
      result.problems.push(initMessages.unreadable("the git hooks folder", hooks.reason));
      return result;
    }
    const hooksDirectory = resolve(root, hooks.stdout.toString("utf8").trim());
    await addLineToHook(join(hooksDirectory, "pre-commit"), PLAIN_HOOK_BLOCK, runsHawzuStaged, show, result, true, isOutdatedPlainLine);
    await addLineToHook(join(hooksDirectory, "commit-msg"), PLAIN_COMMIT_MSG_BLOCK, runsHawzuCommitMsg, show, result, true);
  }

  // Notes from the wiring above (no change made) are things left to the user: not "nothing to do".
  const leftToUser = result.notes.length > 0;
  // Every way above runs the project's own install; without one, a fresh clone's hook cannot scan.
  if (!packageJson) result.notes.push(initMessages.noPackageJson);
  else if (!(CLI_PACKAGE in ((packageJson.devDependencies ?? {}) as object))) {
    result.notes.push(initMessages.notADevDependency(show(packageJsonPath), await installCommand(root)));
  }

  if (usesHusky) {
    if (packageJson && "husky" in dependencies) {
      const scripts = (packageJson.scripts ?? {}) as Record<string, string>;
      if (scripts.prepare === undefined) {
        // Re-read: the lint-staged step may have just written package.json.
        const latest = JSON.parse((await readText(packageJsonPath)) ?? "{}") as Record<string, unknown>;
        latest.scripts = { ...(latest.scripts as object), prepare: "husky" };
        await writeFile(packageJsonPath, stringifyLike(packageText!, latest));
        result.changes.push(initMessages.addedPrepareScript(show(packageJsonPath)));
      }
    }
    const hooksPath = await runGit(["config", "--get", "core.hooksPath"], root);
    if (!hooksPath.ok || !hooksPath.stdout.toString("utf8").includes(".husky")) result.notes.push(initMessages.runHusky);
  }
  if (result.changes.length === 0 && result.problems.length === 0 && !leftToUser) result.notes.unshift(initMessages.nothingToDo);
  return result;
}

// Lines earlier versions of `init` wrote into a plain hook, which a later `exit 0` could skip.
function isOutdatedPlainLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === STAGED_COMMAND || /^\S+ \S*bin\/hawzu-scan\.js'? --staged$/.test(trimmed);
}

/** How to add the CLI as a devDependency with the package manager the lockfile shows. */
async function installCommand(root: string): Promise<string> {
  if ((await readText(join(root, "pnpm-lock.yaml"))) !== undefined) return `pnpm add -D ${CLI_PACKAGE}`;
  if ((await readText(join(root, "yarn.lock"))) !== undefined) return `yarn add -D ${CLI_PACKAGE}`;
  if ((await readText(join(root, "bun.lock"))) !== undefined) return `bun add -d ${CLI_PACKAGE}`;
  return `npm i -D ${CLI_PACKAGE}`;
}

/** simple-git-hooks: its pre-commit command starts with the check (`&&`, so both must pass). */
async function addToSimpleGitHooks(
  root: string,
  packageJsonPath: string,
  packageText: string | undefined,
  packageJson: Record<string, unknown> | undefined,
  file: string | undefined,
  show: (path: string) => string,
  result: InitResult,
): Promise<void> {
  const withCheck = (config: Record<string, unknown>): Record<string, unknown> | undefined => {
    const current = config["pre-commit"];
    if (typeof current === "string" && current.includes("hawzu-scan")) return undefined;
    return { ...config, "pre-commit": typeof current === "string" && current.trim() !== "" ? `${STAGED_COMMAND} && ${current}` : STAGED_COMMAND };
  };
  let path: string;
  let text: string;
  let config: Record<string, unknown> | undefined;
  if (file !== undefined) {
    path = join(root, file);
    text = (await readText(path)) ?? "";
    if (!file.endsWith(".json")) {
      if (!text.includes("hawzu-scan")) result.notes.push(initMessages.editSimpleGitHooksByHand(show(path), STAGED_COMMAND));
      return;
    }
    const parsed = parseJson(text);
    if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null) {
      result.problems.push(initMessages.unreadable(show(path), parsed.ok ? "not a JSON object" : parsed.problem));
      return;
    }
    const next = withCheck(parsed.value as Record<string, unknown>);
    if (!next) return;
    config = next;
  } else {
    if (!packageJson || packageText === undefined) return;
    path = packageJsonPath;
    text = packageText;
    const next = withCheck((packageJson["simple-git-hooks"] ?? {}) as Record<string, unknown>);
    if (!next) return;
    config = { ...packageJson, "simple-git-hooks": next };
  }
  await writeFile(path, stringifyLike(text, config));
  const hooks = (file !== undefined ? config : config["simple-git-hooks"]) as Record<string, unknown>;
  result.changes.push(initMessages.addedSimpleGitHooks(show(path), String(hooks["pre-commit"])));
  result.notes.push(initMessages.runSimpleGitHooks);
}

/** lefthook: a `pre-commit` section is added to its YAML config when it has none; else by hand. */
async function addToLefthook(root: string, file: string | undefined, show: (path: string) => string, result: InitResult): Promise<void> {
  const path = join(root, file ?? "lefthook.yml");
  const text = file === undefined ? "" : ((await readText(path)) ?? "");
  if (text.includes("hawzu-scan")) return;
  const isYaml = /\.ya?ml$/.test(path);
  if (!isYaml || /^pre-commit\s*:/m.test(text)) {
    result.notes.push(initMessages.editLefthookByHand(show(path), LEFTHOOK_SNIPPET));
    return;
  }
  const separator = text === "" ? "" : text.endsWith("\n") ? "\n" : "\n\n";
  await writeFile(path, `${text}${separator}${LEFTHOOK_SNIPPET}`);
  result.changes.push(file === undefined ? initMessages.createdHook(show(path)) : initMessages.addedLefthook(show(path)));
  result.notes.push(initMessages.runLefthook);
}

/**
 * The pre-commit framework: a local hook appended to `repos` when that list is the file's last
 * top-level key and written as a block list (so appending keeps the YAML valid); else by hand.
 */
async function addToPreCommitFramework(path: string, show: (path: string) => string, result: InitResult): Promise<void> {
  const text = (await readText(path)) ?? "";
  if (text.includes("hawzu-scan")) return;
  const topLevelKeys = [...text.matchAll(/^([A-Za-z_][\w-]*)\s*:/gm)].map((match) => match[1]);
  const item = /^([ \t]*)-[ \t]+repo[ \t]*:/m.exec(text);
  if (topLevelKeys[topLevelKeys.length - 1] !== "repos" || !item) {
    result.notes.push(initMessages.editPreCommitFrameworkByHand(show(path), preCommitFrameworkItem("  ")));
    return;
  }
  await writeFile(path, `${text}${text.endsWith("\n") ? "" : "\n"}${preCommitFrameworkItem(item[1]!)}\n`);
  result.changes.push(initMessages.addedPreCommitFramework(show(path)));
  result.notes.push(initMessages.runPreCommitFramework);
}

async function addToLintStaged(
  root: string,
  packageJsonPath: string,
  packageText: string | undefined,
  packageJson: Record<string, unknown> | undefined,
  lintStagedFile: string | undefined,
  show: (path: string) => string,
  result: InitResult,
): Promise<void> {
  const add = (config: LintStagedConfig) => addLintStagedTask(config, LINT_STAGED_PATTERN, LINT_STAGED_COMMAND);
  if (packageJson?.["lint-staged"] !== undefined || lintStagedFile === undefined) {
    // lint-staged reads package.json first; with no config anywhere, package.json is the one place.
    if (!packageJson || packageText === undefined) {
      const path = join(root, ".lintstagedrc.json");
      await writeFile(path, `${JSON.stringify(add({}).config, null, 2)}\n`);
      result.changes.push(initMessages.addedLintStagedTask(show(path), LINT_STAGED_PATTERN, LINT_STAGED_COMMAND));
      return;
    }
    const edit = add((packageJson["lint-staged"] ?? {}) as LintStagedConfig);
    if (!edit.changed) return;
    packageJson["lint-staged"] = edit.config;
    await writeFile(packageJsonPath, stringifyLike(packageText, packageJson));
    result.changes.push(initMessages.addedLintStagedTask(show(packageJsonPath), LINT_STAGED_PATTERN, LINT_STAGED_COMMAND));
    return;
  }
  const path = join(root, lintStagedFile);
  const text = (await readText(path)) ?? "";
  let config: LintStagedConfig | undefined;
  if (lintStagedFile === ".lintstagedrc" || lintStagedFile === ".lintstagedrc.json") {
    try {
      config = JSON.parse(text) as LintStagedConfig;
    } catch {
      config = undefined; // YAML or broken: left to the user
    }
  }
  if (!config) {
    if (!text.includes("hawzu-scan")) result.notes.push(initMessages.editLintStagedByHand(show(path), LINT_STAGED_PATTERN, LINT_STAGED_COMMAND));
    return;
  }
  const edit = add(config);
  if (!edit.changed) return;
  await writeFile(path, stringifyLike(text, edit.config));
  result.changes.push(initMessages.addedLintStagedTask(show(path), LINT_STAGED_PATTERN, LINT_STAGED_COMMAND));
}

// husky runs its hooks with `sh -e`, so only git's own hooks folder needs the executable bit.
async function addLineToHook(
  path: string,
  line: string,
  isPresent: (line: string) => boolean,
  show: (path: string) => string,
  result: InitResult,
  mustBeExecutable = false,
  isOutdated?: (line: string) => boolean,
): Promise<void> {
  const existing = await readText(path);
  const edit = addHookLine(existing, line, isPresent, isOutdated);
  if (!edit.ok) {
    result.problems.push(initMessages.notAShellHook(show(path), line));
    return;
  }
  try {
    if (edit.changed) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, edit.content);
      result.changes.push(existing === undefined ? initMessages.createdHook(show(path)) : line.includes("\n") ? initMessages.addedHookCheck(show(path), line.includes("--commit-msg") ? '--commit-msg "$1"' : "--staged") : initMessages.addedHookLine(show(path), line));
    }
    const mode = (await stat(path)).mode;
    if (mustBeExecutable && (mode & 0o111) !== 0o111) {
      await chmod(path, mode | 0o755);
      if (existing !== undefined) result.changes.push(initMessages.madeExecutable(show(path)));
    }
  } catch (error) {
    result.problems.push(initMessages.unreadable(show(path), (error as Error).message));
  }
}

/** JSON in the indentation the file already uses, with its final newline. */
function stringifyLike(original: string, value: unknown): string {
  const indent = /^[ \t]+(?=")/m.exec(original)?.[0] ?? "  ";
  return `${JSON.stringify(value, null, indent)}${original.endsWith("\n") || original === "" ? "\n" : ""}`;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function firstExisting(root: string, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) {
    if (await readText(join(root, name)) !== undefined) return name;
  }
  return undefined;
}
