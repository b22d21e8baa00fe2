import { availableParallelism } from "node:os";
import { existsSync, realpathSync, type PathLike } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Confidence } from "@hawzu-scan/core";
import type { VerificationResult } from "@hawzu-scan/verify";
import ignore from "ignore";
import { baselineFolder, baselineKey, parseBaseline, renderBaseline, staleEntries, toBaseline, toBaselineEntry, type LoadedBaseline } from "../baseline/baseline.js";
import type { AddedSuppression } from "../change/added-suppression.js";
import { loadChangeSettings, type ChangeSettings } from "../change/load-change-settings.js";
import { suppressionsAddedText } from "../change/suppressions-added-text.js";
import { loadConfig } from "../config/load-config.js";
import { toScanSettings } from "../config/to-scan-settings.js";
import { findRepositoryRoot } from "../git/find-repository-root.js";
import { listStagedAdditions } from "../git/list-staged-additions.js";
import { listStaged } from "../git/list-staged.js";
import { openBlobReader, type BlobReader } from "../git/open-blob-reader.js";
import { toDisplayPath } from "../git/to-display-path.js";
import type { RunIo } from "../io.js";
import { blockedCommitMessage, blockedCommitMessageText, DEFAULT_BASELINE_FILE, messages } from "../messages.js";
import { createProgress } from "../progress.js";
import { compareErrors, compareFindings, type Report, type ReportError, type ScannedFinding, type ScannedSuppressed } from "../report.js";
import type { ScanSettings, ScanSink } from "../scan/scan-context.js";
import { inShard, type Shard } from "../shard/shard.js";
import { scanGitIndex } from "../sources/git-index.js";
import { isS3Url } from "../sources/is-s3-url.js";
import { createTextReporter } from "../reporters/text.js";
import { collectFiles, IGNORE_FILE } from "../walk/collect-files.js";
import { writeReport, type Format } from "./write-report.js";
import { describeLocation } from "../scan/describe-location.js";
import { escapeControl } from "../scan/escape-control.js";
import { maskTokenLike } from "../scan/mask-token-like.js";

// What only some scans need (workers, archives, S3, stdin, history, the Hawzu API client) is
// imported where used: a commit hook starts the CLI every time, and pays for every module it loads.

// Objects requested at once from an object store: enough to hide a round trip, few enough to be polite.
const S3_OBJECTS_AT_ONCE = 8;

/**
 * Where a git scan reads: the index (`--staged`), the message of the commit being made
 * (`--commit-msg`), or what commits added (`--since`, `--git-history`).
 */
export type GitScan = { kind: "staged"; paths: string[] } | { kind: "message"; paths: string[] } | { kind: "history"; since?: string };

export interface ScanOptions {
  paths: string[];
  format: Format;
  output?: string;
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  /** With `writeBaseline`: drop the file's entries this scan shows are gone (kept by default). */
  pruneBaseline?: boolean;
  listSuppressed: boolean;
  shard?: Shard;
  jobs?: number;
  minConfidence?: Confidence;
  knownPrefixes: string[];
  /** `--no-ignore`: false scans what .gitignore, .hawzu-scanignore and the config's `ignore` skip. */
  useIgnoreRules?: boolean;
  progress?: boolean;
  /** Read from git instead of walking `paths`. */
  git?: GitScan;
  /** `--verify`: ask the Hawzu API at `baseUrl` (already checked) whether each token is live. */
  verify?: { baseUrl: string; proxy?: URL; timeoutMs?: number };
  /** `--fail-on live`: only live tokens make the run fail (needs `verify`). */
  failOn?: "any" | "live";
  /** `--fail-on-new-suppression`: with --since / --staged, exit 1 when the change adds a suppression. */
  failOnNewSuppression?: boolean;
  /** `--allow-unverified`: with `--fail-on live`, tokens the API could not judge pass instead of exit 2. */
  allowUnverified?: boolean;
  /** `--revocation-report FILE.md|FILE.json` (needs `verify`). */
  revocationReport?: string;
  /** `--s3-path-style`: s3:// objects addressed as ENDPOINT/bucket/key. */
  s3PathStyle?: boolean;
}

