import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { validateScanConfig, type FileScanConfig } from "./validate-scan-config.js";

/** The CLI's config file name (packages/cli/src/config/load-config.ts): one file for both front ends. */
export const CONFIG_FILE = "hawzu-scan.config.json";

export type LoadedScanConfig = { ok: true; config: FileScanConfig } | { ok: false; message: string };

const cache = new Map<string, { stamp: string; loaded: LoadedScanConfig }>();

/**
 * The config the CLI would use when run in `cwd`: `hawzu-scan.config.json`, else the `"hawzu-scan"`
 * key of package.json, else none. Read once per directory and again only when a file changes, so
 * linting many files costs two `stat` calls each.
 */
export function loadScanConfig(cwd: string): LoadedScanConfig {
  const configPath = join(cwd, CONFIG_FILE);
  const manifestPath = join(cwd, "package.json");
  const stamp = `${stampOf(configPath)}|${stampOf(manifestPath)}`;
  const cached = cache.get(cwd);
  if (cached?.stamp === stamp) return cached.loaded;
  const loaded = read(configPath, manifestPath);
  cache.set(cwd, { stamp, loaded });
  return loaded;
}

function stampOf(path: string): string {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? `${stats.mtimeMs}:${stats.size}` : "-";
}

function read(configPath: string, manifestPath: string): LoadedScanConfig {
  const text = readText(configPath);
  if (text !== undefined) {
    const parsed = parseJson(text);
    if (!parsed.ok) return { ok: false, message: `${CONFIG_FILE} is not valid JSON (${parsed.where})` };
    const checked = validateScanConfig(parsed.value);
    return checked.ok ? checked : { ok: false, message: `${CONFIG_FILE}: ${checked.problem}` };
  }
  const manifest = readText(manifestPath);
  if (manifest === undefined) return { ok: true, config: {} };
  const parsed = parseJson(manifest);
  // As the CLI: an unreadable package.json is not this tool's business.
  if (!parsed.ok) return { ok: true, config: {} };
  const section = (parsed.value as Record<string, unknown> | null)?.["hawzu-scan"];
  if (section === undefined) return { ok: true, config: {} };
  const checked = validateScanConfig(section);
  return checked.ok ? checked : { ok: false, message: `package.json "hawzu-scan": ${checked.problem}` };
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

// V8's JSON error quotes the text near the fault, which may be a token: only the position is kept.
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; where: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    if (!position) return { ok: false, where: "the text is not JSON" };
    const before = text.slice(0, Number(position[1]));
    return { ok: false, where: `line ${before.split("\n").length}, column ${before.length - before.lastIndexOf("\n")}` };
  }
}
