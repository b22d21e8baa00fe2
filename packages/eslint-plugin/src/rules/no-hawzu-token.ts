import { findTokens, hasKeyword, isHawzuPath, type Confidence, type Finding, type FindOptions } from "@hawzu-scan/core";
import { withoutTokens } from "../util/without-tokens.js";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { findHawzuTargetFrames } from "../ast/find-hawzu-frames.js";
import { HawzuTargetFinder } from "../ast/find-hawzu-target.js";
import { findValuePlace } from "../ast/find-value-place.js";
import { foldConstant, sourceRangeOf, type FoldedString } from "../ast/fold-constant.js";
import { readEnvName } from "../ast/read-env-name.js";
import { scanValue, type ValueFrame } from "../ast/scan-value.js";
import { createRule } from "../util/create-rule.js";
import { hasIgnoreDirective } from "../util/has-ignore-directive.js";
import { buildSuggestion, type SuggestionId } from "./build-suggestion.js";

export interface NoHawzuTokenOptions {
  /** Prefixes the team's Hawzu tokens start with; such values are found anywhere. */
  knownPrefixes?: string[];
  /** Drop findings below this confidence. */
  minConfidence?: Confidence;
  /** Extra key or variable names (exact, case-insensitive) that hold Hawzu tokens. */
  extraKeyNames?: string[];
}
type Options = [NoHawzuTokenOptions];
type MessageIds = "hardCodedToken" | SuggestionId;

// HAWZU.md: the documented variable is HAWZU_ACCESS_TOKEN.
const DEFAULT_ENV_NAME = "HAWZU_ACCESS_TOKEN";
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Below the core's shortest token (20) nothing can be found; skip such strings before folding.
const SHORTEST_VALUE = 20;
const HAWZU_WORD = /hawzu/i;

