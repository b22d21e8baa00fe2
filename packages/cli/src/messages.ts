// Every sentence hawzu-scan shows a person, in one place. Never put a token in here: findings carry
// only their redacted form and fingerprint.
import type { Finding } from "@hawzu-scan/core";

export const HINT =
  "revoke it in Hawzu (Security & Access > Access Tokens), move the value to an environment variable or secret store, then remove it here";
/** For a token found in a commit: deleting it now leaves it in every clone of the history. */
export const HISTORY_HINT =
  "revoke it in Hawzu (Security & Access > Access Tokens): a committed token stays in the history of every clone and fork, so revoking it is what makes it harmless; keep the value in an environment variable or secret store, and rewrite history (git filter-repo) only if the repository itself must not hold it";

/** ` (author, date: subject)` of a history finding, when known. */
export function describeCommit(finding: { author?: string; date?: string; subject?: string }): string {
  return finding.author === undefined ? "" : ` (${finding.author}, ${finding.date?.slice(0, 10)}: ${finding.subject})`;
}

/** A token's fingerprint as people read it: like a short git hash, enough to tell tokens apart. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.slice(0, "sha256:".length + 8);
}
// How a person turns each format we recognise but do not decode into something we scan.
const EXTRACT_WITH: Record<string, string> = {
  "7z": "`7z x FILE`",
  rar: "`unrar x FILE`",
  lz4: "`lz4 -dc FILE > out`",
  lzip: "`lzip -dc FILE > out`",
  compress: "`uncompress -c FILE > out`",
  lzma: "`xz --format=lzma -dc FILE > out`",
};

export const messages = {
  // Bad input, one line each: what happened and what to do. Prefixed with the file by the caller.
  invalidUtf8: "not valid UTF-8: scanned with replacement characters (columns after a bad byte may be off); convert it to UTF-8 for exact positions",
  notRegularFile: (kind: string) => `not scanned: it is a ${kind}, not a regular file; scan what it points to or produces instead`,
  danglingSymlink: "a symbolic link whose target does not exist: nothing to scan (fix or remove the link if it should point somewhere)",
  vanished: "not scanned: it disappeared before it could be read (deleted or moved during the scan); rerun the scan",
  unreadable: (code: string) => `not scanned: cannot read it (${code}); fix its permissions or run as a user who can read it`,
  shrank: (size: number, read: number) =>
    `not fully scanned: it shrank while being read (from ${size} to ${read} bytes, e.g. truncated by log rotation); what it held past that was not scanned: rescan it and its rotated copy`,
  readFailed: (detail: string) => `not scanned: reading failed (${detail}); check the file and rerun`,
  undecodable: (codec: string, truncated: boolean, bytes: number) =>
    `not fully scanned: ${truncated ? "truncated" : "corrupt"} ${codec} data, scanned only the first ${bytes} decompressed bytes; fetch a complete copy and rescan`,
  notDecoded: (format: string) =>
    format === "utf32"
      ? "not scanned: UTF-32 text is not decoded by hawzu-scan; convert it to UTF-8 (`iconv -f UTF-32 -t UTF-8 FILE > out`) and scan the result"
      : `not scanned: ${format} content is not decoded by hawzu-scan; decompress or extract it (${EXTRACT_WITH[format] ?? "with its own tool"}) and scan the result`,
  lfsObjectMissing: (oid: string) =>
    `not scanned: it is a Git LFS pointer and its object (${oid.slice(0, 12)}…) is not in the local store; run \`git lfs fetch\` (or \`git lfs pull\`) and scan again`,
  lfsObjectSize: (expected: number, found: number) =>
    `not fully scanned: its Git LFS object holds ${found} bytes where the pointer says ${expected}; run \`git lfs fsck\` and scan again`,
  corruptArchive: (kind: string) => `not fully scanned: corrupt or truncated ${kind} archive; fetch a complete copy and rescan`,
  encryptedZipMember: "not scanned: encrypted zip member; decrypt the archive and scan the extracted files",
  unsupportedZipMember: (method: number) => `not scanned: zip compression method ${method} is not supported; extract it with another tool and scan the files`,
  tooDeep: (depth: number) => `not scanned: archive nested deeper than archives.maxDepth (${depth}); raise it in the config to scan it`,
  tooBig: (limit: number) =>
    `not fully scanned: decompressed size passed archives.maxBytes (${limit} bytes), possibly a zip bomb; raise the limit in the config if it is genuine`,
  tooCompressed: (limit: number) =>
    `not fully scanned: compression ratio passed archives.maxRatio (${limit}:1), possibly a zip bomb; raise the limit in the config if it is genuine`,
  nestedZipTooBig: (limit: number) => `not scanned: a zip inside an archive larger than ${limit} bytes; extract it and scan it directly`,
  pathMissing: "not scanned: no such file or directory; check the path",
  nothingStagedMatches: "not scanned: no staged (added or changed) file matches it; `git add` it first, or check the path or pattern",
  directoryUnreadable: (code: string) => `not scanned: cannot list this directory (${code}); fix its permissions`,

  // Objects in S3-compatible stores (s3://bucket/prefix), named s3://bucket/key.
  s3BadUrl: "not scanned: an s3 URL names a bucket: s3://bucket/ or s3://bucket/prefix/",
  s3ListFailed: (detail: string) => `not scanned: cannot list this prefix (${detail})`,
  s3EmptyPrefix: "not scanned: no objects under this prefix; check the bucket, the prefix (keys are case-sensitive) and AWS_REGION",
  s3ReadFailed: (detail: string) => `not scanned: cannot read this object (${detail})`,
  s3ReadCut: (bytes: number) => `not fully scanned: the connection was cut after ${bytes} bytes of this object; findings before the cut are kept; rescan it`,
  s3Forbidden: (code: string) => `${code}: the credentials in use may not read it; check AWS_PROFILE, the role and the bucket policy (s3:ListBucket, s3:GetObject)`,
  s3Missing: "NoSuchKey: it was deleted or moved after the listing; rescan if it should exist",
  s3NoBucket: "NoSuchBucket: check the bucket name, AWS_ENDPOINT_URL_S3 and, for MinIO or Ceph, --s3-path-style",
  s3Throttled: (attempts: number) => `throttled (SlowDown) ${attempts} times in a row; rescan later or with fewer --jobs`,
  s3NoCredentials: "no AWS credentials found: set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or a role (web identity in a pod)",
  s3Network: (code: string) => `network error ${code}: check AWS_ENDPOINT_URL_S3, the proxy and the network, then rescan`,
  s3Other: (code: string, status: number | undefined) => `${code}${status ? ` (HTTP ${status})` : ""}; rescan, and check the store's logs if it persists`,

  // Usage and config errors (exit code 2).
  usagePrefix: "hawzu-scan: ",
  seeHelp: "run `hawzu-scan --help` for usage",
  unknownOption: (detail: string) => `${detail}; run \`hawzu-scan --help\` for the options`,
  badFormat: (value: string) => `--format must be one of text, compact, json, sarif, github (got "${value}")`,
  badShard: (value: string) => `--shard must be K/N with 1 <= K <= N (got "${value}"), e.g. --shard 2/8`,
  badJobs: (value: string) => `--jobs must be a whole number of at least 1 (got "${value}")`,
  badConfidence: (value: string) => `--min-confidence must be high or medium (got "${value}")`,
  badPrefix: (value: string) => `--known-prefix must be at least 3 characters (got ${value.length})`,
  stdinTwice: "standard input (-) can be given only once",
  gitModesTogether: (flags: string) => `${flags} cannot be combined: choose one`,
  gitWithShard: (flag: string) => `${flag} reads git, not a file list: run it without --shard`,
  failOnNewSuppressionNeedsChange: "--fail-on-new-suppression judges a change: use it with --since REV or --staged",
  commitMessageNeedsFile:
    "--commit-msg scans the message file a commit-msg hook is given: pass it (`hawzu-scan --commit-msg \"$1\"` in .git/hooks/commit-msg or .husky/commit-msg)",
  stagedWithStdin: "--staged reads the git index; standard input (-) cannot be combined with it: scan it in a separate run",
  gitWithPaths: (flag: string) => `${flag} scans the repository's commits, not paths: run it without PATH arguments, from inside the repository`,
  stdinWithShard: "--shard splits files; scan standard input (-) in one job only, without --shard",
  shardAutoMissing:
    "--shard auto found no shard index in the environment: set JOB_COMPLETION_INDEX with --shard-count N (Kubernetes Indexed Job), or run under GitLab parallel:, CircleCI parallelism or Buildkite parallelism; else give --shard K/N",
  shardAutoNoCount: "--shard auto: JOB_COMPLETION_INDEX is set but not the shard count: pass --shard-count N (the Job's completions) or set HAWZU_SCAN_SHARD_COUNT",
  badShardCount: (value: string) => `--shard-count must be a whole number of at least 1 (got "${value}")`,
  shardCountWithoutAuto: "--shard-count goes with --shard auto",
  redactUsage: "usage: hawzu-scan redact IN [-o OUT]: give exactly one input file, or - for standard input",
  redactCorruptGzip: "truncated or corrupt gzip data: nothing written; redact a complete copy",
  redactNoSuchFile: "no such file; check the path (nothing written)",
  redactNotAFile: "not a regular file; redact a file, or pipe the data into `hawzu-scan redact -`",
  redactNoStdin: "no standard input to redact",
  redactCannotDecode: (kind: string) => `${kind} data, which redact cannot read and write back: nothing written; decompress it, redact the result, and compress that`,
  redactCannotEncode: (file: string, codec: string) => `${file}: redact cannot write ${codec}: nothing written; write a plain or .gz copy and compress it yourself`,
  redactNotFullyScanned: (file: string) => `${file} was not fully scanned (see above), so a token could pass unmasked: nothing written; fix what is named above and rerun`,
  redactUnreadableToken: (count: number) => `${count} token(s) were found but their text could not be read back to mask: nothing written; report this to the hawzu-scan maintainers`,
  redactRewriteFailed: (kind: string) => `the ${kind} content could not be rewritten (damaged data?): nothing written; fetch a complete copy and rerun`,
  redactStillFound: (count: number) => `a scan of the masked copy still found ${count} token(s): nothing written; report this to the hawzu-scan maintainers`,
  redactZipUnreadable: "a member cannot be read or written back faithfully (a name that is absolute or holds .., or damaged data): nothing written; extract the archive with another tool and redact the files",
  redactZipMemberUnreadable: "encrypted, or compressed with an unsupported method: nothing written; extract the archive with another tool and redact the files",
  redactRemoved: (file: string) => `${file} removed`,
  redactWriteFailed: (detail: string) => `cannot write the masked copy (${detail})`,
  redactArchiveOnStdin: (kind: string) => `<stdin>: a ${kind} archive cannot be rewritten as a stream: nothing written; save it to a file and run \`hawzu-scan redact FILE -o OUT\``,
  redactStreamLeaked: (file: string, count: number) =>
    `${file} holds ${count} token(s) that went out before they were known (their evidence came later in the stream): treat it as unredacted; save the input to a file and run \`hawzu-scan redact FILE -o OUT\``,
  redactSameFile: "redact: OUT must differ from IN; write the copy elsewhere, then replace the original yourself",
  mergeUsage: "usage: hawzu-scan merge REPORT.json... [--format F] [-o FILE]: give at least one JSON report",
  mergeUnreadable: (file: string, code: string) =>
    `${file}: cannot read this report (${code === "ENOENT" ? "no such file" : code}); check the path, or that the job that writes it ran`,
  missingShard: (index: number, count: number, seen: readonly number[]) =>
    `not scanned: shard ${index}/${count} is missing from the merge (got ${seen.map((k) => `${k}/${count}`).join(", ")}); merge the reports of all ${count} shards`,
  mergeBadReport: (file: string, detail: string) => `${file}: not a hawzu-scan JSON report (${detail}); merge only files written with --format json`,
  configInvalidJson: (file: string, detail: string) => `${file}: invalid JSON (${detail}); fix the file`,
  configInvalid: (file: string, detail: string) => `${file}: ${detail}`,
  configMissing: (file: string) => `${file}: config file not found; check the --config path`,
  baselineUnreadable: (file: string, detail: string) => `${file}: cannot read the baseline (${detail}); write one with --write-baseline ${file}`,
  outputFailed: (file: string, detail: string) => `${file}: cannot write the report (${detail})`,
  baselineWriteFailed: (file: string, detail: string) => `${file}: cannot write the baseline (${detail}); check that its folder exists and is writable`,
  baselineMatchedNothing: (file: string, count: number) =>
    `baseline ${file}: none of its ${count} entries matched a finding here (their paths are relative to the baseline's folder); if the files moved, rewrite it with --write-baseline ${file} --prune-baseline`,
  baselineStale: (file: string, stale: number, count: number) =>
    `baseline ${file}: ${stale} of its ${count} entries are stale (token gone or file missing); drop them with --write-baseline ${file} --prune-baseline`,
  pruneNeedsWrite: "--prune-baseline rewrites a baseline: give it with --write-baseline FILE",
  badFailOn: (value: string) => `--fail-on must be \`any\` or \`live\`, not \`${value}\``,
  needsVerify: "--fail-on live, --allow-unverified, --revocation-report and --hawzu-url need --verify (sending tokens to the Hawzu API is opt-in)",
  allowUnverifiedNeedsFailOnLive: "--allow-unverified only changes --fail-on live (with the default --fail-on any, every finding fails the run): add --fail-on live or drop it",
  unverified: (count: number, reasons: string) =>
    `--fail-on live: ${count} token(s) could not be verified (${reasons}), so the run fails rather than pass a token that may be live; rerun when the Hawzu API answers, or add --allow-unverified to let unverified tokens pass`,
  badProxy: (variable: string, reason: string) => `${variable} (the proxy for --verify) is not usable: ${reason}`,
  // One line naming the URL and the likely cause, by the connection error's code.
  apiUnreachable: (origin: string, code: string, proxyHost: string | undefined) => {
    const via = proxyHost ? ` through the proxy ${proxyHost}` : "";
    const cause = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME/i.test(code)
      ? "the TLS certificate is not trusted: behind a TLS-inspecting proxy, give its root certificate with NODE_EXTRA_CA_CERTS=/path/to/root.pem"
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? `the host name does not resolve: check --hawzu-url (or HAWZU_API_URL)${proxyHost ? " and the proxy" : ", or set HTTPS_PROXY if this network reaches the internet through a proxy"}`
        : code === "ECONNREFUSED"
          ? `nothing accepts connections there: check --hawzu-url (or HAWZU_API_URL)${proxyHost ? " and HTTPS_PROXY" : ""}`
          : `no connection (${code === "timeout" ? "timed out" : "blocked or reset"}): check the network, a firewall, or set HTTPS_PROXY (and NO_PROXY) if a proxy is needed`;
    return `cannot reach the Hawzu API at ${origin}${via} (${code}): ${cause}; the tokens not yet checked are unknown`;
  },
  badHawzuUrl: (source: string, reason: string) => `the Hawzu API URL given by ${source} is not usable: ${reason}`,

  // Faults around the scan (exit code 2): one line each, never a stack trace unless asked for.
  unexpectedFailure: (what: string, label: string) =>
    `${what} failed unexpectedly (${label}); the results are incomplete. Set HAWZU_SCAN_DEBUG=1 to see where, and report it`,
  workerFailed: (label: string) => `not scanned: scanning it failed unexpectedly (${label}); set HAWZU_SCAN_DEBUG=1 to see where, and report it`,
  stdoutFailed: (code: string) => `cannot write the report to standard output (${code}); free space on the disk it goes to, or write the report with -o FILE`,

  // Summaries.
  wroteBaseline: (file: string, count: number, pruned: number) =>
    `hawzu-scan: wrote ${count} finding(s) to the baseline ${file}${pruned > 0 ? ` (${pruned} stale entr${pruned === 1 ? "y" : "ies"} pruned)` : ""}; findings in it are no longer reported`,
  verified: (results: ReadonlyMap<string, { status: string }>) => {
    const count = (status: string) => [...results.values()].filter((result) => result.status === status).length;
    const live = count("live");
    const unknown = count("unknown");
    return (
      `hawzu-scan: asked the Hawzu API about ${results.size} distinct token(s): ${live === 0 ? "0 live" : `${live} LIVE`}, ${count("inactive")} inactive, ${unknown} unknown` +
      (live > 0 ? "; revoke the live ones now" : "") +
      (unknown > 0 ? "; unknown is neither live nor inactive: run again later" : "")
    );
  },
  wroteRevocationReport: (file: string) => `hawzu-scan: wrote the revocation report ${file}: what to revoke, and every place each token was found`,
  wroteRedacted: (file: string, tokens: number, occurrences: number, format: string) =>
    `hawzu-scan: wrote ${file} (${format}) with ${tokens} token(s) masked (${occurrences} occurrence(s)); a scan of the copy finds none`,
  summary: (findings: number, files: number, bytes: number, ms: number, errors: number, baselined: number, ignored = 0) =>
    `${findings === 0 ? "no Hawzu tokens found" : `${findings} Hawzu token finding(s)`} in ${files} file(s), ${formatBytes(bytes)} in ${formatDuration(ms)}` +
    (ignored > 0 ? `; ${ignored} path(s) skipped by ignore rules (--no-ignore scans them)` : "") +
    (baselined > 0 ? `; ${baselined} known from the baseline` : "") +
    (errors > 0 ? `; ${errors} input(s) NOT fully scanned (see above)` : ""),
  moreSightings: (fingerprint: string, more: number, all: number) =>
    `${fingerprint}: ${more} more sighting(s) of this token not shown (${all} in all); --format compact lists every place`,
  // Once per run, after the findings. Inactive tokens have nothing left to revoke.
  hint: (statuses: ReadonlySet<string>, inHistory = false) =>
    statuses.size > 0 && [...statuses].every((status) => status === "inactive")
      ? "the Hawzu API refuses these tokens, so there is nothing to revoke: remove them here and keep such values in an environment variable or secret store"
      : inHistory
        ? HISTORY_HINT
        : HINT,
  binaryAsText: (count: number) => `; ${count} binary file(s) read for the text in them`,
  suppressionsAddedHeading: (count: number) =>
    `${count} suppression(s) added by this change (the scan used the base revision's config, ignore rules and baseline; review them):`,
  failOnNewSuppression: (count: number) => `--fail-on-new-suppression: this change adds ${count} suppression(s) (listed above); have them reviewed, or run without the option`,
  suppressedHeading: (count: number) => `${count} finding(s) suppressed by hawzu-scan-ignore comments:`,
};

// ---- The git front end: the pre-commit block, `hawzu-scan init`, --staged / --since / --git-history.
/** A finding and where it is, as the blocking message shows it. */
export interface LocatedFinding extends Pick<Finding, "line" | "column" | "redacted" | "context" | "confidence" | "ruleId"> {
  /** Path relative to the current directory. */
  file: string;
}

