/**
 * `JSON.stringify(value, null, 2)`, byte for byte, as a sequence of pieces: each element of the
 * arrays named in `streamed` (top-level keys of `value`) is mapped and stringified on its own when
 * its turn comes, so a report's findings are never all copied, nor joined into one huge string.
 */
export function* streamJson(value: Record<string, unknown>, streamed: Record<string, (element: unknown) => unknown>, depth = 0): Generator<string> {
  const keys = Object.keys(value).filter((key) => value[key] !== undefined);
  const pad = "  ".repeat(depth);
  if (keys.length === 0) {
    yield "{}";
    return;
  }
  yield "{\n";
  for (const [index, key] of keys.entries()) {
    yield `${pad}  ${JSON.stringify(key)}: `;
    const item = value[key];
    const map = streamed[key];
    if (map && Array.isArray(item)) yield* streamArray(item, map, depth + 1);
    else yield indent(JSON.stringify(item, null, 2), depth + 1);
    yield index === keys.length - 1 ? "\n" : ",\n";
  }
  yield `${pad}}`;
  if (depth === 0) yield "\n";
}

/** An array at `depth`, its elements mapped and stringified one at a time. */
export function* streamArray(items: readonly unknown[], map: (element: unknown, index: number) => unknown, depth: number): Generator<string> {
  if (items.length === 0) {
    yield "[]";
    return;
  }
  const pad = "  ".repeat(depth);
  yield "[\n";
  for (let index = 0; index < items.length; index++) {
    yield `${pad}  ${indent(JSON.stringify(map(items[index], index), null, 2), depth + 1)}${index === items.length - 1 ? "\n" : ",\n"}`;
  }
  yield `${pad}]`;
}

function indent(json: string, depth: number): string {
  return depth === 0 ? json : json.replace(/\n/g, `\n${"  ".repeat(depth)}`);
}
