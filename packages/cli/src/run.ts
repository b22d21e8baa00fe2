import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Confidence } from "@hawzu-scan/core";
import { scanCommand, type GitScan } from "./commands/scan.js";
import { FORMATS, type Format } from "./commands/write-report.js";
import type { RunIo } from "./io.js";
import { describeFailure } from "./describe-failure.js";
import { HELP, messages } from "./messages.js";
import { watchStream } from "./watch-stream.js";
import { parseShard, shardFromEnvironment, type Shard } from "./shard/shard.js";

// init, redact, merge and the Hawzu API client are imported when used: a commit hook starts this
// CLI every time, and Node compiles (and the bundle splits off) only what a run imports.

const OPTIONS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  config: { type: "string", short: "c" },
  baseline: { type: "string" },
  "write-baseline": { type: "string" },
  "prune-baseline": { type: "boolean" },
  "list-suppressed": { type: "boolean" },
  shard: { type: "string" },
  "shard-count": { type: "string" },
  "s3-path-style": { type: "boolean" },
  jobs: { type: "string", short: "j" },
  "min-confidence": { type: "string" },
  "known-prefix": { type: "string", multiple: true },
  progress: { type: "boolean" },
  "no-ignore": { type: "boolean" },
  staged: { type: "boolean" },
  "commit-msg": { type: "boolean" },
  since: { type: "string" },
  "git-history": { type: "boolean" },
  verify: { type: "boolean" },
  "hawzu-url": { type: "string" },
  "fail-on": { type: "string" },
  "allow-unverified": { type: "boolean" },
  "fail-on-new-suppression": { type: "boolean" },
  "revocation-report": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

// Options each subcommand understands; anything else is a usage error rather than silently ignored.
const REDACT_OPTIONS = new Set(["output", "config", "known-prefix", "min-confidence"]);
const MERGE_OPTIONS = new Set(["format", "output"]);

/**
 * The whole CLI: parses `argv` (without `node` and the script), runs the subcommand (scan by
 * default, `redact`, `merge`) against the injected streams, and resolves to the exit code.
 * Never calls process.exit.
 */
export async function run(argv: readonly string[], io: RunIo): Promise<number> {
  const env = io.env ?? process.env;
  const stdout = watchStream(io.stdout);
  const stderr = watchStream(io.stderr);
  let code: number;
  try {
    code = await runCommand(argv, io);
  } catch (error) {
    // A crash must look neither like findings (1) nor like clean (0).
    const failure = describeFailure(error, env);
    io.stderr.write(`${messages.usagePrefix}${messages.unexpectedFailure("hawzu-scan", failure.label)}\n${failure.frames ? `${failure.frames}\n` : ""}`);
    code = 2;
  }
  const failure = (await stdout.settled()) ?? stdout.failure();
  stdout.stop();
  stderr.stop();
  if (!failure) return code;
  // A reader that closed the pipe (`| head`) wants no more: stop quietly, as git and ripgrep do.
  if (failure.code !== "EPIPE") io.stderr.write(`${messages.usagePrefix}${messages.stdoutFailed(failure.code ?? failure.name)}\n`);
  return 2;
}

