import { readValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import { isGenericCredentialKey } from "../keys/is-generic-credential-key.js";
import { isHawzuTokenKey } from "../keys/is-hawzu-token-key.js";
import type { ContextMatch } from "../types.js";

// Kubernetes and compose-style env lists, ECS task definitions and Terraform write the variable's
// name and value as two fields: `- name: HAWZU_TOKEN` / `value: "..."`, `{"name": "...", "value": ...}`.
// Postman and similar environment files use `key` for the name.
// AWS writes them capitalised (`"Name": "/ci/hawzu-token"` in SSM output, `ParameterKey` and
// `ParameterValue` in CloudFormation), HTTP tools as `headerName`/`headerValue`; a parameter
// store name is a path.
const NAME_FIELD =
  /\b(?:[Nn]ame|[Kk]ey|[Pp]arameter(?:Key|Name)|[Hh]eader(?:Name|Key)|[Vv]ariable(?:Name|Key)|[Oo]ptionName)["']?[ \t]*[:=][ \t]*["']?([A-Za-z_/][\w.\-/]{0,80})["']?/g;
// Every field word holds "name", "Name", "key" or "Key", at one of these offsets from its start
// (`name`, `headerName`, `variableName`, `parameterName`): the expression is tried only there, as
// trying it at every letter was most of this context's time on a log (a necessary condition: the
// same matches, in the same order).
const NAME_FIELD_AT = new RegExp(NAME_FIELD.source, "y");
const FIELD_WORD_OFFSETS = [0, 6, 8, 9];
const VALUE_FIELD = /\b(?:[Vv]alue|[Pp]arameterValue|[Hh]eaderValue|[Vv]ariableValue|[Oo]ptionValue)["']?[ \t]*[:=][ \t]*/g;
// The value field belongs to the same list item when it comes within a few lines.
const REACH = 240;

// An entry ends at the next list item or the end of its object, and starts at its own item marker
// or opening brace: a value field across either belongs to another entry.
const ITEM_END = /\n\s*-\s|\}/;
const ITEM_START = /\n\s*-\s|\{/g;

function endOfItem(region: string): number {
  const boundary = region.search(ITEM_END);
  return boundary >= 0 ? boundary : region.length;
}

function startOfItem(region: string): number {
  let start = 0;
  ITEM_START.lastIndex = 0;
  for (let boundary = ITEM_START.exec(region); boundary; boundary = ITEM_START.exec(region)) start = boundary.index;
  return start;
}

export default defineContext({
  id: "hawzu-env-name-value",
  description: "An environment entry written as name/value fields whose name is a Hawzu token variable.",
  example: '- name: HAWZU_ACCESS_TOKEN\n  value: "h7Gk2pQx9LmZ4vNc8RtY3wBs"', // hawzu-scan-ignore: made-up example
  keywords: ["hawzu"],
  confidence: "high",
  match({ text, options }) {
    const matches: ContextMatch[] = [];
    for (const name of nameFields(text)) {
      const variable = name[1]!;
      // A generic one (`{"key": "token", "value": ...}` in a Postman collection's bearer auth) counts
      // as weaker evidence: the context runs only where Hawzu is named nearby.
      const named = isHawzuTokenKey(variable, options.extraKeyNames);
      if (!named && !isGenericCredentialKey(variable)) continue;
      const nameEnd = name.index + name[0].length;
      // Look after the name first (the usual order), then just before it.
      const windows: Array<[number, number]> = [
        [nameEnd, Math.min(text.length, nameEnd + REACH)],
        [Math.max(0, name.index - REACH), name.index],
      ];
      for (const [from, to] of windows) {
        const region = text.slice(from, to);
        const scope = from === nameEnd ? region.slice(0, endOfItem(region)) : region.slice(startOfItem(region));
        VALUE_FIELD.lastIndex = 0;
        const field = VALUE_FIELD.exec(scope);
        if (!field) continue;
        // The entry's own value field decides, even when it holds no plain value (`"<ACCESS_TOKEN>"`):
        // a value field before the name belongs to another entry then.
        const offset = from + (from === nameEnd ? 0 : region.length - scope.length);
        const value = readValue(text, offset + VALUE_FIELD.lastIndex);
        if (!value) break;
        matches.push(
          named
            ? { range: [value.start, value.end], description: `value of env entry ${variable}` }
            : { range: [value.start, value.end], description: `value of the ${variable} entry near a Hawzu mention`, confidence: "medium", strictness: "strict" },
        );
        break;
      }
    }
    return matches;
  },
});

/** NAME_FIELD's matches in `text`, as its global search finds them, tried only where a field word may start. */
function* nameFields(text: string): Generator<RegExpExecArray> {
  const starts: number[] = [];
  for (const word of ["name", "Name", "key", "Key"]) {
    for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + 1)) {
      for (const offset of FIELD_WORD_OFFSETS) if (index >= offset) starts.push(index - offset);
    }
  }
  let searchFrom = 0;
  for (const start of Int32Array.from(starts).sort()) {
    if (start < searchFrom) continue;
    NAME_FIELD_AT.lastIndex = start;
    const name = NAME_FIELD_AT.exec(text);
    if (!name) continue;
    searchFrom = NAME_FIELD_AT.lastIndex;
    yield name;
  }
}
