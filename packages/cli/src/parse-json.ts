/** A parsed JSON value, or where the text stopped being JSON. */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: string; where: string };

/**
 * JSON.parse for files a user points us at (config, baseline, reports, package.json). V8's error
 * quotes the text around the fault, which may be a token (`--config .env`), so only the position
 * is reported.
 */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    let where = "the text is not JSON";
    if (position) {
      const before = text.slice(0, Number(position[1]));
      where = `line ${before.split("\n").length}, column ${before.length - before.lastIndexOf("\n")}`;
    }
    return { ok: false, problem: `invalid JSON (${where})`, where };
  }
}
