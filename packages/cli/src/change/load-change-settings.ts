import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import ignore from "ignore";
import { baselineKey, parseBaseline, type LoadedBaseline } from "../baseline/baseline.js";
import { CONFIG_FILE, loadConfig, type ReadSetting } from "../config/load-config.js";
import type { ScanConfig } from "../config/validate-config.js";
import type { BlobReader } from "../git/open-blob-reader.js";
import { readAtRevision } from "../git/read-at-revision.js";
import { messages } from "../messages.js";
import { IGNORE_FILE } from "../walk/collect-files.js";
import type { PendingSuppression } from "./added-suppression.js";
import { describeLocation } from "../scan/describe-location.js";

export interface ChangeSettingsOptions {
  cwd: string;
  /** The revision whose settings the scan uses (`--since REV`; HEAD for `--staged`); undefined: none yet (a first commit). */
  base: string | undefined;
  /** Where the change's own settings are: a revision (HEAD for `--since`) or the git index (`--staged`). */
  change: string;
  /** `--config FILE`. */
  config?: string;
  /** `--baseline FILE`, or the default baseline a `--staged` scan uses. */
  baseline?: string;
  /** The baseline was named with --baseline: its absence everywhere is an error, not "no baseline". */
  baselineRequired?: boolean;
  /** A `git cat-file --batch` started in `cwd`, to read every version through one process. */
  reader?: BlobReader;
}

/** What a scan of a change runs with (the base's settings) and the suppressions the change adds. */
export interface ChangeSettings {
  config: ScanConfig;
  /** The base's `.hawzu-scanignore` text (of the current folder). */
  ignoreText: string;
  /** The base's baseline entries, when there is a baseline (paths relative to its folder). */
  baseline?: LoadedBaseline;
  added: PendingSuppression[];
}

/**
 * A change must not silence its own scan: the config, `.hawzu-scanignore` and baseline are read
 * as the base revision has them (`git show REV:./path`), and what the change adds to them is
 * listed for review. A file neither revision tracks (a CI-generated config) is read from disk.
 */
export async function loadChangeSettings(options: ChangeSettingsOptions): Promise<{ ok: true; settings: ChangeSettings } | { ok: false; message: string }> {
  const { cwd } = options;
  const cache = new Map<string, Promise<{ base?: string; change?: string }>>();
  const versions = (path: string) => {
    const key = relative(cwd, resolve(cwd, path)) || path;
    let pending = cache.get(key);
    if (!pending) {
      pending = (async () => {
        const [base, change] = await Promise.all([
          options.base === undefined ? undefined : readAtRevision(cwd, options.base, key, options.reader),
          readAtRevision(cwd, options.change, key, options.reader),
        ]);
        if (base !== undefined || change !== undefined) return { base, change };
        const disk = await readFile(resolve(cwd, key), "utf8").catch(() => undefined);
        return { base: disk, change: disk };
      })();
      cache.set(key, pending);
    }
    return pending;
  };
  // An explicit config that only the change adds: the base had none, so no settings.
  const explicitConfig = options.config === undefined ? undefined : relative(cwd, resolve(cwd, options.config)) || options.config;
  const readBase: ReadSetting = async (path) => {
    const { base, change } = await versions(path);
    if (base === undefined && change !== undefined && path === explicitConfig) return "{}";
    return base;
  };
  const readChange: ReadSetting = async (path) => (await versions(path)).change;

  // Every file this may need, asked of git at once (two reads each) rather than one by one.
  await Promise.all([explicitConfig ?? CONFIG_FILE, "package.json", IGNORE_FILE, ...(options.baseline === undefined ? [] : [options.baseline])].map(versions));
  const baseConfig = await loadConfig(cwd, options.config, readBase);
  if (!baseConfig.ok) return baseConfig;
  const added: PendingSuppression[] = [];
  const defaultConfig = await versions(CONFIG_FILE);
  const configFile = explicitConfig ?? (defaultConfig.base !== undefined || defaultConfig.change !== undefined ? CONFIG_FILE : "package.json");
  const changeConfig = await loadConfig(cwd, options.config, readChange);
  if (!changeConfig.ok) {
    added.push({ kind: "config", file: configFile, what: `config edited, and not valid: ${changeConfig.message}`, hides: () => false });
  } else {
    added.push(...configChanges(baseConfig.config, changeConfig.config, configFile, (await versions(configFile)).change ?? ""));
  }

  const ignoreFile = await versions(IGNORE_FILE);
  added.push(...ignoreFileChanges(ignoreFile.base ?? "", ignoreFile.change ?? ""));

  let baseline: LoadedBaseline | undefined;
  if (options.baseline !== undefined) {
    const folder = dirname(resolve(cwd, options.baseline));
    const { base, change } = await versions(options.baseline);
    if (base === undefined && change === undefined && options.baselineRequired) {
      return { ok: false, message: messages.baselineUnreadable(options.baseline, "not found in the base revision, the change or on disk") };
    }
    const parsedBase = base === undefined ? undefined : parseBaseline(base);
    if (parsedBase && !parsedBase.ok) return { ok: false, message: messages.baselineUnreadable(options.baseline, parsedBase.problem) };
    baseline = { folder, entries: parsedBase?.entries ?? [] };
    const baseKeys = new Set(baseline.entries.map((entry) => baselineKey(entry, folder)));
    const parsedChange = change === undefined ? undefined : parseBaseline(change);
    if (parsedChange?.ok) {
      for (const entry of parsedChange.entries) {
        const key = baselineKey(entry, folder);
        if (baseKeys.has(key)) continue;
        const { fingerprint, file, member } = entry;
        added.push({
          kind: "baseline",
          file: options.baseline,
          line: lineOf(change!, fingerprint),
          what: `baseline entry for ${describeLocation({ file, member })} (${fingerprint.slice(0, 19)}…)`,
          hides: (finding) => baselineKey(finding, cwd) === key,
        });
      }
    } else if (parsedChange && !parsedChange.ok) {
      added.push({ kind: "baseline", file: options.baseline, what: `baseline edited, and not valid: ${parsedChange.problem}`, hides: () => false });
    }
  }
  return { ok: true, settings: { config: baseConfig.config, ignoreText: ignoreFile.base ?? "", ...(baseline ? { baseline } : {}), added } };
}

