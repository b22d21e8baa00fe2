import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { messages } from "../messages.js";
import { validateConfig, type ScanConfig } from "./validate-config.js";
import { parseJson } from "../parse-json.js";

export const CONFIG_FILE = "hawzu-scan.config.json";

/** Reads a file by its path relative to `cwd`: from disk, or from a git revision for scans of a change. */
export type ReadSetting = (path: string) => Promise<string | undefined>;

/**
 * The config: `explicit` (from --config) must exist; otherwise `hawzu-scan.config.json` in `cwd`,
 * else the `"hawzu-scan"` key of `cwd`'s package.json, else none. Problems are values with a message.
 * `read` fetches the files (default: from disk), so a scan of a change can use the base revision's.
 */
export async function loadConfig(cwd: string, explicit?: string, read?: ReadSetting): Promise<{ ok: true; config: ScanConfig } | { ok: false; message: string }> {
  const readText = read ?? ((path: string) => readFile(resolve(cwd, path), "utf8").catch(() => undefined));
  const candidates = explicit ? [resolve(cwd, explicit)] : [join(cwd, CONFIG_FILE)];
  for (const path of candidates) {
    const shown = relative(cwd, path) || path;
    const text = await readText(relative(cwd, path) || path);
    if (typeof text !== "string") {
      if (explicit) return { ok: false, message: messages.configMissing(shown) };
      continue;
    }
    return parse(text, shown, (value) => value);
  }
  const manifest = await readText("package.json");
  if (manifest !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(manifest);
    } catch {
      return { ok: true, config: {} };
    }
    const section = (parsed as Record<string, unknown> | null)?.["hawzu-scan"];
    if (section !== undefined) {
      const checked = validateConfig(section);
      return checked.ok ? checked : { ok: false, message: messages.configInvalid('package.json "hawzu-scan"', checked.problem) };
    }
  }
  return { ok: true, config: {} };
}

function parse(text: string, shown: string, pick: (value: unknown) => unknown): { ok: true; config: ScanConfig } | { ok: false; message: string } {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, message: messages.configInvalidJson(shown, parsed.where) };
  const checked = validateConfig(pick(parsed.value));
  return checked.ok ? checked : { ok: false, message: messages.configInvalid(shown, checked.problem) };
}
