import { describe, expect, it } from "vitest";
import { holdsNeedle, keywordNeedles } from "../../src/scan/keyword-needles.js";

describe("keywordNeedles", () => {
  it("is computed once per keyword lists, also when each input gets a fresh options object with its path", () => {
    const core = { knownPrefixes: ["acme_"], extraKeyNames: ["ACME_KEY"] };
    const first = keywordNeedles({ ...core, path: "a.log" } as typeof core);
    expect(keywordNeedles({ ...core, path: "b.log" } as typeof core)).toBe(first);
    expect(holdsNeedle(Buffer.from("x acme_123"), first)).toBe(true);
    expect(holdsNeedle(Buffer.from("x acme_key"), first)).toBe(true);
    expect(holdsNeedle(Buffer.from("nothing here"), first)).toBe(false);
  });

  it("gives other lists their own needles", () => {
    const plain = keywordNeedles({});
    const other = keywordNeedles({ knownPrefixes: ["zeta_"] });
    expect(other).not.toBe(plain);
    expect(holdsNeedle(Buffer.from("zeta_1"), other)).toBe(true);
    expect(holdsNeedle(Buffer.from("zeta_1"), plain)).toBe(false);
    expect(holdsNeedle(Buffer.from("HAWZU"), plain)).toBe(true);
    // Odd casings too: a file that says only `hawZU_TOKEN=` is not passed over.
    for (const casing of ["hawZU", "HaWzU", "HAWzU", "hAwzU"]) expect(holdsNeedle(Buffer.from(`${casing}_TOKEN=`), plain), casing).toBe(true);
  });
});
