import { findTokens, holdsKeyword, isHawzuPath, keywordsFor, type Finding, type FindOptions } from "@hawzu-scan/core";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { findHawzuTargetFrames } from "../ast/find-hawzu-frames.js";
import { HawzuTargetFinder } from "../ast/find-hawzu-target.js";
import { findOtherService } from "../ast/find-other-service.js";
import { findValuePlace, type ValuePlace } from "../ast/find-value-place.js";
import { ConstantTops, foldConstant, sourceRangeOf, type FoldedString } from "../ast/fold-constant.js";
import { scanValue, type ValueFrame } from "../ast/scan-value.js";
import { loadScanConfig } from "../config/load-scan-config.js";
import { createRule } from "../util/create-rule.js";
import { isIgnoredStatement } from "../util/is-ignored-statement.js";
import { withoutTokens } from "../util/without-tokens.js";
import { buildSuggestion, type EnvStyle, type SuggestionId, type TokenSite } from "./build-suggestion.js";
import type { NoHawzuTokenOptions } from "./no-hawzu-token-options.js";

export type { NoHawzuTokenOptions };
type Options = [NoHawzuTokenOptions?];
type MessageIds = "hardCodedToken" | "possibleHardCodedToken" | "invalidConfig" | SuggestionId;

// HAWZU.md: the documented variable is HAWZU_ACCESS_TOKEN.
const DEFAULT_ENV_NAME = "HAWZU_ACCESS_TOKEN";
// A name that can be an environment variable's: UPPER_SNAKE_CASE.
const ENV_LIKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
// Variables that hold where to send a token, never the token (HAWZU_BASE_URL, VITE_HAWZU_URL).
const LOCATION_NAME = /(?:^|_)(?:URL|URI|HOST|HOSTNAME|ENDPOINT|BASE|DOMAIN|ORIGIN|SERVER|PORT|REGION|ENV)(?:_|$)/i;
const CREDENTIAL_NAME = /TOKEN|KEY|SECRET|PAT|CREDENTIAL|PASSWORD|AUTH/i;
const HAWZU_WORD = /hawzu/i;
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;
// Below the core's shortest token (20) nothing can be found; skip such strings before folding.
const SHORTEST_VALUE = 20;
// No untrimmed or blank strings: a stray space would make a prefix or a name never match.
const NON_BLANK = { type: "string", minLength: 1, pattern: "^\\S(?:.*\\S)?$" } as const;