/** The scan command: inputs -> findings -> (verify) -> report; resolves to the exit code. */
export async function scanCommand(options: ScanOptions, io: RunIo, version: string): Promise<number> {
  // A commit waits on `--staged`: HEAD, the settings' two versions and the staged blobs are all
  // read through one `git cat-file --batch` (one process instead of one per file).
  const reader = options.git?.kind === "staged" ? openBlobReader(io.cwd ?? process.cwd()) : undefined;
  try {
    return await scan(options, io, version, reader);
  } finally {
    reader?.close();
  }
}

async function scan(options: ScanOptions, io: RunIo, version: string, reader: BlobReader | undefined): Promise<number> {
  const started = performance.now();
  const cwd = io.cwd ?? process.cwd();
  const env = io.env ?? process.env;
  const fail = (message: string) => {
    io.stderr.write(`${messages.usagePrefix}${message}\n`);
    return 2;
  };

  // A scan of a change (--since, --staged) runs with the base revision's settings, not the change's.
  const changeScan = options.git?.kind === "staged" || (options.git?.kind === "history" && options.git.since !== undefined);
  const defaultBaseline = options.git?.kind === "staged" && !options.writeBaseline ? DEFAULT_BASELINE_FILE : undefined;
  // What is staged is listed (two git processes, one after the other) while the settings are read.
  const stagedListing = options.git?.kind === "staged" ? listStaged({ cwd, paths: options.git.paths }) : undefined;
  let change: ChangeSettings | undefined;
  if (changeScan) {
    const staged = options.git?.kind === "staged";
    const head = staged && (await reader!.readObject("HEAD"));
    const base = staged ? (head && head.ok && head.type === "commit" ? "HEAD" : undefined) : (options.git as { since: string }).since;
    const loadedChange = await loadChangeSettings({
      cwd,
      base,
      change: staged ? "index" : "HEAD",
      config: options.config,
      baseline: options.writeBaseline ? undefined : (options.baseline ?? defaultBaseline),
      baselineRequired: options.baseline !== undefined,
      reader,
    });
    if (!loadedChange.ok) return fail(loadedChange.message);
    change = loadedChange.settings;
  }
  const loaded = change ? { ok: true as const, config: change.config } : await loadConfig(cwd, options.config);
  if (!loaded.ok) return fail(loaded.message);
  const { config } = loaded;
  // Code frames are made only for the text format, the one that shows them.
  const settings: ScanSettings = { ...toScanSettings(config, options, options.verify !== undefined), codeFrames: options.format === "text" };
  // Tokens read back for --verify, by fingerprint: in memory only, never in a report.
  const tokens = new Map<string, string>();

  // At commit time the hook has no flags to pass: a committed .hawzu-baseline.json is used as is.
  // A scan of a change (--staged, --since) uses the base revision's baseline, read with its settings.
  const baselineFile = change ? undefined : (options.baseline ?? (defaultBaseline && existsSync(resolve(cwd, defaultBaseline)) ? defaultBaseline : undefined));
  const withKeys = (loadedBaseline: LoadedBaseline) => ({ ...loadedBaseline, keys: new Set(loadedBaseline.entries.map((entry) => baselineKey(entry, loadedBaseline.folder))) });
  let baseline: (LoadedBaseline & { keys: Set<string> }) | undefined = change?.baseline && withKeys(change.baseline);
  if (baselineFile) {
    const loadedBaseline = await loadBaseline(baselineFile, cwd);
    if (!loadedBaseline.ok) return fail(loadedBaseline.message);
    baseline = withKeys(loadedBaseline.baseline);
  }
  // Keys of the baseline entries this scan met, and the findings they hid (a rewrite keeps them).
  const matched = new Set<string>();
  const baselinedFindings: ScannedFinding[] = [];

  const readsStdin = options.paths.includes("-");
  const s3Prefixes = options.paths.filter(isS3Url);
  const filePaths = options.paths.filter((path) => path !== "-" && !isS3Url(path));
  const useIgnoreRules = options.useIgnoreRules ?? true;
  const walked = filePaths.length > 0 && !options.git ? await collectFiles(filePaths, cwd, config.ignore ?? [], useIgnoreRules) : { files: [], errors: [], notes: [], ignored: [] };
  // Sharded like files, so the shards' counts add up to one full run's.
  let ignoredCount = options.shard ? walked.ignored.filter((path) => inShard(path, options.shard!)).length : walked.ignored.length;
  const files = options.shard ? walked.files.filter((file) => inShard(file.displayPath, options.shard!)) : walked.files;

  const color = !("NO_COLOR" in env) && (Boolean(env.FORCE_COLOR) || Boolean(io.stdout.isTTY));
  // A blocked commit gets its own message at the end, made for a person at a commit prompt.
  const blocking = (options.git?.kind === "staged" || options.git?.kind === "message") && options.format === "text" && !options.output && !options.writeBaseline;
  // History findings wait for their commits' author, date and subject, read once the scan is done.
  const live = options.format === "text" && !options.output && !options.verify && !options.writeBaseline && !blocking && options.git?.kind !== "history";
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const progress = createProgress(io.stderr, files.length, options.progress ?? Boolean(io.stderr.isTTY && !("CI" in env)), totalBytes);
  const findings: ScannedFinding[] = [];
  const suppressed: ScannedSuppressed[] = [];
  const errors: ReportError[] = [];
  let baselined = 0;
  let binaryAsText = 0;
  const keepFrames = options.format === "text";
  const textOut = live ? createTextReporter((text) => io.stdout.write(text), { color }) : undefined;

  const sink: ScanSink = {
    finding(finding, token) {
      const key = baseline && baselineKey(finding, cwd);
      if (key !== undefined && baseline?.keys.has(key)) {
        matched.add(key);
        baselinedFindings.push(finding);
        baselined++;
        return;
      }
      // One token per distinct fingerprint, however often it is seen: --verify memory is bounded by tokens.
      if (token !== undefined && !tokens.has(finding.fingerprint)) tokens.set(finding.fingerprint, token);
      // Only the text format shows code frames: other formats keep findings small, whatever their number.
      findings.push(keepFrames || finding.frame === undefined ? finding : withoutFrame(finding));
      progress.finding();
      if (textOut) {
        progress.clear();
        textOut.finding(finding);
      }
    },
    suppressed(finding) {
      suppressed.push(keepFrames || finding.frame === undefined ? finding : withoutFrame(finding));
    },
    error(error) {
      errors.push(error);
      progress.clear();
      io.stderr.write(`${messages.usagePrefix}${escapeControl(describeLocation(error))}: ${error.message}\n`);
    },
    warning(file, message) {
      progress.clear();
      io.stderr.write(`${messages.usagePrefix}warning: ${escapeControl(file)}: ${message}\n`);
    },
    read(bytes) {
      progress.read(bytes);
    },
    binary() {
      binaryAsText++;
    },
  };
  for (const error of walked.errors) sink.error(error);
  for (const note of walked.notes) io.stderr.write(`${messages.usagePrefix}note: ${note.file}: ${note.message}\n`);

  let bytes = 0;
  let fileCount = files.length;
  if (readsStdin && io.stdin) {
    const context = { settings, sink, budget: { decompressed: 0 }, scannedBytes: 0 };
    const { scanStdin } = await import("../sources/stdin.js");
    await scanStdin(io.stdin, context);
    progress.endStream();
    bytes += context.scannedBytes;
    fileCount++;
  }
  if (files.length > 0) {
    const { scanFiles } = await import("../pool/scan-files.js");
    bytes += await scanFiles(files, settings, sink, options.jobs ?? availableParallelism(), (entry) => progress.file(entry.size));
  }
  if (s3Prefixes.length > 0) {
    const { parseS3Url, scanS3 } = await import("../sources/s3.js");
    const prefixes = s3Prefixes.map((url) => parseS3Url(url));
    for (const [index, prefix] of prefixes.entries()) if (!prefix) sink.error({ file: s3Prefixes[index]!, message: messages.s3BadUrl });
    const scanned = await scanS3({
      prefixes: prefixes.filter((prefix) => prefix !== undefined),
      context: () => ({ settings, sink, budget: { decompressed: 0 }, scannedBytes: 0 }),
      shard: options.shard,
      concurrency: S3_OBJECTS_AT_ONCE,
      forcePathStyle: options.s3PathStyle ?? false,
      env,
    });
    bytes += scanned.bytes;
    fileCount += scanned.objects;
  }
  if (options.git) {
    const ignored = ignore().add([...(config.ignore ?? [])]);
    const ignoreFile = change ? change.ignoreText : await readFile(resolve(cwd, IGNORE_FILE), "utf8").catch(() => "");
    ignored.add(ignoreFile);
    // `ignore` throws on what is not a relative path (".", "../x"): such a path is never ignored.
    const isIgnored = (displayPath: string) => {
      const skipped = useIgnoreRules && ignore.isPathValid(displayPath) && ignored.ignores(displayPath);
      if (skipped) ignoredCount++;
      return skipped;
    };
    const context = () => ({ settings, sink, budget: { decompressed: 0 }, scannedBytes: 0 });
    const scanned =
      options.git.kind === "staged"
        ? await scanGitIndex({ cwd, paths: options.git.paths, isIgnored, context, reader, listing: stagedListing })
        : options.git.kind === "message"
          ? await (await import("../sources/commit-message-file.js")).scanCommitMessageFiles({ cwd, paths: options.git.paths, context })
          : await (await import("../sources/git-history.js")).scanGitHistory({ cwd, since: options.git.since, isIgnored, context });
    if (!scanned.ok) {
      progress.stop();
      return fail(scanned.message);
    }
    fileCount += scanned.files;
    bytes += scanned.bytes;
  }
  progress.stop();

  // What this scan covered, to judge baseline entries: files it walked, or (git scans) none by name.
  const scannedPaths = new Set(files.map((file) => resolve(cwd, file.displayPath)));
  const covered = { isScanned: (path: string) => scannedPaths.has(path), exists: (path: PathLike) => existsSync(path), readStdin: readsStdin };
  if (baseline && baselineFile && baseline.entries.length > 0) {
    const stale = staleEntries(baseline, matched, covered).length;
    const total = baseline.entries.length;
    if (matched.size === 0 && stale === total) io.stderr.write(`${messages.usagePrefix}warning: ${messages.baselineMatchedNothing(baselineFile, total)}\n`);
    else if (stale > 0 && stale * 2 >= total) io.stderr.write(`${messages.usagePrefix}warning: ${messages.baselineStale(baselineFile, stale, total)}\n`);
  }

  let reported = findings.sort(compareFindings);
  if (options.git?.kind === "history" && reported.length > 0) {
    const { readCommitMetadata } = await import("../git/read-commit-metadata.js");
    const metadata = await readCommitMetadata(cwd, reported.flatMap((finding) => (finding.commit ? [finding.commit] : [])));
    reported = reported.map((finding) => {
      const about = finding.commit ? metadata.get(finding.commit) : undefined;
      return about ? { ...finding, ...about } : finding;
    });
  }
  // `--fail-on live` passes inactive tokens; one the API could not judge might be live.
  let unverified: string | undefined;
  if (options.verify) {
    const { baseUrl, proxy, timeoutMs } = options.verify;
    const { verifyScannedFindings } = await import("../verify/verify-scanned-findings.js");
    const verified = await verifyScannedFindings(reported, tokens, { baseUrl, timeoutMs, ...(proxy ? { proxy } : {}) });
    tokens.clear();
    reported = verified.findings;
    if (verified.stats.unreachable !== undefined) io.stderr.write(`${messages.usagePrefix}${messages.apiUnreachable(new URL(baseUrl).origin, verified.stats.unreachable, proxy?.host)}\n`);
    if (verified.results.size > 0) io.stderr.write(`${messages.verified(verified.results)}\n`);
    if (options.failOn === "live" && !options.allowUnverified) unverified = describeUnverified(verified.results);
    if (options.revocationReport) {
      const { writeRevocationReport } = await import("../verify/write-revocation-report.js");
      const written = await writeRevocationReport(resolve(cwd, options.revocationReport), reported, verified.results);
      if (!written.ok) return fail(messages.outputFailed(options.revocationReport, written.message));
      io.stderr.write(`${messages.wroteRevocationReport(options.revocationReport)}\n`);
    }
  }

  // What the change adds that silences findings: listed for review, and failing with --fail-on-new-suppression.
  let suppressionsAdded: AddedSuppression[] | undefined;
  let addedSuppressed: ScannedSuppressed[] = [];
  if (change) {
    const inline = await inlineSuppressionsAdded(cwd, options.git!, suppressed);
    if (!inline.ok) return fail(inline.message);
    addedSuppressed = inline.suppressed;
    suppressionsAdded = [
      ...addedSuppressed.map((finding): AddedSuppression => ({
        kind: "inline",
        file: finding.file,
        line: finding.line,
        ...(finding.commit === undefined ? {} : { commit: finding.commit }),
        what: `hawzu-scan-ignore comment on ${finding.redacted}`,
        ...(finding.reason === undefined ? {} : { reason: finding.reason }),
        fingerprints: [finding.fingerprint],
      })),
      // Rule text and comments come from the change itself: masked and capped like a finding's reason.
      ...change.added.map(({ hides, what, reason, ...suppression }): AddedSuppression => ({
        ...suppression,
        what: shownChangeText(what),
        ...(reason === undefined ? {} : { reason: shownChangeText(reason) }),
        fingerprints: reported.filter(hides).map((finding) => finding.fingerprint),
      })),
    ];
  }
  const newSuppressionFails = options.failOnNewSuppression === true && (suppressionsAdded?.length ?? 0) > 0;

  if (options.writeBaseline) {
    // Entries already accepted in the file are kept (a `--staged` run sees only a few files);
    // `--prune-baseline` drops those this scan shows are gone.
    const folder = baselineFolder(options.writeBaseline, cwd);
    const previous = existsSync(resolve(cwd, options.writeBaseline)) ? await loadBaseline(options.writeBaseline, cwd) : { ok: true as const, baseline: { folder, entries: [] } };
    if (!previous.ok) return fail(previous.message);
    const current = [...reported, ...baselinedFindings].map((finding) => toBaselineEntry(finding, cwd, folder));
    const currentKeys = new Set(current.map((entry) => baselineKey(entry, folder)));
    const gone = options.pruneBaseline ? new Set(staleEntries(previous.baseline, currentKeys, covered)) : new Set();
    const kept = previous.baseline.entries.filter((entry) => !gone.has(entry));
    const baselineToWrite = toBaseline([...kept, ...current]);
    const result = await writeFile(resolve(cwd, options.writeBaseline), renderBaseline(baselineToWrite)).catch((error: Error) => error);
    if (result instanceof Error) return fail(messages.baselineWriteFailed(options.writeBaseline, (result as { code?: string }).code ?? result.message));
    io.stderr.write(`${messages.wroteBaseline(options.writeBaseline, baselineToWrite.findings.length, gone.size)}\n`);
    return errors.length > 0 ? 2 : 0;
  }

  // `--fail-on live`: only live tokens fail the run (and block a commit); unknown never counts as live.
  const failing = options.failOn === "live" ? reported.filter((finding) => finding.verification?.status === "live") : reported;
  const finish = (code: number) => {
    if (code === 1 || unverified === undefined) return code;
    io.stderr.write(`${messages.usagePrefix}${unverified}\n`);
    return 2;
  };
  if (blocking) {
    if (failing.length > 0) {
      io.stderr.write(options.git?.kind === "message" ? blockedCommitMessageText(failing) : blockedCommitMessage(failing, { baselineFile: DEFAULT_BASELINE_FILE }));
    }
    if (suppressionsAdded && suppressionsAdded.length > 0) io.stderr.write(suppressionsAddedText(suppressionsAdded, newSuppressionFails));
    return finish(newSuppressionFails ? 1 : exitCode({ findings: failing, errors }));
  }

  const report: Report = {
    version: 1,
    findings: reported,
    errors: errors.sort(compareErrors),
    stats: { files: fileCount, bytes, durationMs: Math.round(performance.now() - started), ignored: ignoredCount, binaryAsText },
    ...(options.listSuppressed ? { suppressed: suppressed.sort(compareFindings) } : addedSuppressed.length > 0 ? { suppressed: addedSuppressed.sort(compareFindings) } : {}),
    ...(suppressionsAdded ? { suppressionsAdded } : {}),
    covered: {
      inputs: options.git?.kind === "staged" || options.git?.kind === "message" ? options.git.paths : options.paths,
      ...(options.git ? { git: gitFlag(options.git) } : {}),
      ...(options.shard ? { shard: { index: options.shard.index, count: options.shard.count } } : {}),
    },
  };
  const written = await writeReport(report, { format: options.format, output: options.output, cwd, color, version, baselined, live: textOut }, io);
  if (!written.ok) return fail(written.message);
  if (newSuppressionFails) io.stderr.write(`${messages.usagePrefix}${messages.failOnNewSuppression(suppressionsAdded!.length)}\n`);
  return finish(newSuppressionFails ? 1 : exitCode({ findings: failing, errors: report.errors }));
}

