import { decodeBase64Text } from "../candidate/decode-value.js";
import { isCredentialLike } from "../candidate/is-credential-like.js";
import { mayHoldToken, readValue, type WrittenValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import { compactKey } from "../keys/compact-key.js";
import { expandKey } from "../keys/find-hawzu-words.js";
import { isBase64Key, isHawzuTokenKey } from "../keys/is-hawzu-token-key.js";
import { shortName } from "../keys/short-name.js";
import type { TextEvidence } from "../evidence/TextEvidence.js";
import type { ContextMatch, ResolvedOptions } from "../types.js";

// After the key: a closing quote (also JSON-escaped), then `]` or `)` for `env["X"]` and
// `getenv("X")`, then an operator of any config or programming syntax, including the fallbacks
// `?? "..."`, `|| "..."`, ` or "..."`, make's `?=`, `::=` and `:::=`, PHP's `.=`, R's `<-`, the
// second argument of `setdefault("X", "...")`, and typed declarations: `hawzuToken: string =`
// (TypeScript, Kotlin, Scala, Swift), `hawzu_token: &str =` / `&'static str =` (Rust), Go's
// `var hawzuToken string =` (Java and C# put the type before the name: plain `=`), and C#'s
// property initialiser `HawzuToken { get; set; } =`, Visual Basic's `Dim HawzuToken As String =`,
// Gradle's Kotlin DSL `val hawzuToken by extra("…")`. In a
// percent-encoded form or nested query, `=` is `%3D`; in JSON logged by Docker or .NET, the quote
// is `\u0022`.
// A member access or call: `process.env.X`, `getenv(...)`, `$X`, `a?.b`.
const CODE_REFERENCE = /[.($?]/;
const AFTER_KEY =
  /(\\*["'`]|\\u0022)?[\])]?[ \t]*(%3[Dd]|:{1,3}=|=>|\?\?=?|\?=|\|\|=?|===?|!==?|\+=|\.=|<-(?!-)|:[ \t]*(?:&(?:'\w+[ \t]+)?)?(?:[Ss]tring|str|CharSequence|SecureString)\??[ \t]*=(?!=)|(?:As[ \t]+)?(?:string|String)[ \t]*=(?!=)|by[ \t]+extra[ \t]*\((?=[ \t]*")|\{[ \t]*(?:get|init)[ \t]*;[^}\n]{0,40}\}[ \t]*=(?!=)|=|:(?!:)|,|[ \t]or[ \t]|[ \t]+value[ \t]*=)/y;
// After a quoted key closed by `]`, more indexes, the last one quoted up to its closing quote.
const INDEX_CHAIN = /(\\*["'])\](?:\[(\\*["'])[\w.-]{1,64}\2\])*\[(\\*["'])([\w.-]{1,64})(?=\3\])/y;
// Space-separated forms: Dockerfile `ENV HAWZU_TOKEN abc`, csh `setenv`, fish `set -x`, flags.
// Windows `setx HAWZU_TOKEN "..."` too, and `netlify env:set HAWZU_TOKEN ...`.
// Lisp definitions too: `(def hawzu-token "...")`, `(setq hawzu-token "...")`; CMake's `set(HAWZU_TOKEN "...")`.
const SPACE_SEPARATED_LINE = /(?:(?:^|[\s;])(?:ENV|setenv|setx|set\s+-[gx]+|--?[\w-]*|[\w-]+\s+env:set)|\((?:def|defconst|defvar|defparameter|define|setq|setf)|\bset\()\s*$/;
// Commands that store a secret under a Hawzu name take the value from a later flag:
// `aws ssm put-parameter --name /ci/hawzu-token --type SecureString --value ...`,
// `az keyvault secret set --name hawzu-token --value ...`, `gh secret set HAWZU_TOKEN --body ...`,
// PowerShell's `Set-Item -Path Env:HAWZU_TOKEN -Value "..."`, macOS's
// `security add-generic-password -s hawzu -a ci -w ...`.
// (A flag's name and a value are read whole, `(?=(…))\1` being JavaScript's atomic group: only a
// blank may follow either, so a shorter reading never matches, and trying each cost a line of
// `--hawzu-token --hawzu-token …` 3.5 s for 10 MB.)
const SECRET_VALUE_FLAG =
  /(?:[ \t]+(?=(--?[\w-]{1,40}))\1(?:[ \t]+(?!-)(?=([^\s-]\S{0,200}))\2)?){0,4}?[ \t]+(?:--value|--secret-string|--secret-value|--body|-b|-[Vv]alue|-w)(?:[ \t]+|=)/y;
// A value piped into a command that stores it under the key's name, the value written first:
// `echo "..." | gh secret set HAWZU_TOKEN`, `printf %s ... | docker secret create hawzu_token -`,
// `echo ... | wrangler secret put HAWZU_TOKEN`, `echo -n ... | vercel env add HAWZU_TOKEN`.
// Each expression is anchored (sticky or `$`) on a span of one line, so a key costs its line once.
const STORING_COMMAND = /\b(?:secrets?|env|config|kv|parameters?|keyvault|ssm)\b/i;
const ECHO_COMMAND = /(?:^|[\s;&(])(?:echo|printf)(?:[ \t]+-[neE]{1,3})*(?:[ \t]+(["'])%s(?:\\n)?\1)?[ \t]+/g;
const BLANKS_AT_END = /[ \t]*$/;
const MAY_NAME_CREDENTIAL = /tok|key|secret|pat|bearer|auth|cred|pass/i;
const LONGEST_LIST = 4096;
// `<HawzuToken>...</HawzuToken>` in XML configs (.NET, Maven settings), also with the value on its own line.
const XML_ELEMENT_END = />/y;
// The rest of a Pulumi config key after its namespace (`token` of `hawzu:token`), then blanks.
const PULUMI_KEY_REST = /[\w.-]{1,80}[ \t]+(?=[^\s-])/y;
// A YAML block scalar (`hawzu_token: |`, `>`, `|-`, `>-`): the value is on the next line.
const BLOCK_SCALAR = /[ \t]*[|>][-+]?[1-9]?[ \t]*(?:#[^\n]*)?(?=\r?\n)/y;
const ALONE_ON_ITS_LINE = /[ \t]*(?:\r?\n|<|$)/y;

export default defineContext({
  id: "hawzu-named-key",
  description: "A value assigned to a Hawzu-named key or variable (HAWZU_ACCESS_TOKEN=, hawzuToken:, hawzu.api.token=).",
  example: 'export HAWZU_ACCESS_TOKEN="h7Gk2pQx9LmZ4vNc8RtY3wBs"', // hawzu-scan-ignore: made-up example
  keywords: ["hawzu"],
  confidence: "high",
  match({ text, evidence, options }) {
    const matches: ContextMatch[] = [];
    const walk: KeyWalk = { coveredUntil: -1, markers: { scanned: 0, last: -1 } };
    const mentions = keyMentions(text, evidence.hawzuWords, options.extraKeyNames);
    // One call per mention, and the rarer credential keys in a function of their own: a loop over
    // a whole window (one call on a dense log) was compiled on-stack again after each
    // deoptimization, with everything below inlined into it.
    for (let mention = 0; mention < mentions.length; mention++) {
      const index = mentions[mention]!;
      if (index >= walk.coveredUntil) judgeMention(text, evidence, options, index, walk, matches);
    }
    return matches;
  },
});

/** What the walk over a window's mentions carries from one mention to the next. */
interface KeyWalk {
  coveredUntil: number;
  markers: MarkerScan;
}

function judgeMention(text: string, evidence: TextEvidence, options: ResolvedOptions, index: number, walk: KeyWalk, matches: ContextMatch[]): void {
  const { start: keyStart, end } = expandKey(text, index, 0);
  const start = keyStart + escapeBefore(text, keyStart);
  walk.coveredUntil = end;
  // The token named in words, as docs and chat write it: `**Hawzu API token:** \`…\``, `The Hawzu token is …`.
  if (end - start === 5 && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) {
    const labelled = valueAfterLabel(text, end);
    if (labelled) {
      walk.coveredUntil = labelled.value.end;
      if (mayHoldToken(labelled.value)) matches.push({ range: [labelled.value.start, labelled.value.end], description: `value of ${labelled.label}` });
      return;
    }
  }
  // A bare "hawzu" that no value can follow is dropped before its key is copied out.
  if (end - start === 5 && evidence.lowerKeepsLength && isHawzuAt(text, start) && cannotHaveValue(text, start, end, walk.markers)) return;
  // An index chain names the key: `$config['hawzu']['token'] = …`, `settings["hawzu"]["api_key"] =`.
  let key = text.slice(start, end);
  let keyEnd = end;
  // (The chain starts with a backslash or a quote: other keys skip the expression.)
  const after = text.charCodeAt(end);
  if (after === 92 || after === 34 || after === 39) {
    INDEX_CHAIN.lastIndex = end;
    const chain = INDEX_CHAIN.exec(text);
    if (chain) {
      key = `${key}.${chain[4]!}`;
      keyEnd = INDEX_CHAIN.lastIndex;
    }
  }
  // Most mentions are host names and service names; only keys with a credential word go on.
  if (end - start > 5 && options.extraKeyNames.length === 0 && !MAY_NAME_CREDENTIAL.test(key)) return;
  // The key holds this "hawzu": five characters are that word alone.
  // (A longer key that passed the word test keeps that word's letters when compacted.)
  const bareHawzu =
    key.length === 5 ? key.toLowerCase() === "hawzu" : (end - start <= 5 || options.extraKeyNames.length > 0) && compactKey(key) === "hawzu";
  if (!bareHawzu && !isHawzuTokenKey(key, options.extraKeyNames)) return;
  judgeKey(text, evidence, start, key, keyEnd, bareHawzu, walk, matches);
}

/** The value of a key that names a Hawzu token (or a bare `hawzu` key), if it has one. */
function judgeKey(
  text: string,
  evidence: TextEvidence,
  start: number,
  key: string,
  keyEnd: number,
  bareHawzu: boolean,
  walk: KeyWalk,
  matches: ContextMatch[],
): void {
  AFTER_KEY.lastIndex = keyEnd;
  const operator = AFTER_KEY.exec(text);
  const afterOperator = AFTER_KEY.lastIndex;
  const listed = listAfterKey(text, operator, afterOperator);
  if (listed.length > 0) {
    for (const item of listed) matches.push({ range: [item.start, item.end], description: `item of ${key.slice(0, 64)}` });
    walk.coveredUntil = listed[listed.length - 1]!.end;
    return;
  }
  const value = valueAfterKey(evidence, start, keyEnd, operator, afterOperator);
  if (!value) return;
  // A literal split in parts (`"…" +\n "…"`, PHP's `.`, Lua's `..`): the parts make the value.
  const joined = value.quote ? joinedLiterals(text, value) : undefined;
  if (joined) {
    walk.coveredUntil = joined.end;
    matches.push({ range: [value.start, joined.end], token: joined.token, description: `value of ${shortName(key)} (in ${joined.parts} parts)` });
    return;
  }
  if (!mayHoldToken(value)) {
    walk.coveredUntil = value.end;
    return;
  }
  const written = text.slice(value.start, value.end);
  // A key inside a value that is code (`process.env.HAWZU_TOKEN ?? "..."` after a typed
  // declaration) is still read. Any other value covers what it holds: a key read inside another
  // vendor's token would carry a piece of that token into the description.
  if (!CODE_REFERENCE.test(written) || value.quote !== "" || written.includes("\\") || written.includes("%") || isCredentialLike(written)) walk.coveredUntil = value.end;
  const description = `value of ${shortName(key)}`;
  if (isBase64Key(key)) {
    const decoded = decodeBase64Text(written);
    if (decoded) {
      matches.push({ range: [value.start, value.end], token: decoded, encoding: "base64", description });
      return;
    }
  }
  // A bare `hawzu:` key is a token only under a credentials list; that is weaker evidence.
  matches.push(
    bareHawzu
      ? { range: [value.start, value.end], description, confidence: "medium", strictness: "strict" }
      : { range: [value.start, value.end], description },
  );
}

/**
 * The hex digits of an escape that the key's characters ran into: `\u0022hawzu_token` (JSON-escaped
 * quote), `%26hawzu_token` (percent-encoded `&`). They are not part of the name.
 */
function escapeBefore(text: string, keyStart: number): number {
  // By character code first: this runs at every mention (a string read of a character before the
  // text's start also deoptimized the caller).
  const before = text.charCodeAt(keyStart - 1);
  if (before !== 92 && before !== 37) return 0;
  if (text[keyStart - 1] === "\\" && /^u[0-9a-fA-F]{4}/.test(text.slice(keyStart, keyStart + 5))) return 5;
  if (text[keyStart - 1] === "%" && /^[0-9a-fA-F]{2}/.test(text.slice(keyStart, keyStart + 2))) return 2;
  return 0;
}

/** The quoted values of an array assigned to the key: `"hawzuTokens": ["<token>", "<token>"]`. */
function listAfterKey(text: string, operator: RegExpExecArray | null, afterOperator: number) {
  if (!operator || operator[2] === ",") return [];
  let position = afterOperator;
  while (text[position] === " " || text[position] === "\t") position++;
  if (text[position] !== "[") return [];
  const items = [];
  const listEnd = Math.min(text.length, position + LONGEST_LIST);
  for (position++; position < listEnd && items.length < 20; ) {
    const value = readValue(text, position);
    if (!value || !value.quote) break;
    items.push(value);
    position = value.end + value.quote.length;
    while (position < listEnd && /[\s,]/.test(text[position]!)) position++;
  }
  return items;
}

/** Where a key may be: every "hawzu", and every configured extra key name (any casing). */
function keyMentions(text: string, hawzuWords: readonly number[], extraKeyNames: readonly string[]): readonly number[] {
  if (extraKeyNames.length === 0) return hawzuWords;
  const mentions = [...hawzuWords];
  const lower = text.toLowerCase();
  for (const name of extraKeyNames) {
    const needle = name.toLowerCase();
    for (let index = lower.indexOf(needle); index !== -1; index = lower.indexOf(needle, index + needle.length)) mentions.push(index);
  }
  return mentions.sort((a, b) => a - b);
}

// What may follow a key and blanks when AFTER_KEY matches (its operators' first characters, `or`,
// `value`, `string`/`String`, VB's `As`, Gradle's `by`) or a later-flag form (`-`), by character code:
// `%:=?|!+.<sSovAb,{-`.
// Keep in step with AFTER_KEY.
function mayFollowBlanks(code: number): boolean {
  switch (code) {
    case 37: case 58: case 61: case 63: case 124: case 33: case 43: case 46: case 60:
    case 115: case 83: case 111: case 118: case 65: case 98: case 44: case 123: case 45:
      return true;
    default:
      return false;
  }
}

/**
 * True when a key followed by blanks and then a character no operator, flag or word form starts
 * with (`hawzu hawzu ...`, `the Hawzu client`) can have no value, with no command word on its
 * line before it: the expressions of valueAfterKey are skipped for it (a line of bare words cost
 * them at every word).
 */
function cannotHaveValue(text: string, keyStart: number, keyEnd: number, markers: MarkerScan): boolean {
  if (text.charCodeAt(keyStart - 1) === 60) return false;
  let next = keyEnd;
  let code = text.charCodeAt(next);
  if (code !== 32 && code !== 9) return false;
  while (code === 32 || code === 9) code = text.charCodeAt(++next);
  if (next >= text.length || mayFollowBlanks(code)) return false;
  // The 40 characters before the key must hold no `-`, `ENV` or `set`.
  return lastMarkerBefore(text, keyStart, markers) < Math.max(0, keyStart - 40);
}

/** How far the text was read for markers, and the last marker start found there. */
interface MarkerScan {
  scanned: number;
  last: number;
}

function isMarkerAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 45 || (code === 69 && text.startsWith("ENV", index)) || (code === 115 && text.startsWith("set", index));
}

/**
 * The last start of a `-`, `ENV` or `set` before `position` (-1 if none in reach): keys come in text
 * order, so one forward read serves them all (reading 40 characters back per word cost a line of
 * bare words 40 reads a word); a key behind the read part (a long key run) reads back by itself.
 */
function lastMarkerBefore(text: string, position: number, markers: MarkerScan): number {
  if (position < markers.scanned) {
    for (let index = position - 1; index >= Math.max(0, position - 40); index--) if (isMarkerAt(text, index)) return index;
    return -1;
  }
  for (let index = Math.max(markers.scanned, position - 40); index < position; index++) if (isMarkerAt(text, index)) markers.last = index;
  markers.scanned = position;
  return markers.last;
}

/** The value after the key; `operator` is AFTER_KEY's match at `keyEnd` (read once per key), ending at `afterOperator`. */
function valueAfterKey(evidence: TextEvidence, keyStart: number, keyEnd: number, operator: RegExpExecArray | null, afterOperator: number) {
  const text = evidence.text;
  const before = text[keyStart - 1];
  if (before === "<") {
    XML_ELEMENT_END.lastIndex = keyEnd;
    if (XML_ELEMENT_END.test(text)) return readValue(text, keyEnd + 1) ?? valueOnNextLine(text, keyEnd + 1);
  }
  // A flag in a command's argument list: `["--hawzu-token", "…"]` (Kubernetes `args`, Docker's
  // exec form, launch.json, `subprocess.run([...])`), or a YAML list item `- --hawzu-token` with
  // the value as the next item.
  const flagStart = dashesBefore(text, keyStart);
  if (flagStart < keyStart) {
    const listed = valueOfListedFlag(text, flagStart, keyEnd, operator);
    if (listed !== undefined) return listed || undefined;
  }
  if (operator) {
    const keyWasQuoted = before === '"' || before === "'" || before === "`";
    // `,` separates a quoted key from its value (`setdefault("X", "…")`, `["X", "…"]`), or an
    // Erlang/Elixir tuple's atom from its value: `{hawzu_token, <<"…">>}`, `{:hawzu_token, "…"}`.
    if (operator[2] === "," && !keyWasQuoted && !opensItem(text, before === ":" ? keyStart - 1 : keyStart, false)) return undefined;
    if (operator[2] === ":") {
      BLOCK_SCALAR.lastIndex = afterOperator;
      if (BLOCK_SCALAR.test(text)) return valueOnNextLine(text, BLOCK_SCALAR.lastIndex);
      // Pulumi's namespaced key: `pulumi config set [--secret] hawzu:token <value>`.
      if (text[afterOperator] !== " " && text.slice(evidence.lineStartWithin(keyStart, 80), keyStart).includes("pulumi config set")) {
        PULUMI_KEY_REST.lastIndex = afterOperator;
        if (PULUMI_KEY_REST.test(text)) return readValue(text, PULUMI_KEY_REST.lastIndex);
      }
    }
    return readValue(text, afterOperator);
  }
  // A Clojure/EDN keyword key: `{:hawzu-token "…"}`, `(def config {:hawzu/token "…"})`.
  if (before === ":" && (text[keyEnd] === " " || text[keyEnd] === "\t") && opensItem(text, keyStart - 1, true)) {
    const value = readValue(text, keyEnd);
    if (value?.quote === '"') return value;
  }
  if (text[keyEnd] === " " || text[keyEnd] === "\t") {
    // Both forms need a dash or a command word: checked by hand first, as a line of bare "hawzu"
    // words would run both expressions at every word.
    let next = keyEnd;
    while (text[next] === " " || text[next] === "\t") next++;
    if (text[next] === "-") {
      SECRET_VALUE_FLAG.lastIndex = keyEnd;
      if (SECRET_VALUE_FLAG.test(text)) return readValue(text, SECRET_VALUE_FLAG.lastIndex);
    }
    const linePrefix = text.slice(evidence.lineStartWithin(keyStart, 40), keyStart);
    if ((linePrefix.includes("-") || linePrefix.includes("ENV") || linePrefix.includes("set") || linePrefix.includes("(")) && SPACE_SEPARATED_LINE.test(linePrefix)) {
      return readValue(text, keyEnd);
    }
  }
  return valuePipedBefore(evidence, keyStart);
}

// After "Hawzu": the words of a token's name, Markdown emphasis, then `:`, `=` or ` is`, then the value.
const LABEL_AFTER_HAWZU =
  /((?:[ \t]+(?:api|access|personal|project|workspace|ci|auth|upload|service))*[ \t]+(?:token|key|secret))(?:\*\*|__|\*|_)?(?:[ \t]*[:=]|[ \t]+is)(?:\*\*|__|\*|_)?[ \t]+(?=[`"'A-Za-z0-9])/iy;

/** The value after "Hawzu" and the words of a token's name (`Hawzu API token: …`), if written so. */
function valueAfterLabel(text: string, hawzuEnd: number): { label: string; value: WrittenValue } | undefined {
  // (A first letter of the label's words must follow the blanks: most mentions stop here.)
  let next = hawzuEnd;
  while (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9) next++;
  if (!"apwcusktAPWCUSKT".includes(text[next] ?? "-")) return undefined;
  LABEL_AFTER_HAWZU.lastIndex = hawzuEnd;
  const label = LABEL_AFTER_HAWZU.exec(text);
  if (!label) return undefined;
  const value = readValue(text, LABEL_AFTER_HAWZU.lastIndex);
  if (!value) return undefined;
  return { label: `Hawzu${label[1]!.replace(/[ \t]+/g, " ")}`, value };
}

/** Where the one or two dashes of a flag written before the key start (the key itself if none). */
function dashesBefore(text: string, keyStart: number): number {
  let start = keyStart;
  while (start > 0 && keyStart - start < 2 && text.charCodeAt(start - 1) === 45) start--;
  return start;
}

// The next element of a flow list after a quoted flag: its closing quote, `,`, blanks.
const NEXT_LIST_ELEMENT = /(["'])[ \t]*,[ \t]*(?=["'])/y;
// The next item of a YAML block list after `- --flag`: the line's end, then `-` at the same indent.
const NEXT_LIST_ITEM = /[ \t]*\r?\n([ \t]*)-[ \t]+/y;

/**
 * The value after a flag (from `flagStart`, its first dash) written as one element of a list, when
 * it is: `"--hawzu-token", "<value>"` or `- --hawzu-token` then `- <value>` on the next line.
 * Undefined when the flag is not written so; false when it is, but its value is not a literal.
 */
function valueOfListedFlag(text: string, flagStart: number, keyEnd: number, operator: RegExpExecArray | null): WrittenValue | false | undefined {
  const before = text[flagStart - 1];
  if ((before === '"' || before === "'") && operator?.[2] === ",") {
    NEXT_LIST_ELEMENT.lastIndex = keyEnd;
    const element = NEXT_LIST_ELEMENT.exec(text);
    if (!element || element[1] !== before) return undefined;
    return readValue(text, NEXT_LIST_ELEMENT.lastIndex) ?? false;
  }
  // `- --flag`: the dash of a list item, one blank or more, at the start of its line.
  let itemDash = flagStart - 1;
  while (itemDash > 0 && (text[itemDash] === " " || text[itemDash] === "\t")) itemDash--;
  if (itemDash === flagStart - 1 || text[itemDash] !== "-") return undefined;
  let lineStart = itemDash;
  while (lineStart > 0 && (text[lineStart - 1] === " " || text[lineStart - 1] === "\t")) lineStart--;
  if (lineStart > 0 && text[lineStart - 1] !== "\n") return undefined;
  NEXT_LIST_ITEM.lastIndex = keyEnd;
  const item = NEXT_LIST_ITEM.exec(text);
  if (!item || item[1] !== text.slice(lineStart, itemDash)) return undefined;
  return readValue(text, NEXT_LIST_ITEM.lastIndex) ?? false;
}

// Per text, the value piped at each `|` (undefined: none), so keys after one bar share its search.
const pipedAtBar = new WeakMap<TextEvidence, Map<number, WrittenValue | undefined>>();

/** The value an `echo`/`printf` earlier on the key's line pipes into a command that stores it under the key. */
function valuePipedBefore(evidence: TextEvidence, keyStart: number) {
  const text = evidence.text;
  // The nearest `|` within 200 characters on the key's line, found by hand (bounded per key).
  let bar = keyStart - 1;
  while (bar >= 0 && keyStart - bar <= 200 && text[bar] !== "|" && text[bar] !== "\n") bar--;
  if (bar < 0 || text[bar] !== "|" || !STORING_COMMAND.test(text.slice(bar + 1, keyStart))) return undefined;
  let byBar = pipedAtBar.get(evidence);
  if (!byBar) pipedAtBar.set(evidence, (byBar = new Map()));
  if (!byBar.has(bar)) byBar.set(bar, echoedBefore(evidence, bar));
  return byBar.get(bar);
}

/** What the last `echo`/`printf` on the line before `bar` writes, when it is one value. */
function echoedBefore(evidence: TextEvidence, bar: number): WrittenValue | undefined {
  const text = evidence.text;
  // From the line start or the previous `|`: each character is searched for one bar at most.
  const lineStart = Math.max(evidence.lineStartWithin(bar, 400), text.lastIndexOf("|", bar - 1) + 1);
  const head = text.slice(lineStart, bar);
  ECHO_COMMAND.lastIndex = 0;
  let valueStart = -1;
  for (let echo = ECHO_COMMAND.exec(head); echo; echo = ECHO_COMMAND.exec(head)) valueStart = ECHO_COMMAND.lastIndex;
  if (valueStart < 0) return undefined;
  const valueEnd = valueStart + head.slice(valueStart).replace(BLANKS_AT_END, "").length;
  const value = readValue(text, lineStart + valueStart);
  // The whole echoed text is the value: `echo "$A$B" |` or `echo a b |` are not one token.
  return value && value.end + value.quote.length === lineStart + valueEnd ? value : undefined;
}

// Between two parts of a split literal: `+` (JavaScript, Java, C#, Python, Go, Kotlin), ` . ` (PHP),
// `..` (Lua), with blanks and at most one line break (and a shell-style `\` before it).
const JOIN_OPERATOR = /[ \t]*(?:\+|\.\.|\.(?=[ \t]))[ \t]*(?:\\?\r?\n[ \t]*)?/y;
const MOST_PARTS = 8;

/** The parts after a quoted literal joined to it, when there is at least one more quoted part. */
function joinedLiterals(text: string, first: WrittenValue): { end: number; token: string; parts: number } | undefined {
  let token = text.slice(first.start, first.end);
  let position = first.end + first.quote.length;
  let end = first.end;
  let parts = 1;
  while (parts < MOST_PARTS) {
    JOIN_OPERATOR.lastIndex = position;
    if (!JOIN_OPERATOR.test(text) || text[JOIN_OPERATOR.lastIndex] !== first.quote[first.quote.length - 1]) break;
    const part = readValue(text, JOIN_OPERATOR.lastIndex);
    if (!part || part.quote !== first.quote) break;
    token += text.slice(part.start, part.end);
    end = part.end;
    position = part.end + part.quote.length;
    parts++;
  }
  return parts > 1 ? { end, token, parts } : undefined;
}

/** A value alone on the line after `position` (a YAML block scalar's, an XML element's). */
function valueOnNextLine(text: string, position: number) {
  let index = position;
  while (index < text.length && index - position < 200 && /[ \t\r\n]/.test(text[index]!)) index++;
  if (!text.slice(position, index).includes("\n")) return undefined;
  const value = readValue(text, index);
  if (!value || value.quote) return undefined;
  ALONE_ON_ITS_LINE.lastIndex = value.end;
  return ALONE_ON_ITS_LINE.test(text) ? value : undefined;
}

/**
 * True when the last character before `position`, blanks aside, opens a tuple or map (`{`); for a
 * map's later keys (`inMap`), also a `,` or a line break before the indented key.
 */
function opensItem(text: string, position: number, inMap: boolean): boolean {
  let index = position - 1;
  while (index >= 0 && (text[index] === " " || text[index] === "\t")) index--;
  if (index < 0) return inMap;
  const code = text.charCodeAt(index);
  return code === 123 || (inMap && (code === 44 || code === 10 || code === 40 || code === 91));
}

/** True when "hawzu" in any casing starts at `index` (what the lower-cased text said there). */
function isHawzuAt(text: string, index: number): boolean {
  return (
    (text.charCodeAt(index) | 32) === 104 && (text.charCodeAt(index + 1) | 32) === 97 && (text.charCodeAt(index + 2) | 32) === 119 &&
    (text.charCodeAt(index + 3) | 32) === 122 && (text.charCodeAt(index + 4) | 32) === 117
  );
}