export const DEFAULT_BASELINE_FILE = ".hawzu-baseline.json";

/**
 * The text a person sees when the pre-commit hook stops a commit: what was found (redacted), where,
 * and the three ways forward. Written for someone who did not expect it and wants to commit.
 */
export function blockedCommitMessage(found: readonly LocatedFinding[], options: { baselineFile?: string } = {}): string {
  const baselineFile = options.baselineFile ?? DEFAULT_BASELINE_FILE;
  const count = found.length;
  const where = found.map(({ file, line, column }) => `${file}:${line}:${column}`);
  const width = Math.max(...where.map((text) => text.length));
  const lines = [
    `hawzu-scan: commit blocked: ${count === 1 ? "a Hawzu access token is" : `${count} Hawzu access tokens are`} staged for this commit.`,
    "",
    ...found.map((finding, index) => `  ${where[index]!.padEnd(width)}  ${finding.redacted}  ${finding.context} (${finding.confidence}, ${finding.ruleId})`),
    "",
    "Pick one way forward for each:",
    "  1. A real token: delete it from the file and read it at run time from an environment variable",
    "     (e.g. HAWZU_ACCESS_TOKEN) or your secret store. If it was ever pushed or shared, rotate it:",
    "     create a replacement in Hawzu (Security & Access > Access Tokens), switch what uses it, then",
    "     revoke the old one.",
    "  2. Not a real token (a test value, an example): mark it on its line with a comment",
    "     `hawzu-scan-ignore: <why>` (or `hawzu-scan-ignore-next-line: <why>` on the line above).",
    `  3. A known finding you accept for now: run \`hawzu-scan --write-baseline ${baselineFile}\`,`,
    `     commit ${baselineFile} on its own first (\`git commit -m "Accept known finding" -- ${baselineFile}\`),`,
    "     then commit again: the check uses the baseline as already committed, so a commit cannot accept",
    "     its own token.",
    "",
    "Only the staged content was checked, not your working tree: `git add` the fix, then commit again.",
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * The text a person sees when the commit-msg hook stops a commit: the token is in the message they
 * just wrote. Git keeps that message in .git/COMMIT_EDITMSG, so it is not lost.
 */
export function blockedCommitMessageText(found: readonly LocatedFinding[]): string {
  const count = found.length;
  const lines = [
    `hawzu-scan: commit blocked: the commit message holds ${count === 1 ? "a Hawzu access token" : `${count} Hawzu access tokens`}.`,
    "",
    ...found.map((finding) => `  line ${finding.line}, column ${finding.column}  ${finding.redacted}  ${finding.context} (${finding.confidence}, ${finding.ruleId})`),
    "",
    "Take the token out of the message and commit again; git kept what you wrote:",
    "  git commit --edit --file .git/COMMIT_EDITMSG",
    "If it is a real token and was ever pushed or shared, rotate it: create a replacement in Hawzu",
    "(Security & Access > Access Tokens), switch what uses it, then revoke the old one.",
  ];
  return `${lines.join("\n")}\n`;
}

/** One line per thing `hawzu-scan init` changed or found it had to leave to the user. */
export const initMessages = {
  createdHook: (path: string) => `created ${path}`,
  addedHookLine: (path: string, line: string) => `added \`${line}\` to ${path}`,
  addedHookCheck: (path: string, args: string) => `added the \`hawzu-scan ${args} || exit 1\` check to ${path}, before its other commands`,
  madeExecutable: (path: string) => `made ${path} executable (git skips hooks that are not)`,
  addedLintStagedTask: (where: string, pattern: string, command: string) => `added "${pattern}": "${command}" to the lint-staged config in ${where}`,
  addedPrepareScript: (where: string) => `added "prepare": "husky" to ${where}, so hooks are installed by npm install`,
  nothingToDo: "already set up: nothing changed",
  runHusky: "husky is not installed in this clone yet: run `npx husky` (or `npm install`) once to activate the hook",
  editLintStagedByHand: (where: string, pattern: string, command: string) =>
    `${where} is code, which hawzu-scan does not edit: add "${pattern}": "${command}" to it by hand`,
  notAShellHook: (path: string, line: string) => `${path} is not a shell script: add a call to \`${line}\` to it by hand`,
  unreadable: (path: string, reason: string) => `could not update ${path} (${reason}): fix that, then run hawzu-scan init again`,
  notADevDependency: (where: string, command: string) =>
    `@hawzu-scan/cli is not a devDependency in ${where}, so the hook cannot find it in a fresh clone: run \`${command}\` and commit ${where}`,
  noPackageJson: "no package.json here: the hook runs hawzu-scan from PATH (or npx); install it with `npm i -g @hawzu-scan/cli` on every machine that commits",
  addedSimpleGitHooks: (where: string, command: string) => `set the simple-git-hooks pre-commit in ${where} to \`${command}\``,
  runSimpleGitHooks: "run `npx simple-git-hooks` once to write the changed hook into .git/hooks",
  editSimpleGitHooksByHand: (where: string, command: string) =>
    `${where} is code, which hawzu-scan does not edit: start its "pre-commit" command with \`${command} && \`, then run \`npx simple-git-hooks\``,
  addedLefthook: (where: string) => `added a pre-commit command "hawzu-scan" to ${where}`,
  runLefthook: "run `npx lefthook install` once to write the hook into .git/hooks",
  editLefthookByHand: (where: string, snippet: string) => `${where} already has a pre-commit section (or is not YAML): add this command to it by hand, then run \`npx lefthook install\`:\n${snippet}`,
  addedPreCommitFramework: (where: string) => `added a local hawzu-scan hook to ${where}`,
  runPreCommitFramework: "run `pre-commit install` once, if you have not, so git runs the pre-commit framework",
  editPreCommitFrameworkByHand: (where: string, snippet: string) => `add this item to the repos list of ${where} by hand, then run \`pre-commit install\`:\n${snippet}`,
};

/**
 * What the installed plain hook prints when it finds no hawzu-scan to run. It goes inside single
 * quotes in a shell script: no single quotes here.
 */
export const HOOK_CLI_MISSING =
  "hawzu-scan: commit blocked: the pre-commit token check cannot run because @hawzu-scan/cli is not installed; run npm i -D @hawzu-scan/cli (or npm i -g @hawzu-scan/cli), then commit again";



export const HELP = `hawzu-scan: find leaked Hawzu access tokens in files, folders, standard input and log archives.

Usage:
  hawzu-scan [options] [PATH...]        scan files and folders (default: .); - reads standard input;
                                        s3://bucket/prefix/ reads objects (standard AWS configuration)
  hawzu-scan redact IN [-o OUT]         copy a log (plain or .gz) with every token masked
  hawzu-scan merge REPORT.json...       combine JSON reports (e.g. of --shard jobs)
  hawzu-scan init                       install the pre-commit and commit-msg checks in this repository
                                        (husky, lint-staged, simple-git-hooks, lefthook, pre-commit,
                                        else a block in .git/hooks/pre-commit)

Options:
  -f, --format FORMAT       text (default), compact (one line per finding: file:line:col: ...),
                            json, sarif or github
  -o, --output FILE         write the report to FILE instead of standard output
  -c, --config FILE         config file (default: hawzu-scan.config.json, or "hawzu-scan" in package.json)
      --baseline FILE       report only findings not recorded in FILE
      --write-baseline FILE record the current findings in FILE (fingerprint and path only),
                            keeping the entries it already has
      --prune-baseline      with --write-baseline: drop entries whose token or file is gone
      --list-suppressed     also list findings silenced by hawzu-scan-ignore comments
      --fail-on-new-suppression
                            with --since or --staged: exit 1 when the change adds a suppression
                            (an ignore comment, ignore rule, config or baseline edit); they are
                            always listed, as the scan uses the base revision's settings
      --staged [PATHSPEC...]
                            scan what the next commit adds: the staged (git index) content, not
                            the working tree; with files (as lint-staged passes them), folders or
                            globs (--staged sub/ '*.env'), only the staged files they match; one
                            that matches nothing is named. Uses .hawzu-baseline.json when present
                            and no --baseline is given
      --commit-msg FILE     scan a commit message being written (what a commit-msg hook is given:
                            hawzu-scan --commit-msg "$1"), up to git commit -v's scissors line
      --since REV           scan the lines the commits after REV added (git log -p REV..HEAD),
                            and their messages; each finding names its commit
      --git-history         scan the lines every commit of every ref added, every commit
                            message and every annotated tag's message
      --verify              ask the Hawzu API whether each found token is live (sends each
                            distinct token once to GET /api/v1/me; opt-in)
      --hawzu-url URL       the Hawzu API base URL (default https://api.hawzu.com, or HAWZU_API_URL)
      --fail-on any|live    with --verify: fail on any finding (default) or on live tokens only;
                            with live, a token the API could not judge (unknown: unreachable,
                            rate-limited, ...) makes the run exit 2
      --allow-unverified    with --fail-on live: let unknown tokens pass (exit 0) instead
      --revocation-report FILE
                            with --verify: write what to revoke (.md, or .json by extension)
      --shard K/N           scan only the K-th of N deterministic slices of the files (and objects)
      --shard auto          take K/N from the CI engine: Kubernetes Indexed Job (with --shard-count
                            or HAWZU_SCAN_SHARD_COUNT), GitLab, CircleCI, Buildkite
      --s3-path-style       s3://: address the store as ENDPOINT/bucket/key (MinIO, Ceph, ...)
  -j, --jobs N              worker threads (default: number of cores)
      --min-confidence L    high or medium (default: medium)
      --known-prefix P      a prefix your Hawzu tokens start with (repeatable)
      --no-ignore           also scan what .gitignore, .hawzu-scanignore and the config's
                            ignore globs skip (paths named here are always scanned)
      --progress            force the progress bar (default: on a terminal, for long scans)
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 clean and everything scanned; 1 findings; 2 no findings but something could not be
scanned, or a usage or config error, or the report could not be written, or an unexpected failure
(set HAWZU_SCAN_DEBUG=1 to see where it happened).
`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** What a history scan (`--since`, `--git-history`) says about a repository it cannot fully read. */
export const historyMessages = {
  // Said after every broken part, so the reader knows how to get a complete scan.
  repair: "run `git fsck` to see what is damaged, fetch the missing objects (git fetch --refetch), or scan a fresh clone",
  blobUnreadable: (reason: string) => `not scanned in this commit: git cannot read the file (${reason}); ${historyMessages.repair}`,
  fileDiffUnreadable: (reason: string) => `not scanned in this commit: git cannot diff the file (${reason}); ${historyMessages.repair}`,
  commitUnreadable: (commit: string, reason: string) => `commit ${commit} not scanned: git cannot read it (${reason}); ${historyMessages.repair}`,
  commitMissing: (missing: string, children: readonly string[]) =>
    `commit ${missing} is missing, so the commits reachable only through it were not scanned` +
    (children.length > 0 ? `, nor what ${children.map((child) => `commit ${child}`).join(", ")} added` : "") +
    `; ${historyMessages.repair}`,
  rangeUnlisted: (reason: string) =>
    `git could not list the commits (${reason}); they were listed one by one instead, so the history scanned may be incomplete; ${historyMessages.repair}`,
};
