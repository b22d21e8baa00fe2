/** A key or column name as a description quotes it: at most 64 characters, cut with "...". */
export function shortName(name: string): string {
  return name.length > 64 ? name.slice(0, 61) + "..." : name;
}