/** New `ignore` globs, and every other key the change sets differently. */
function configChanges(base: ScanConfig, change: ScanConfig, file: string, text: string): PendingSuppression[] {
  const found: PendingSuppression[] = [];
  const before = new Set(base.ignore ?? []);
  for (const glob of change.ignore ?? []) {
    if (before.has(glob)) continue;
    const matcher = ignore().add(glob);
    found.push({
      kind: "ignore-rule",
      file,
      line: lineOf(text, JSON.stringify(glob)),
      what: `ignore rule ${JSON.stringify(glob)} in the config`,
      hides: (finding) => !finding.file.startsWith("../") && matcher.ignores(finding.file),
    });
  }
  const keys = new Set([...Object.keys(base), ...Object.keys(change)].filter((key) => key !== "ignore"));
  for (const key of keys) {
    const was = (base as Record<string, unknown>)[key];
    const now = (change as Record<string, unknown>)[key];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    // Values are shown for the one setting whose values are words; prefixes and names stay out.
    const values = key === "minConfidence" ? ` from ${JSON.stringify(was ?? "medium")} to ${JSON.stringify(now ?? "medium")}` : "";
    found.push({
      kind: "config",
      file,
      line: lineOf(text, JSON.stringify(key)),
      what: `config ${JSON.stringify(key)} changed${values}`,
      hides: (finding) => key === "minConfidence" && now === "high" && finding.confidence !== "high",
    });
  }
  return found;
}

/** New `.hawzu-scanignore` rules; the comment lines right above one are its reason. */
function ignoreFileChanges(base: string, change: string): PendingSuppression[] {
  const before = new Set(base.split("\n").map((line) => line.trim()));
  const lines = change.split("\n");
  const found: PendingSuppression[] = [];
  lines.forEach((raw, index) => {
    const rule = raw.trim();
    if (rule === "" || rule.startsWith("#") || before.has(rule)) return;
    const comments: string[] = [];
    for (let above = index - 1; above >= 0 && lines[above]!.trim().startsWith("#"); above--) comments.unshift(lines[above]!.trim().replace(/^#+\s*/, ""));
    const matcher = ignore().add(rule);
    found.push({
      kind: "ignore-rule",
      file: IGNORE_FILE,
      line: index + 1,
      what: `ignore rule ${JSON.stringify(rule)}`,
      ...(comments.length > 0 ? { reason: comments.join(" ") } : {}),
      hides: (finding) => !finding.file.startsWith("../") && matcher.ignores(finding.file),
    });
  });
  return found;
}

function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split("\n").length;
}
