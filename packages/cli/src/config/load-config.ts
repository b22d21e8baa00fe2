import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { messages } from "../messages.js";
import { validateConfig, type ScanConfig } from "./validate-config.js";
import { parseJson } from "../parse-json.js";

export const CONFIG_FILE = "hawzu-scan.config.json";

/**
 * The config: `explicit` (from --config) must exist; otherwise `hawzu-scan.config.json` in `cwd`,
 * else the `"hawzu-scan"` key of `cwd`'s package.json, else none. Problems are values with a message.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<{ ok: true; config: ScanConfig } | { ok: false; message: string }> {
  const candidates = explicit ? [resolve(cwd, explicit)] : [join(cwd, CONFIG_FILE)];
  for (const path of candidates) {
    const shown = relative(cwd, path) || path;
    const text = await readFile(path, "utf8").catch((error: { code?: string }) => error);
    if (typeof text !== "string") {
      if (explicit) return { ok: false, message: messages.configMissing(shown) };
      continue;
    }
    return parse(text, shown, (value) => value);
  }
  const manifest = await readFile(join(cwd, "package.json"), "utf8").catch(() => undefined);
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
