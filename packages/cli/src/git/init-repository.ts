import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { addHookLine } from "./add-hook-line.js";
import { addLintStagedTask, type LintStagedConfig } from "./add-lint-staged-task.js";
import { findRepositoryRoot } from "./find-repository-root.js";
import { initMessages } from "../messages.js";
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
  /**
   * The command a plain `.git/hooks/pre-commit` runs. That file is never committed, so it may name
   * this installation's own path (it then works in repositories that have no package.json).
   */
  gitHookCommand: string | ((root: string) => string);
}

/** What lint-staged runs on every staged file; lint-staged appends the file names. */
export const LINT_STAGED_PATTERN = "*";
export const LINT_STAGED_COMMAND = "hawzu-scan --staged";
/** What a committed `.husky/pre-commit` runs when there is no lint-staged: resolved from node_modules. */
export const HUSKY_HOOK_LINE = "npx hawzu-scan --staged";
export const LINT_STAGED_HOOK_LINE = "npx lint-staged";

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

  if (usesHusky && usesLintStaged) {
    await addToLintStaged(root, packageJsonPath, packageText, packageJson, lintStagedFile, show, result);
    await addLineToHook(join(huskyDirectory, "pre-commit"), LINT_STAGED_HOOK_LINE, runsLintStaged, show, result);
  } else if (usesHusky) {
    await addLineToHook(join(huskyDirectory, "pre-commit"), HUSKY_HOOK_LINE, runsHawzuStaged, show, result);
  } else {
    const hooks = await runGit(["rev-parse", "--git-path", "hooks"], root);
    if (!hooks.ok) {
      result.problems.push(initMessages.unreadable("the git hooks folder", hooks.reason));
      return result;
    }
    const hooksDirectory = resolve(root, hooks.stdout.toString("utf8").trim());
    const command = typeof options.gitHookCommand === "string" ? options.gitHookCommand : options.gitHookCommand(root);
    await addLineToHook(join(hooksDirectory, "pre-commit"), command, runsHawzuStaged, show, result, true);
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
  if (result.changes.length === 0 && result.problems.length === 0) result.notes.unshift(initMessages.nothingToDo);
  return result;
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
): Promise<void> {
  const existing = await readText(path);
  const edit = addHookLine(existing, line, isPresent);
  if (!edit.ok) {
    result.problems.push(initMessages.notAShellHook(show(path), line));
    return;
  }
  try {
    if (edit.changed) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, edit.content);
      result.changes.push(existing === undefined ? initMessages.createdHook(show(path)) : initMessages.addedHookLine(show(path), line));
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