/**
 * The inline `hawzu-scan-ignore` suppressions the change adds: for --since, the history scan keeps
 * only those on added lines already; for --staged, those on lines the index adds over HEAD.
 */
async function inlineSuppressionsAdded(
  cwd: string,
  git: GitScan,
  suppressed: readonly ScannedSuppressed[],
): Promise<{ ok: true; suppressed: ScannedSuppressed[] } | { ok: false; message: string }> {
  if (git.kind === "history" || suppressed.length === 0) return { ok: true, suppressed: [...suppressed] };
  const found = await findRepositoryRoot(cwd);
  if (!found.ok) return { ok: false, message: found.reason };
  const additions = await listStagedAdditions(found.root);
  if (!additions.ok) return { ok: false, message: `could not list the staged changes: ${additions.reason}` };
  const root = realpathOr(found.root);
  const here = realpathOr(cwd);
  const added = new Map([...additions.added].map(([repoPath, lines]) => [toDisplayPath(root, here, repoPath), lines]));
  // The line above counts too: a `hawzu-scan-ignore-next-line` comment added over an old token.
  const isAdded = (finding: ScannedSuppressed) => {
    const lines = finding.member === undefined ? added.get(finding.file) : undefined;
    return lines !== undefined && (lines.has(finding.line) || lines.has(finding.line - 1));
  };
  return { ok: true, suppressed: suppressed.filter(isAdded) };
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** "2 network-error (network error ECONNREFUSED), 1 timeout (...)" for the unknown results, or undefined. */
function describeUnverified(results: ReadonlyMap<string, VerificationResult>): string | undefined {
  const byReason = new Map<string, { count: number; detail: string }>();
  for (const result of results.values()) {
    if (result.status !== "unknown") continue;
    const entry = byReason.get(result.reason) ?? { count: 0, detail: result.detail };
    entry.count++;
    byReason.set(result.reason, entry);
  }
  if (byReason.size === 0) return undefined;
  const total = [...byReason.values()].reduce((sum, entry) => sum + entry.count, 0);
  return messages.unverified(total, [...byReason].map(([reason, { count, detail }]) => `${count} ${reason}: ${detail}`).join("; "));
}

async function loadBaseline(file: string, cwd: string): Promise<{ ok: true; baseline: LoadedBaseline } | { ok: false; message: string }> {
  const text = await readFile(resolve(cwd, file), "utf8").catch((error: Error) => error);
  if (text instanceof Error) return { ok: false, message: messages.baselineUnreadable(file, (text as { code?: string }).code ?? text.message) };
  const parsed = parseBaseline(text);
  if (!parsed.ok) return { ok: false, message: messages.baselineUnreadable(file, parsed.problem) };
  return { ok: true, baseline: { folder: dirname(resolve(cwd, file)), entries: parsed.entries } };
}

// As long as the core lets a suppression's reason be.
const LONGEST_CHANGE_TEXT = 200;

function shownChangeText(text: string): string {
  return maskTokenLike(text).slice(0, LONGEST_CHANGE_TEXT);
}

/** 1 findings; 2 no findings but something was not scanned; 0 clean and everything scanned. */
export function exitCode(report: Pick<Report, "findings" | "errors">): number {
  if (report.findings.length > 0) return 1;
  return report.errors.length > 0 ? 2 : 0;
}

function withoutFrame<T extends { frame?: unknown }>(finding: T): T {
  const { frame: _frame, ...rest } = finding;
  return rest as T;
}

/** The flag that chose a git scan, as the report's `covered` names it. */
function gitFlag(git: GitScan): string {
  if (git.kind === "staged") return "--staged";
  if (git.kind === "message") return "--commit-msg";
  return git.since !== undefined ? `--since ${git.since}` : "--git-history";
}