async function runCommand(argv: readonly string[], io: RunIo): Promise<number> {
  const usageError = (message: string) => {
    io.stderr.write(`${messages.usagePrefix}${message}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(describeParseError(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const version = readVersion();
  if (values.version) {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const format = values.format ?? "text";
  if (!FORMATS.includes(format as Format)) return usageError(messages.badFormat(format));

  const command = positionals[0];
  if (command === "init") {
    const extra = Object.keys(values)[0];
    if (extra || positionals.length > 1) return usageError(`\`hawzu-scan init\` takes no options or paths; ${messages.seeHelp}`);
    const { initCommand } = await import("./commands/init.js");
    return initCommand(io);
  }
  if (command === "redact" || command === "merge") {
    const allowed = command === "redact" ? REDACT_OPTIONS : MERGE_OPTIONS;
    const extra = Object.keys(values).find((key) => !allowed.has(key));
    if (extra) return usageError(`--${extra} does not apply to \`hawzu-scan ${command}\`; ${messages.seeHelp}`);
    if (command === "merge") {
      const { mergeCommand } = await import("./commands/merge.js");
      return mergeCommand(positionals.slice(1), { format: format as Format, output: values.output }, io, version);
    }
    if (positionals.length !== 2) return usageError(messages.redactUsage);
    const detection = checkDetectionOptions(values);
    if (typeof detection === "string") return usageError(detection);
    const { redactCommand } = await import("./commands/redact.js");
    return redactCommand(positionals[1]!, { output: values.output, config: values.config, ...detection }, io);
  }

  let shard: Shard | undefined;
  let shardCount: number | undefined;
  if (values["shard-count"] !== undefined) {
    shardCount = Number(values["shard-count"]);
    if (!Number.isInteger(shardCount) || shardCount < 1) return usageError(messages.badShardCount(values["shard-count"]));
    if (values.shard !== "auto") return usageError(messages.shardCountWithoutAuto);
  }
  if (values.shard === "auto") {
    const found = shardFromEnvironment(io.env ?? process.env, shardCount);
    if ("problem" in found) return usageError(found.problem === "no-count" ? messages.shardAutoNoCount : messages.shardAutoMissing);
    shard = found.shard;
  } else if (values.shard !== undefined) {
    shard = parseShard(values.shard);
    if (!shard) return usageError(messages.badShard(values.shard));
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) return usageError(messages.badJobs(values.jobs));
  }
  const detection = checkDetectionOptions(values);
  if (typeof detection === "string") return usageError(detection);
  const { minConfidence, knownPrefixes } = detection;
  const gitModes = [
    values.staged && "--staged",
    values["commit-msg"] && "--commit-msg",
    values.since !== undefined && "--since",
    values["git-history"] && "--git-history",
  ].filter(Boolean);
  if (gitModes.length > 1) return usageError(messages.gitModesTogether(gitModes.join(" and ")));
  let git: GitScan | undefined;
  if (gitModes.length === 1) {
    if (shard) return usageError(messages.gitWithShard(gitModes[0] as string));
    // lint-staged and pre-commit pass the staged files; people pass folders and globs (git pathspecs).
    if (values.staged && positionals.includes("-")) return usageError(messages.stagedWithStdin);
    if (values.staged) git = { kind: "staged", paths: positionals };
    else if (values["commit-msg"]) {
      // A commit-msg hook passes the message file: `hawzu-scan --commit-msg "$1"`.
      if (positionals.length === 0 || positionals.includes("-")) return usageError(messages.commitMessageNeedsFile);
      git = { kind: "message", paths: positionals };
    }
    else if (positionals.length > 0) return usageError(messages.gitWithPaths(gitModes[0] as string));
    else git = { kind: "history", since: values.since };
  }
  if (values["fail-on-new-suppression"] && !values.staged && values.since === undefined) return usageError(messages.failOnNewSuppressionNeedsChange);
  // Verification is opt-in: sending a token over the network is the user's decision.
  const failOn = values["fail-on"] ?? "any";
  if (failOn !== "any" && failOn !== "live") return usageError(messages.badFailOn(failOn));
  if (!values.verify && (failOn === "live" || values["revocation-report"] !== undefined || values["hawzu-url"] !== undefined || values["allow-unverified"])) {
    return usageError(messages.needsVerify);
  }
  if (values["allow-unverified"] && failOn !== "live") return usageError(messages.allowUnverifiedNeedsFailOnLive);
  let verify: { baseUrl: string; proxy?: URL } | undefined;
  if (values.verify) {
    const { BASE_URL_VARIABLE, checkBaseUrl, DEFAULT_BASE_URL, meEndpoint, proxyForUrl } = await import("@hawzu-scan/verify");
    const env = io.env ?? process.env;
    // An empty HAWZU_API_URL counts as unset, as shells and CI templates often leave it.
    const fromEnv = env[BASE_URL_VARIABLE] || undefined;
    const baseUrl = values["hawzu-url"] ?? fromEnv ?? DEFAULT_BASE_URL;
    const check = checkBaseUrl(baseUrl);
    if (!check.ok) return usageError(messages.badHawzuUrl(values["hawzu-url"] !== undefined ? "--hawzu-url" : BASE_URL_VARIABLE, check.reason));
    // HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as npm, git and gitleaks honour them.
    const proxy = proxyForUrl(meEndpoint(baseUrl), env);
    if (!proxy.ok) return usageError(messages.badProxy(proxy.variable, proxy.reason));
    verify = { baseUrl, ...(proxy.proxy ? { proxy: proxy.proxy } : {}) };
  }
  if (values["prune-baseline"] && values["write-baseline"] === undefined) return usageError(messages.pruneNeedsWrite);
  const paths = git ? [] : positionals.length > 0 ? positionals : ["."];
  if (paths.filter((path) => path === "-").length > 1) return usageError(messages.stdinTwice);
  if (shard && paths.includes("-")) return usageError(messages.stdinWithShard);

  return scanCommand(
    {
      paths,
      format: format as Format,
      output: values.output,
      config: values.config,
      baseline: values.baseline,
      writeBaseline: values["write-baseline"],
      pruneBaseline: values["prune-baseline"] ?? false,
      listSuppressed: values["list-suppressed"] ?? false,
      shard,
      jobs,
      minConfidence,
      knownPrefixes,
      progress: values.progress,
      useIgnoreRules: !values["no-ignore"],
      git,
      verify,
      failOn,
      allowUnverified: values["allow-unverified"] ?? false,
      failOnNewSuppression: values["fail-on-new-suppression"] ?? false,
      revocationReport: values["revocation-report"],
      s3PathStyle: values["s3-path-style"] ?? false,
    },
    io,
    version,
  );
}

/** The detection options a scan and redact share, checked; a usage message when one is wrong. */
function checkDetectionOptions(values: { "min-confidence"?: string; "known-prefix"?: string[] }): { minConfidence?: Confidence; knownPrefixes: string[] } | string {
  const minConfidence = values["min-confidence"];
  if (minConfidence !== undefined && minConfidence !== "high" && minConfidence !== "medium") return messages.badConfidence(minConfidence);
  const knownPrefixes = values["known-prefix"] ?? [];
  const shortPrefix = knownPrefixes.find((prefix) => prefix.length < 3);
  if (shortPrefix !== undefined) return messages.badPrefix(shortPrefix);
  return { ...(minConfidence === undefined ? {} : { minConfidence }), knownPrefixes };
}

function describeParseError(error: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return messages.unknownOption(`unknown option ${option ?? ""}`.trim());
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return messages.unknownOption(`option ${option ?? ""} needs a value`.replace("  ", " "));
  return messages.unknownOption(error.message.split(".")[0] ?? error.message);
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}
