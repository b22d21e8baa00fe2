import { lstatSync, readdirSync } from "node:fs";
import { lstat, readFile, realpath, stat } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { messages } from "../messages.js";
import type { ReportError } from "../report.js";

/** The ignore file of hawzu-scan itself, in .gitignore syntax, read in every folder like .gitignore. */
export const IGNORE_FILE = ".hawzu-scanignore";
const IGNORE_FILES = [".gitignore", IGNORE_FILE];

/** A file to scan: where it is, and how reports name it. */
export interface FileEntry {
  path: string;
  /** Relative to the current directory, `/`-separated. */
  displayPath: string;
  size: number;
}

interface Rules {
  base: string;
  /** The lines of the ignore files (or the config's globs), kept to exempt named folders. */
  patterns: readonly string[];
  matcher: Ignore;
}

/** What a walk found: files to scan, paths that could not be, notes, and how many paths ignore rules skipped. */
export interface CollectedFiles {
  files: FileEntry[];
  errors: ReportError[];
  /** Worth a line but not a failure: a dangling symbolic link has no content to scan. */
  notes: ReportError[];
  /** Files and folders skipped by ignore rules, as displayed (a skipped folder is one, unopened). */
  ignored: string[];
}

/**
 * The files under `paths`: folders are walked honouring `.gitignore` and `.hawzu-scanignore` (also
 * those of parent folders inside the same git repository) and the config's `ignore` globs, unless
 * `useIgnoreRules` is false; `.git` is never entered; symbolic links are followed once (a link back
 * up the tree is not a loop). Paths named explicitly are always scanned, as ripgrep does: rules that
 * would skip a named folder do not apply inside it. Paths that cannot be listed are error values.
 */
export async function collectFiles(paths: readonly string[], cwd: string, extraIgnores: readonly string[], useIgnoreRules = true): Promise<CollectedFiles> {
  const files: FileEntry[] = [];
  const errors: ReportError[] = [];
  const notes: ReportError[] = [];
  const note = (path: string) => {
    if (!notes.some((known) => known.file === display(path))) notes.push({ file: display(path), message: messages.danglingSymlink });
  };
  const ignored: string[] = [];
  const seen = new Set<string>();
  const configRules = toRules(cwd, extraIgnores);

  const display = (path: string) => toSlash(relativeTo(cwd, path)) || ".";
  // `real` is known without a system call for a plain file in a folder whose real path is known.
  const addFile = async (path: string, size: number, knownReal?: string) => {
    const real = knownReal ?? (await realpath(path).catch(() => path));
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path, displayPath: display(path), size });
  };

  const isIgnored = (path: string, isDirectory: boolean, rules: readonly Rules[]) =>
    rules.some(({ base, matcher }) => {
      const rel = toSlash(relativeTo(base, path));
      if (!rel || rel.startsWith("..")) return false;
      return matcher.ignores(isDirectory ? `${rel}/` : rel);
    });

  const walk = async (directory: string, realDirectory: string, rules: readonly Rules[], visited: Set<string>): Promise<void> => {
    let entries;
    try {
      // Synchronous calls: a walk is thousands of tiny system calls, and each async one waits its
      // turn in libuv's thread pool (the measured cost of a checkout walk; see bench/small-files.js).
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      errors.push({ file: display(directory), message: messages.directoryUnreadable((error as { code?: string }).code ?? "error") });
      return;
    }
    const local = useIgnoreRules ? await readRules(directory, new Set(entries.filter((entry) => IGNORE_FILES.includes(entry.name)).map((entry) => entry.name))) : undefined;
    const active = local ? [...rules, local] : rules;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = childPath(directory, entry.name);
      if (entry.name === ".git" && entry.isDirectory()) continue;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let size = 0;
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        if (!target) {
          if (!isIgnored(path, false, active)) note(path);
          continue;
        }
        isDirectory = target.isDirectory();
        isFile = target.isFile();
        size = target.size;
      }
      if (isIgnored(path, isDirectory, active)) {
        ignored.push(display(path));
        continue;
      }
      if (isDirectory) {
        const real = entry.isSymbolicLink() ? await realpath(path).catch(() => path) : childPath(realDirectory, entry.name);
        if (visited.has(real)) continue;
        // `visited` holds the folders above this one only: added for the descent, taken out after.
        visited.add(real);
        await walk(path, real, active, visited).finally(() => visited.delete(real));
      } else if (isFile) {
        if (!entry.isSymbolicLink()) size = sizeOf(path);
        await addFile(path, size, entry.isSymbolicLink() ? undefined : childPath(realDirectory, entry.name));
      } else {
        // FIFOs, sockets, devices: reading could block or never end; name them, never skip silently.
        files.push({ path, displayPath: display(path), size: 0 });
      }
    }
  };

  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = await stat(path).catch((error: { code?: string }) => error);
    if (info instanceof Error || !("isDirectory" in info)) {
      const code = (info as { code?: string }).code;
      const linkExists = await lstat(path).then(() => true, () => false);
      if (linkExists && code === "ENOENT") note(path);
      else errors.push({ file: display(path), message: messages.pathMissing });
      continue;
    }
    if (info.isDirectory()) {
      const real = await realpath(path);
      const inherited = useIgnoreRules ? [configRules, ...(await parentRules(path))] : [];
      // A folder named on the command line is scanned even if a rule above it would skip it.
      // A rule set with no lines (no config globs, say) skips nothing: not asked once per path.
      const rules = inherited.filter((set) => set.patterns.length > 0).map((set) => exemptNamed(set, path));
      await walk(path, real, rules, new Set([real]));
    } else if (info.isFile()) {
      await addFile(path, info.size);
    } else {
      files.push({ path, displayPath: display(path), size: 0 });
    }
  }
  return { files, errors, notes, ignored };
}

