import { dirname, relative, resolve, sep } from "node:path";
import type { ReportFinding } from "../report.js";
import { parseJson } from "../parse-json.js";
import { compareText } from "../compare-text.js";
import { STDIN_NAME } from "../sources/stdin-name.js";

/**
 * A baseline file: accepted findings by token fingerprint and path only (no lines, no dates, no
 * token values), sorted and de-duplicated, so it neither churns nor conflicts in review. Paths are
 * relative to the baseline file's own folder (`/`-separated), so it matches from any working folder.
 */
export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

export interface BaselineEntry {
  fingerprint: string;
  /** Relative to the folder the baseline file is in; `<stdin>` for standard input. */
  file: string;
  member?: string;
}

/** A baseline as read from its file: its entries, and the folder their paths are relative to. */
export interface LoadedBaseline {
  folder: string;
  entries: BaselineEntry[];
}

/** The key a finding or entry is matched by: the same token in the same file (or archive member). */
export function baselineKey(entry: BaselineEntry, folder: string): string {
  const file = entry.file === STDIN_NAME ? entry.file : resolve(folder, entry.file);
  return `${entry.fingerprint}\u0000${file}\u0000${entry.member ?? ""}`;
}

/** The entry for a finding (whose path is relative to `cwd`) in a baseline kept in `folder`. */
export function toBaselineEntry({ fingerprint, file, member }: Pick<ReportFinding, "fingerprint" | "file" | "member">, cwd: string, folder: string): BaselineEntry {
  const rebased = file === STDIN_NAME ? file : relative(folder, resolve(cwd, file)).split(sep).join("/");
  return { fingerprint, file: rebased, ...(member === undefined ? {} : { member }) };
}

/** The baseline file's folder, as entries are resolved against it. */
export function baselineFolder(baselineFile: string, cwd: string): string {
  return dirname(resolve(cwd, baselineFile));
}

export function toBaseline(entries: readonly BaselineEntry[]): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const entry of entries) byKey.set(`${entry.fingerprint}\u0000${entry.file}\u0000${entry.member ?? ""}`, entry);
  const findingsSorted = [...byKey.values()].sort((a, b) => compareText(a.file, b.file) || compareText(a.member ?? "", b.member ?? "") || compareText(a.fingerprint, b.fingerprint));
  return { version: 1, findings: findingsSorted };
}

export function renderBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Parses a baseline file's text into its entries, or says what is wrong with it. */
export function parseBaseline(text: string): { ok: true; entries: BaselineEntry[] } | { ok: false; problem: string } {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const findings = (parsed.value as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings)) return { ok: false, problem: 'no "findings" list' };
  const entries: BaselineEntry[] = [];
  for (const entry of findings) {
    if (typeof entry?.fingerprint !== "string" || typeof entry?.file !== "string" || (entry.member !== undefined && typeof entry.member !== "string")) {
      return { ok: false, problem: 'each entry needs "fingerprint" and "file"' };
    }
    const { fingerprint, file, member } = entry as BaselineEntry;
    entries.push({ fingerprint, file, ...(member === undefined ? {} : { member }) });
  }
  return { ok: true, entries };
}

/**
 * Entries this scan shows are gone: not matched, and their file was scanned or no longer exists.
 * An entry for a file the scan did not cover (a subset of paths, `--staged`) is not judged.
 */
export function staleEntries(
  baseline: LoadedBaseline,
  matched: ReadonlySet<string>,
  covered: { isScanned(absolutePath: string): boolean; exists(absolutePath: string): boolean; readStdin: boolean },
): BaselineEntry[] {
  return baseline.entries.filter((entry) => {
    if (matched.has(baselineKey(entry, baseline.folder))) return false;
    if (entry.file === STDIN_NAME) return covered.readStdin;
    const path = resolve(baseline.folder, entry.file);
    return covered.isScanned(path) || !covered.exists(path);
  });
}
