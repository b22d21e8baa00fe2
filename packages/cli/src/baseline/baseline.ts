import type { ReportFinding } from "../report.js";
import { parseJson } from "../parse-json.js";
import { compareText } from "../compare-text.js";

/**
 * A baseline file: accepted findings by token fingerprint and path only (no lines, no dates, no
 * token values), sorted and de-duplicated, so it neither churns nor conflicts in review.
 */
export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

export interface BaselineEntry {
  fingerprint: string;
  file: string;
  member?: string;
}

/** The key a finding is matched by: the same token in the same file (or archive member). */
export function baselineKey(entry: BaselineEntry): string {
  return `${entry.fingerprint}\u0000${entry.file}\u0000${entry.member ?? ""}`;
}

export function toBaseline(findings: readonly ReportFinding[]): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const { fingerprint, file, member } of findings) {
    const entry: BaselineEntry = { fingerprint, file, ...(member === undefined ? {} : { member }) };
    byKey.set(baselineKey(entry), entry);
  }
  const findingsSorted = [...byKey.values()].sort((a, b) => compareText(a.file, b.file) || compareText(a.member ?? "", b.member ?? "") || compareText(a.fingerprint, b.fingerprint));
  return { version: 1, findings: findingsSorted };
}

export function renderBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Parses a baseline file's text into its set of keys, or says what is wrong with it. */
export function parseBaseline(text: string): { ok: true; keys: Set<string> } | { ok: false; problem: string } {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const findings = (parsed.value as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings)) return { ok: false, problem: 'no "findings" list' };
  const keys = new Set<string>();
  for (const entry of findings) {
    if (typeof entry?.fingerprint !== "string" || typeof entry?.file !== "string") {
      return { ok: false, problem: 'each entry needs "fingerprint" and "file"' };
    }
    keys.add(baselineKey(entry as BaselineEntry));
  }
  return { ok: true, keys };
}