/** A plain file's size, 0 when it vanished since it was listed (the scan then names it). */
function sizeOf(path: string): number {
  try {
    return lstatSync(path).size;
  } catch {
    return 0;
  }
}

/** The ignore rules of `directory`; `present`, when known, lists which ignore files it holds. */
async function readRules(directory: string, present?: ReadonlySet<string>): Promise<Rules | undefined> {
  const patterns: string[] = [];
  for (const name of IGNORE_FILES) {
    if (present && !present.has(name)) continue;
    const text = await readFile(join(directory, name), "utf8").catch(() => undefined);
    if (text !== undefined) patterns.push(...text.split(/\r?\n/));
  }
  return patterns.length > 0 ? toRules(directory, patterns) : undefined;
}

function toRules(base: string, patterns: readonly string[]): Rules {
  return { base, patterns, matcher: ignore().add([...patterns]) };
}

/**
 * `rules` without the patterns that skip the named folder `directory` (or a folder above it), so a
 * folder named on the command line is scanned while the other patterns still apply inside it.
 */
function exemptNamed(rules: Rules, directory: string): Rules {
  const rel = toSlash(relative(rules.base, directory));
  if (!rel || rel.startsWith("..") || !rules.matcher.ignores(`${rel}/`)) return rules;
  return toRules(
    rules.base,
    rules.patterns.filter((pattern) => !ignore().add(pattern).ignores(`${rel}/`)),
  );
}

/** Ignore files of the folders above `directory`, up to the root of its git repository. */
async function parentRules(directory: string): Promise<Rules[]> {
  const chain: string[] = [];
  let current = dirname(directory);
  let inRepository = await exists(join(directory, ".git"));
  while (!inRepository && current !== dirname(current)) {
    chain.unshift(current);
    if (await exists(join(current, ".git"))) {
      inRepository = true;
      break;
    }
    current = dirname(current);
  }
  if (!inRepository) return [];
  const rules: Rules[] = [];
  for (const folder of chain) {
    const found = await readRules(folder);
    if (found) rules.push(found);
  }
  return rules;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false);
}

/**
 * `join(directory, name)` for a normalized folder and a name read from it (no separator, never
 * `.` or `..`): nothing to normalize, so the walk does not pay `join`'s parsing once per file.
 */
function childPath(directory: string, name: string): string {
  return directory.endsWith(sep) ? directory + name : directory + sep + name;
}

/**
 * `relative(base, path)` without its cost when `path` lies under `base` as written (the walk joins
 * every path onto its folder's, so nearly always): the walk asks for one per file and per rule set,
 * and `relative` resolves and splits both paths each time.
 */
function relativeTo(base: string, path: string): string {
  if (path.length > base.length && path.startsWith(base) && path[base.length] === sep && !base.endsWith(sep)) return path.slice(base.length + 1);
  return relative(base, path);
}

function toSlash(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}