export default createRule<Options, MessageIds>({
  name: "no-hawzu-token",
  meta: {
    type: "problem",
    docs: { description: "Disallow hard-coded Hawzu access tokens in source and config files", recommended: true },
    hasSuggestions: true,
    messages: {
      hardCodedToken:
        "Hard-coded Hawzu access token {{redacted}} ({{context}}; {{confidence}} confidence; {{fingerprint}}). Revoke it in Hawzu (Security & Access > Access Tokens) and read it from an environment variable or a secret store.",
      possibleHardCodedToken:
        "Possible hard-coded Hawzu access token {{redacted}} ({{context}}; {{confidence}} confidence; {{fingerprint}}). If it is a Hawzu token, revoke it in Hawzu (Security & Access > Access Tokens) and read it from an environment variable; if not, allow its fingerprint.",
      invalidConfig: "This file was not checked for Hawzu tokens: {{problem}}. Fix the file, or set useConfigFile: false.",
      useEnvironmentVariable: "Read the token from {{envRead}} instead.",
      removeFallback: "Remove the hard-coded fallback and rely on {{envRead}} alone.",
      removeAssignment: "Remove the assignment and set {{envRead}} outside the code (CI secret, .env file kept out of git).",
    },
    schema: [
      {
        type: "object",
        properties: {
          knownPrefixes: { type: "array", items: { ...NON_BLANK, minLength: 3 }, uniqueItems: true },
          minConfidence: { type: "string", enum: ["high", "medium"] },
          extraKeyNames: { type: "array", items: NON_BLANK, uniqueItems: true },
          allowFingerprints: { type: "array", items: { type: "string", pattern: "^sha256:[0-9a-f]{12,64}$" }, uniqueItems: true },
          useConfigFile: { type: "boolean" },
        },
        additionalProperties: false,
      },
    ],
    // knownPrefixes, minConfidence and extraKeyNames have no default here: ESLint merges defaults
    // into the options, and an unset option must fall through to hawzu-scan.config.json.
    defaultOptions: [{ allowFingerprints: [], useConfigFile: true }],
  },
  create(context, [userOptions = {}]) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    let fileConfig: NoHawzuTokenOptions = {};
    if (userOptions.useConfigFile !== false) {
      const loaded = loadScanConfig(context.cwd);
      if (!loaded.ok) {
        // Never a silent pass: the file is named as not checked, with what to fix.
        context.report({ loc: { line: 1, column: 0 }, messageId: "invalidConfig", data: { problem: loaded.message } });
        return {};
      }
      fileConfig = loaded.config;
    }
    // Options written in the ESLint config win over the config file, key by key.
    const scanOptions: FindOptions = {
      knownPrefixes: userOptions.knownPrefixes ?? fileConfig.knownPrefixes ?? [],
      minConfidence: userOptions.minConfidence ?? fileConfig.minConfidence ?? "medium",
      extraKeyNames: userOptions.extraKeyNames ?? fileConfig.extraKeyNames ?? [],
      path: context.filename,
    };
    const allowed = userOptions.allowFingerprints ?? [];
    // The core's contract: no keyword means no finding, unless the file's name says Hawzu. One
    // substring search, stopping at the first hit; the core's own prefilter then runs once.
    const keywords = keywordsFor(scanOptions);
    if (!isHawzuPath(context.filename) && !holdsKeyword(text, keywords)) return {};
    // The text scan is the CLI's scan: same findings, same positions, same suppressions.
    const textResult = findTokens(text, scanOptions);
    const claimed = new ClaimedRanges();
    for (const finding of textResult.suppressed) claimed.add(finding.start, finding.end);
    // JSON (@eslint/json) and other languages: the text scan is all there is.
    if ((sourceCode.ast as { type?: string } | undefined)?.type !== "Program") {
      for (const finding of textResult.findings) report(finding, finding, undefined, "");
      return {};
    }

    // Values to judge. A short literal matters only inside a folded `+` chain or template, which is
    // collected itself, so only long literals are kept; `+` nodes are few and judged in O(1) each.
    const candidates: TSESTree.Node[] = [];
    const style: EnvStyle = { object: text.includes("import.meta.env") ? "import.meta.env" : "process.env", typed: TYPESCRIPT_FILE.test(context.filename) };
    let tokenEnvNames: string[] | undefined;
    return {
      Literal(node) {
        if (typeof node.value === "string" && node.value.length >= SHORTEST_VALUE) candidates.push(node);
      },
      TemplateLiteral(node) {
        if (node.expressions.length > 0 || (node.quasis[0]?.value.cooked?.length ?? 0) >= SHORTEST_VALUE) candidates.push(node);
      },
      BinaryExpression(node) {
        if (node.operator === "+") candidates.push(node);
      },
      JSXText(node) {
        if (node.value.length >= SHORTEST_VALUE) candidates.push(node);
      },
      "Program:exit"() {
        const finder = new HawzuTargetFinder(sourceCode);
        const tops = new ConstantTops();
        // A text finding inside a folded constant (`"<20>" + "<20>"`) is judged on the whole value
        // below; it is reported as found only if that finds nothing there.
        const deferred: Finding[] = [];
        // A text finding in a template literal (`Bearer <token>` ended by its backtick) waits for
        // the code's own evidence, which says more: the header object a call sends to a client's
        // base URL, with its path.
        const inTemplates: Array<{ finding: Finding; site: TokenSite }> = [];
        for (const finding of textResult.findings) {
          const site = siteOfTextFinding(finding, tops);
          if (site === "folded") {
            deferred.push(finding);
            continue;
          }
          // Code evidence beats nearby words: a value the code sends to another service is not Hawzu's.
          if (site && finding.confidence === "medium" && findOtherService(site.place, finder)) {
            claimed.add(finding.start, finding.end);
            continue;
          }
          if (site?.valueNode.type === "TemplateLiteral") inTemplates.push({ finding, site });
          else report(finding, finding, site, "");
        }
        for (const node of candidates) checkValueNode(node, finder, tops);
        for (const { finding, site } of inTemplates) report(finding, finding, site, "");
        for (const finding of deferred) report(finding, finding, siteOfTextFinding(finding, undefined) as TokenSite | undefined, "");
      },
    };

    /** The literal a text finding sits in (not a comment), or "folded" when it is a part of a larger constant. */
    function siteOfTextFinding(finding: Finding, tops: ConstantTops | undefined): TokenSite | "folded" | undefined {
      const holder = sourceCode.getNodeByRangeIndex(finding.start);
      const valueNode = holder?.type === "TemplateElement" ? holder.parent : holder;
      if (!valueNode || (valueNode.type !== "Literal" && valueNode.type !== "TemplateLiteral")) return undefined;
      if (tops && (tops.isInner(valueNode) || (valueNode.type === "TemplateLiteral" && valueNode.expressions.length > 0 && foldConstant(valueNode)))) return "folded";
      const folded = foldConstant(valueNode);
      const wholeValue = folded !== undefined && sourceRangeOf(folded, 0, folded.value.length)?.[0] === finding.start && folded.value.length === finding.end - finding.start;
      return { valueNode, place: findValuePlace(valueNode), wholeValue, exactRange: [finding.start, finding.end] };
    }

    function checkValueNode(node: TSESTree.Node, finder: HawzuTargetFinder, tops: ConstantTops) {
      // Parts of a larger constant are judged with it; values the text scan reported are not scanned again.
      if (tops.isInner(node) || claimed.overlaps(node.range[0], node.range[1])) return;
      const folded: FoldedString | undefined =
        node.type === "JSXText"
          ? { value: node.value, pieces: [{ valueStart: 0, valueEnd: node.value.length, sourceStart: node.raw === node.value ? node.range[0] : undefined }], folded: false }
          : foldConstant(node);
      if (!folded || folded.value.length < SHORTEST_VALUE) return;
      const place = findValuePlace(node);
      const frames: Array<{ frame: ValueFrame; how: string }> = [];
      if (place.keyName) frames.push({ frame: { kind: "named", key: place.keyName }, how: "" });
      frames.push(...findHawzuTargetFrames(place, finder));
      if (node.type === "JSXText" || folded.folded) frames.push({ frame: { kind: "plain" }, how: "" });
      for (const { frame, how } of frames) {
        const found = scanValue(folded.value, frame, scanOptions, keywords);
        if (found.length === 0) continue;
        for (const { start, end, finding } of found) {
          const exactRange = sourceRangeOf(folded, start, end);
          const range = exactRange ?? node.range;
          // A `hawzu-object` frame's core description names the synthetic object: use the structure's.
          const described = frame.kind === "hawzu-object" ? { ...finding, context: how } : finding;
          const notes = [frame.kind === "hawzu-object" ? "" : how, exactRange ? "" : folded.folded ? "value built from several parts, reported on the whole expression" : "written with escapes, reported on the whole literal"];
          const wholeValue = start === 0 && end === folded.value.length;
          report(described, { start: range[0], end: range[1] }, { valueNode: node, place, wholeValue, exactRange }, notes.filter(Boolean).join("; "));
        }
        return;
      }
    }

    function report(finding: Finding, range: { start: number; end: number }, site: TokenSite | undefined, note: string) {
      // Never the same token twice: the text scan's findings (and suppressions) come first.
      if (claimed.overlaps(range.start, range.end)) return;
      claimed.add(range.start, range.end);
      if (allowed.some((fingerprint) => finding.fingerprint.startsWith(fingerprint))) return;
      const loc = { start: sourceCode.getLocFromIndex(range.start), end: sourceCode.getLocFromIndex(range.end) };
      if (sourceCode.ast.type === "Program" && isIgnoredStatement(sourceCode, range.start, loc.start.line)) return;
      const suggestion = site ? buildSuggestion(sourceCode, site, envNameFor(site.place), style) : undefined;
      context.report({
        loc,
        messageId: finding.confidence === "high" ? "hardCodedToken" : "possibleHardCodedToken",
        data: {
          redacted: finding.redacted,
          context: withoutTokens(note ? `${finding.context}, ${note}` : finding.context),
          confidence: finding.confidence,
          fingerprint: finding.fingerprint.slice(0, "sha256:".length + 12),
        },
        suggest: suggestion ? [suggestion] : [],
      });
    }

    /** The token's own variable name when it reads like one, else a credential variable the file reads, else the documented one. */
    function envNameFor(place: ValuePlace): string {
      const own = place.envFallback?.name ?? place.keyName;
      if (own && ENV_LIKE.test(own) && !LOCATION_NAME.test(own)) return own;
      tokenEnvNames ??= findTokenEnvNames(text);
      return tokenEnvNames[0] ?? DEFAULT_ENV_NAME;
    }
  },
});

