/** A lint-staged config as JSON holds it: glob -> command, or a list of commands. */
export type LintStagedConfig = Record<string, unknown>;

/**
 * Adds `command` for `pattern` to a lint-staged config unless some entry already runs hawzu-scan.
 * An existing entry for the same pattern keeps its commands; ours is added after them.
 */
export function addLintStagedTask(config: LintStagedConfig, pattern: string, command: string): { config: LintStagedConfig; changed: boolean } {
  const runsHawzuScan = (value: unknown): boolean =>
    typeof value === "string" ? value.includes("hawzu-scan") : Array.isArray(value) && value.some(runsHawzuScan);
  if (Object.values(config).some(runsHawzuScan)) return { config, changed: false };
  const current = config[pattern];
  const next = current === undefined ? command : Array.isArray(current) ? [...current, command] : [current, command];
  return { config: { ...config, [pattern]: next }, changed: true };
}