export default createRule<Options, MessageIds>({
  name: "no-hawzu-token",
  meta: {
    type: "problem",
    docs: { description: "Disallow hard-coded Hawzu access tokens in source and config files" },
    hasSuggestions: true,
    messages: {
      hardCodedToken:
        "Hard-coded Hawzu access token {{redacted}} ({{context}}; {{confidence}} confidence; {{fingerprint}}). Revoke it in Hawzu (Security & Access > Access Tokens) and read it from an environment variable or a secret store.",
      useEnvironmentVariable: "Read the token from process.env.{{envName}} instead.",
      removeFallback: "Remove the hard-coded fallback and rely on process.env.{{envName}} alone.",
    },
    schema: [
      {
        type: "object",
        properties: {
          knownPrefixes: { type: "array", items: { type: "string", minLength: 3 }, uniqueItems: true },
          minConfidence: { type: "string", enum: ["high", "medium"] },
          extraKeyNames: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ knownPrefixes: [], minConfidence: "medium", extraKeyNames: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    const scanOptions: FindOptions = {
      knownPrefixes: options.knownPrefixes ?? [],
      minConfidence: options.minConfidence ?? "medium",
      extraKeyNames: options.extraKeyNames ?? [],
      path: context.filename,
    };
    // The core's contract: no keyword means no finding, unless the file's name says Hawzu. Checked
    // first so files without "hawzu" cost one substring search.
    const hawzuNamedFile = isHawzuPath(context.filename);
    const needsScan = hawzuNamedFile || hasKeyword(text, scanOptions);
    if (!needsScan) return {};
    // The text scan is the CLI's scan: same findings, same positions, same suppressions.
    const textResult = findTokens(text, scanOptions);
    const envNamesInFile: string[] = [];
    const claimed: Array<[number, number]> = [...textResult.findings, ...textResult.suppressed].map((finding) => [finding.start, finding.end]);
    // JSON (@eslint/json) and other languages: the text scan is all there is.
    if ((sourceCode.ast as { type?: string } | undefined)?.type !== "Program") {
      for (const finding of textResult.findings) report(finding, { start: finding.start, end: finding.end }, undefined, "", true);
      return {};
    }

    const candidates: TSESTree.Node[] = [];
    const collect = (node: TSESTree.Node) => candidates.push(node);
    return {
      Literal(node) {
        if (typeof node.value === "string" && node.value.length >= 1) collect(node);
      },
      TemplateLiteral: collect,
      'BinaryExpression[operator="+"]': collect,
      JSXText(node) {
        if (node.value.length >= SHORTEST_VALUE) collect(node);
      },
      MemberExpression(node) {
        const name = readEnvName(node);
        if (name && HAWZU_WORD.test(name) && ENV_NAME.test(name)) envNamesInFile.push(name);
      },
      "Program:exit"() {
        reportTextFindings();
        const finder = new HawzuTargetFinder(sourceCode);
        for (const node of candidates) checkValueNode(node, finder);
      },
    };

    function reportTextFindings() {
      for (const finding of textResult.findings) {
        const site = siteOfTextFinding(finding);
        report(finding, { start: finding.start, end: finding.end }, site, "", true);
      }
    }

    /** The literal a text finding sits in, when it sits in one (not in a comment). */
    function siteOfTextFinding(finding: Finding) {
      const holder = sourceCode.getNodeByRangeIndex(finding.start);
      const valueNode = holder?.type === "TemplateElement" ? holder.parent : holder;
      if (!valueNode || (valueNode.type !== "Literal" && valueNode.type !== "TemplateLiteral")) return undefined;
      const folded = foldConstant(valueNode);
      const wholeValue = folded !== undefined && sourceRangeOf(folded, 0, folded.value.length)?.[0] === finding.start && folded.value.length === finding.end - finding.start;
      return { valueNode, place: findValuePlace(valueNode), wholeValue, exactRange: [finding.start, finding.end] as [number, number] };
    }

    function checkValueNode(node: TSESTree.Node, finder: HawzuTargetFinder) {
      if (isPartOfLargerConstant(node)) return;
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
        const found = scanValue(folded.value, frame, scanOptions);
        if (found.length === 0) continue;
        for (const { start, end, finding } of found) {
          const exactRange = sourceRangeOf(folded, start, end);
          const range = exactRange ?? node.range;
          // A `hawzu-object` frame's core description names the synthetic object: use the structure's.
          const described = frame.kind === "hawzu-object" ? { ...finding, context: how } : finding;
          const notes = [frame.kind === "hawzu-object" ? "" : how, exactRange ? "" : folded.folded ? "value built from several parts, reported on the whole expression" : "written with escapes, reported on the whole literal"];
          const wholeValue = start === 0 && end === folded.value.length;
          report(described, { start: range[0], end: range[1] }, { valueNode: node, place, wholeValue, exactRange }, notes.filter(Boolean).join("; "), false);
        }
        return;
      }
    }

    function report(finding: Finding, range: { start: number; end: number }, site: Parameters<typeof buildSuggestion>[1] | undefined, note: string, isTextFinding: boolean) {
      // Never the same token twice: the text scan's findings (and suppressions) come first.
      if (!isTextFinding) {
        if (claimed.some(([start, end]) => range.start < end && start < range.end)) return;
        claimed.push([range.start, range.end]);
      }
      const loc = { start: sourceCode.getLocFromIndex(range.start), end: sourceCode.getLocFromIndex(range.end) };
      if (!isTextFinding && hasIgnoreDirective(sourceCode.lines, loc.start.line)) return;
      const envName = site?.place.envFallback?.name ?? envNamesInFile[0] ?? DEFAULT_ENV_NAME;
      const suggestion = site ? buildSuggestion(sourceCode, site, envName) : undefined;
      context.report({
        loc,
        messageId: "hardCodedToken",
        data: {
          redacted: finding.redacted,
          context: withoutTokens(note ? `${finding.context}, ${note}` : finding.context),
          confidence: finding.confidence,
          fingerprint: finding.fingerprint.slice(0, "sha256:".length + 12),
        },
        suggest: suggestion ? [suggestion] : [],
      });
    }
  },
});

/** True when the node is folded as part of its parent (`"a" + "b"`, `${"a"}` in a template). */
function isPartOfLargerConstant(node: TSESTree.Node): boolean {
  let parent = node.parent;
  while (parent && (parent.type === "TSAsExpression" || parent.type === "TSSatisfiesExpression" || parent.type === "TSNonNullExpression")) parent = parent.parent;
  if (!parent) return false;
  if ((parent.type === "BinaryExpression" && parent.operator === "+") || parent.type === "TemplateLiteral") return foldConstant(parent) !== undefined;
  return false;
}

export type { TSESLint };
