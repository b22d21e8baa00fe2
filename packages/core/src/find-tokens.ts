import { judgeRange, judgeValue } from "./candidate/judge-value.js";
import { computeKeywordWindows, computeWindows } from "./compute-windows.js";
import { contexts as allContexts } from "./contexts/index.js";
import { findKeywordHits, findOddCasingHits } from "./find-keyword-hits.js";
import { TextEvidence } from "./evidence/TextEvidence.js";
import { fingerprint } from "./fingerprint.js";
import { LineIndex } from "./line-index.js";
import { redact } from "./redact.js";
import { isHawzuPath, resolveOptions } from "./resolve-options.js";
import { findSuppression } from "./suppression.js";
import type {
  Confidence,
  ContextMatch,
  DetectionContext,
  Encoding,
  Finding,
  FindOptions,
  ResolvedOptions,
  ScanResult,
  SuppressedFinding,
} from "./types.js";

// A Hawzu-named file is judged whole up to this size; beyond it, only around keyword hits.
const WHOLE_FILE_LIMIT = 4 * 1024 * 1024;
const CONFIDENCE_RANK: Record<Confidence, number> = { medium: 1, high: 2 };

/** A candidate that passed every check, before positions and hashes are computed. */
interface Candidate {
  start: number;
  end: number;
  token: string;
  encoding: Encoding;
  confidence: Confidence;
  ruleId: string;
  context: string;
}

/**
 * Finds Hawzu tokens in `text`. Pure: no I/O, never prints, never throws on any input.
 * The same text and options give the same result in every front end.
 */
export function findTokens(text: string, options: FindOptions = {}): ScanResult {
  const resolved = resolveOptions(options);
  const candidates = findCandidates(text, resolved);
  return toResult(text, candidates, resolved);
}

/** The candidates of `text`, sorted by start; shared with the streaming scanner. */
export function findCandidates(
  text: string,
  options: ResolvedOptions,
  contexts: readonly DetectionContext[] = allContexts,
): Candidate[] {
  const inHawzuFile = isHawzuPath(options.path);
  let windows: Array<[number, number]>;
  if (inHawzuFile && text.length <= WHOLE_FILE_LIMIT) windows = [[0, text.length]];
  else {
    // Without listing every hit where that gives the same windows (a hostile line holds millions).
    const found = computeKeywordWindows(text, options.keywords);
    if (found && found.length > 0) windows = found;
    else {
      // No window: no keyword as written (most of a sparse log), so only an odd casing can be a hit.
      const hits = found ? findOddCasingHits(text) : findKeywordHits(text, options);
      if (hits.length === 0) return [];
      windows = computeWindows(text, hits);
    }
  }
  const byRange = new Map<string, Candidate>();
  for (const [windowStart, windowEnd] of windows) {
    const windowText = text.slice(windowStart, windowEnd);
    const evidence = new TextEvidence(windowText);
    // A configured extra key name stands for "hawzu" (it names a Hawzu token key).
    const extraNameHere = options.extraKeyNames.some((name) => evidence.lower.includes(name.toLowerCase()));
    for (const context of contexts) {
      const keywordHere = context.keywords.some((word) => evidence.saysWord(word) || (extraNameHere && word === "hawzu"));
      if (context.keywords.length > 0 && !keywordHere) continue;
      for (const match of context.match({ text: windowText, evidence, options, inHawzuFile })) {
        const candidate = toCandidate(evidence, windowStart, context, match);
        if (!candidate) continue;
        const key = `${candidate.start}:${candidate.end}`;
        const existing = byRange.get(key);
        if (!existing || CONFIDENCE_RANK[candidate.confidence] > CONFIDENCE_RANK[existing.confidence]) {
          byRange.set(key, candidate);
        }
      }
    }
  }
  return dropContained([...byRange.values()].sort((a, b) => a.start - b.start || b.end - a.end));
}

function toCandidate(
  evidence: TextEvidence,
  windowStart: number,
  context: DetectionContext,
  match: ContextMatch,
): Candidate | undefined {
  const [start, end] = match.range;
  const written = evidence.text.slice(start, end);
  const strictness = match.strictness ?? "normal";
  const judged =
    match.token === undefined ? judgeRange(evidence, start, end, strictness) : judgeValue(written, strictness, match.token, match.encoding ?? "plain");
  if (!judged) return undefined;
  const { token, encoding } = judged;
  return {
    start: windowStart + start,
    end: windowStart + end,
    token,
    encoding,
    confidence: match.confidence ?? context.confidence,
    ruleId: context.id,
    context: safeDescription(match.description, written, token),
  };
}

const LONGEST_DESCRIPTION = 120;

/**
 * Descriptions quote names from the text (keys, sections, hosts): capped, and never allowed to
 * carry the value, however odd the text (`[hawzu <token>]`), since every front end prints them.
 */
function safeDescription(description: string, written: string, token: string): string {
  let safe = description;
  for (const secret of [written, token]) safe = safe.split(secret).join("[redacted]");
  return safe.length > LONGEST_DESCRIPTION ? safe.slice(0, LONGEST_DESCRIPTION - 3) + "..." : safe;
}

/** Where two contexts read overlapping spans of one value, the longer span wins. */
function dropContained(sorted: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    const last = kept[kept.length - 1];
    if (last && candidate.start < last.end) {
      if (CONFIDENCE_RANK[candidate.confidence] > CONFIDENCE_RANK[last.confidence] && candidate.end - candidate.start >= last.end - last.start) {
        kept[kept.length - 1] = candidate;
      }
      continue;
    }
    kept.push(candidate);
  }
  return kept;
}

/** Turns candidates into findings: confidence filter, suppressions, positions, hashes. */
export function toResult(
  text: string,
  candidates: readonly Candidate[],
  options: ResolvedOptions,
  base: { line: number; column: number; offset: number } = { line: 1, column: 1, offset: 0 },
): ScanResult {
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  if (candidates.length === 0) return { findings, suppressed };
  const lines = new LineIndex(text);
  const minimum = CONFIDENCE_RANK[options.minConfidence];
  for (const candidate of candidates) {
    if (CONFIDENCE_RANK[candidate.confidence] < minimum) continue;
    const startPosition = lines.position(candidate.start);
    const endPosition = lines.position(candidate.end - 1);
    const finding: Finding = {
      ruleId: candidate.ruleId,
      line: base.line + startPosition.line - 1,
      column: startPosition.line === 1 ? base.column + startPosition.column - 1 : startPosition.column,
      endLine: base.line + endPosition.line - 1,
      endColumn: (endPosition.line === 1 ? base.column + endPosition.column - 1 : endPosition.column) + 1,
      start: base.offset + candidate.start,
      end: base.offset + candidate.end,
      confidence: candidate.confidence,
      context: candidate.context,
      fingerprint: fingerprint(candidate.token),
      redacted: redact(candidate.token),
      encoding: candidate.encoding,
    };
    const suppression = findSuppression(
      lines.lineText(startPosition.line),
      startPosition.line > 1 ? lines.lineText(startPosition.line - 1) : undefined,
    );
    if (suppression) suppressed.push({ ...finding, ...suppression });
    else findings.push(finding);
  }
  return { findings, suppressed };
}

export type { Candidate };