// `process.env.X`, `process.env["X"]`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get("X")`.
const ENV_READ = /\b(?:process\.env|import\.meta\.env|Bun\.env)(?:\??\.([A-Za-z_]\w*)|\[\s*["'`]([A-Za-z_]\w*)["'`]\s*\])|\bDeno\.env\.get\(\s*["'`]([A-Za-z_]\w*)["'`]/g;

/**
 * The Hawzu credential variables the file reads (`HAWZU_TOKEN_PROD`), in order; never a URL or
 * host variable. Read from the text once, and only when a suggestion is built.
 */
function findTokenEnvNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(ENV_READ)) {
    const name = match[1] ?? match[2] ?? match[3] ?? "";
    if (HAWZU_WORD.test(name) && ENV_LIKE.test(name) && CREDENTIAL_NAME.test(name) && !LOCATION_NAME.test(name)) names.push(name);
  }
  return names;
}

/** Source ranges already reported or suppressed, kept sorted and disjoint: overlap checks are a binary search. */
class ClaimedRanges {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  overlaps(start: number, end: number): boolean {
    const index = this.firstStartAtOrAfter(end);
    return index > 0 && this.ends[index - 1]! > start;
  }

  add(start: number, end: number): void {
    if (this.overlaps(start, end)) return;
    const index = this.firstStartAtOrAfter(start);
    this.starts.splice(index, 0, start);
    this.ends.splice(index, 0, end);
  }

  private firstStartAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export type { TSESLint };
