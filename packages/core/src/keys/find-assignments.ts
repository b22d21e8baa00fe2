import { readValue, type WrittenValue } from "../candidate/read-value.js";

/** `key = value`, `key: value`, `"key": "value"`, `key := value`, `key => value` in any syntax. */
export interface Assignment {
  key: string;
  keyStart: number;
  value: WrittenValue;
}

// A key (optionally quoted), then one of the assignment operators of shell, .env, YAML, JSON, TOML,
// INI, properties, HCL, Go, Ruby/PHP/Perl. `(?![:=/])` keeps `==`, `::` and `https://` out.
const ASSIGNMENT = /(?<![\w.\-$])(\\*["'`]?)([A-Za-z_@$][\w.\-]{0,80})\1[ \t]*(?::=|=>|=|:)(?![:=/])/g;

/** Every assignment of a plain value in `text[from, to)`. */
export function findAssignments(text: string, from = 0, to = text.length): Assignment[] {
  const found: Assignment[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(0, to);
  ASSIGNMENT.lastIndex = from;
  for (let match = ASSIGNMENT.exec(slice); match; match = ASSIGNMENT.exec(slice)) {
    const value = readValue(slice, ASSIGNMENT.lastIndex);
    if (value) found.push({ key: match[2]!, keyStart: match.index + match[1]!.length, value });
  }
  return found;
}
