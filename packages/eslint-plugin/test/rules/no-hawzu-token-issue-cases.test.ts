// The reproductions of issues 11 and 12 (ESLint items), each as a RuleTester case: a valid case for
// what must stay quiet, an invalid one (with its contrast) for what must be found.
import { fingerprint } from "@hawzu-scan/core";
import { RuleTester } from "@typescript-eslint/rule-tester";
import { afterAll, describe, it } from "vitest";
import rule from "../../src/rules/no-hawzu-token.js";
import { createFakeTokens, spanOf } from "../fake-token.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const fakeToken = createFakeTokens(0x1112);
const TOKEN = fakeToken(40);
const [PIECE_A, PIECE_B, PIECE_C] = [fakeToken(20), fakeToken(20), fakeToken(26)];
const short = (value: string) => fingerprint(value).slice(0, "sha256:".length + 12);
const far = (lines: number) => "\n".repeat(lines);

const ruleTester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });

type MessageId = "hardCodedToken" | "possibleHardCodedToken";
type Suggestion = { messageId: "useEnvironmentVariable" | "removeFallback" | "removeAssignment"; output: string };
const error = (code: string, needle: string, suggestions: Suggestion[] = [], messageId: MessageId = "hardCodedToken") => ({
  messageId,
  ...spanOf(code, needle),
  suggestions,
});

const folded = {
  twoPieces: `const hawzuSecret = "${PIECE_A}" + "${PIECE_B}";`,
  threePieces: `const hawzuSecret = "${PIECE_A}" + "${PIECE_B}" + "${PIECE_C}";`,
  templateAndConcat: `const config = { hawzuToken: \`${PIECE_A}\` + "${PIECE_C}" };`,
  // One character per piece: folded as one chain, whatever the number of pieces.
  characterChain: `const hawzuToken = ${[...TOKEN].map((character) => `"${character}"`).join(" + ")};`,
  // Longer than any constant worth folding (4096 characters): skipped, not crashed on.
  longChain: `const hawzuNotes = ${Array.from({ length: 600 }, (_, index) => `"line ${index}\\n"`).join(" + ")};`,
};

const suggestions = {
  baseUrlFirst: `const base = process.env.HAWZU_BASE_URL ?? "https://api.hawzu.com";\nconst hawzuToken = "${TOKEN}";`,
  vite: `const base = import.meta.env.VITE_HAWZU_URL;\nconst hawzuToken = "${TOKEN}";`,
  selfAssignment: `process.env.HAWZU_TOKEN = "${TOKEN}";\nstart();`,
  ownName: `const HAWZU_TOKEN_STAGING = "${TOKEN}";`,
  ownUrlName: `const HAWZU_BASE_URL = "https://api.hawzu.com";\nconst HAWZU_API_URL_TOKEN = "${TOKEN}";`,
  logicalOr: `const HAWZU_TOKEN = cached || "${TOKEN}";`,
};

const missed = {
  classFields: `class HawzuService {\n  static apiKey: string = "${PIECE_A}${PIECE_B}";\n  private accessToken: string = "${TOKEN}";\n}`,
  destructuringDefault: `const { hawzuToken: tok = "${TOKEN}" } = {};`,
  constantUsedLater: `const TOKEN = "${TOKEN}";${far(25)}await fetch("https://api.hawzu.com/api/v1/me", { headers: { Authorization: \`Bearer \${TOKEN}\` } });`,
  setter: `const client = new HawzuClient();\nclient.setToken("${TOKEN}");`,
};

const evidence = {
  githubRequest: `// Sync defects from Hawzu to GitHub issues\nconst token = "${TOKEN}";\nawait fetch("https://api.github.com/user", { headers: { Authorization: \`Bearer \${token}\` } });`,
  hawzuRequest: `// Sync defects from Hawzu to GitHub issues\nconst token = "${TOKEN}";\nawait fetch("https://api.hawzu.com/api/v1/me", { headers: { Authorization: \`Bearer \${token}\` } });`,
  octokit: `const github = new Octokit({ auth: "${TOKEN}" });\nconst hawzu = new HawzuClient({ token: process.env.HAWZU_TOKEN });`,
};

const ignores = {
  endOfStatement: `const hawzu = new HawzuClient({\n  baseURL: "https://api.hawzu.com",\n  token: "${TOKEN}",\n}); // hawzu-scan-ignore: revoked fixture`,
  firstLine: `const config = { // hawzu-scan-ignore: revoked fixture\n  hawzuToken:\n    "${TOKEN}",\n};`,
  beforeStatement: `// hawzu-scan-ignore-next-line\nconst config = {\n  hawzuToken:\n    "${TOKEN}",\n};`,
  neighbourOnly: `const config = {\n  oldHawzuToken: "YOUR_ACCESS_TOKEN", // hawzu-scan-ignore: placeholder\n  hawzuToken: "${TOKEN}",\n};`,
};

ruleTester.run("no-hawzu-token (issue 12: folded values)", rule, {
  valid: [{ code: folded.longChain, name: "a 600-piece chain longer than 4096 characters" }],
  invalid: [
    {
      // Each piece alone is long enough for the text scan: the whole value is still what is reported.
      code: folded.twoPieces,
      filename: "file.js",
      errors: [{
        ...error(folded.twoPieces, `"${PIECE_A}" + "${PIECE_B}"`, [{ messageId: "useEnvironmentVariable", output: "const hawzuSecret = process.env.HAWZU_ACCESS_TOKEN;" }]),
        data: { redacted: `${PIECE_A.slice(0, 4)}********`, context: "value of hawzuSecret, value built from several parts, reported on the whole expression", confidence: "high", fingerprint: short(PIECE_A + PIECE_B) },
      }],
    },
    {
      code: folded.threePieces,
      filename: "file.js",
      errors: [{
        ...error(folded.threePieces, `"${PIECE_A}" + "${PIECE_B}" + "${PIECE_C}"`, [{ messageId: "useEnvironmentVariable", output: "const hawzuSecret = process.env.HAWZU_ACCESS_TOKEN;" }]),
        data: { redacted: `${PIECE_A.slice(0, 4)}********`, context: "value of hawzuSecret, value built from several parts, reported on the whole expression", confidence: "high", fingerprint: short(PIECE_A + PIECE_B + PIECE_C) },
      }],
    },
    {
      code: folded.characterChain,
      filename: "file.js",
      errors: [{
        ...error(folded.characterChain, folded.characterChain.slice("const hawzuToken = ".length, -1), [{ messageId: "useEnvironmentVariable", output: "const hawzuToken = process.env.HAWZU_ACCESS_TOKEN;" }]),
        data: { redacted: `${TOKEN.slice(0, 4)}********`, context: "value of hawzuToken, value built from several parts, reported on the whole expression", confidence: "high", fingerprint: short(TOKEN) },
      }],
    },
    {
      code: folded.templateAndConcat,
      errors: [error(folded.templateAndConcat, `\`${PIECE_A}\` + "${PIECE_C}"`, [
        { messageId: "useEnvironmentVariable", output: 'const config = { hawzuToken: process.env.HAWZU_ACCESS_TOKEN ?? "" };' },
      ])],
    },
  ],
});

ruleTester.run("no-hawzu-token (issue 11: suggestions)", rule, {
  valid: [],
  invalid: [
    {
      // Never the base-URL variable read earlier in the file.
      code: suggestions.baseUrlFirst,
      filename: "file.js",
      errors: [error(suggestions.baseUrlFirst, TOKEN, [{ messageId: "useEnvironmentVariable", output: suggestions.baseUrlFirst.replace(`"${TOKEN}"`, "process.env.HAWZU_ACCESS_TOKEN") }])],
    },
    {
      code: suggestions.vite,
      filename: "src/main.js",
      errors: [error(suggestions.vite, TOKEN, [{ messageId: "useEnvironmentVariable", output: suggestions.vite.replace(`"${TOKEN}"`, "import.meta.env.HAWZU_ACCESS_TOKEN") }])],
    },
    {
      code: suggestions.selfAssignment,
      filename: "file.js",
      errors: [error(suggestions.selfAssignment, TOKEN, [{ messageId: "removeAssignment", output: "\nstart();" }])],
    },
    {
      code: suggestions.ownName,
      filename: "file.js",
      errors: [error(suggestions.ownName, TOKEN, [{ messageId: "useEnvironmentVariable", output: "const HAWZU_TOKEN_STAGING = process.env.HAWZU_TOKEN_STAGING;" }])],
    },
    {
      // TypeScript: a typed, non-undefined read; parenthesised where `??` cannot mix with `||`.
      code: suggestions.logicalOr,
      filename: "file.ts",
      errors: [error(suggestions.logicalOr, TOKEN, [{ messageId: "useEnvironmentVariable", output: suggestions.logicalOr.replace(`"${TOKEN}"`, '(process.env.HAWZU_TOKEN ?? "")') }])],
    },
  ],
});

ruleTester.run("no-hawzu-token (issue 11: forms the rule missed)", rule, {
  valid: [],
  invalid: [
    {
      code: missed.classFields,
      errors: [
        error(missed.classFields, `${PIECE_A}${PIECE_B}`, [{ messageId: "useEnvironmentVariable", output: missed.classFields.replace(`"${PIECE_A}${PIECE_B}"`, 'process.env.HAWZU_ACCESS_TOKEN ?? ""') }], "possibleHardCodedToken"),
        error(missed.classFields, TOKEN, [{ messageId: "useEnvironmentVariable", output: missed.classFields.replace(`"${TOKEN}"`, 'process.env.HAWZU_ACCESS_TOKEN ?? ""') }], "possibleHardCodedToken"),
      ],
    },
    {
      code: missed.destructuringDefault,
      errors: [error(missed.destructuringDefault, TOKEN, [{ messageId: "useEnvironmentVariable", output: 'const { hawzuToken: tok = process.env.HAWZU_ACCESS_TOKEN ?? "" } = {};' }])],
    },
    {
      code: missed.constantUsedLater,
      errors: [error(missed.constantUsedLater, TOKEN, [{ messageId: "useEnvironmentVariable", output: missed.constantUsedLater.replace(`"${TOKEN}"`, 'process.env.HAWZU_ACCESS_TOKEN ?? ""') }])],
    },
    {
      code: missed.setter,
      errors: [error(missed.setter, TOKEN, [{ messageId: "useEnvironmentVariable", output: missed.setter.replace(`"${TOKEN}"`, 'process.env.HAWZU_ACCESS_TOKEN ?? ""') }], "possibleHardCodedToken")],
    },
  ],
});

ruleTester.run("no-hawzu-token (issue 11: code evidence beats nearby words)", rule, {
  valid: [evidence.githubRequest, evidence.octokit],
  invalid: [
    {
      // Contrast: the same code sent to Hawzu is found, so the valid cases are not vacuous.
      code: evidence.hawzuRequest,
      errors: [error(evidence.hawzuRequest, TOKEN, [{ messageId: "useEnvironmentVariable", output: evidence.hawzuRequest.replace(`"${TOKEN}"`, 'process.env.HAWZU_ACCESS_TOKEN ?? ""') }], "possibleHardCodedToken")],
    },
  ],
});

ruleTester.run("no-hawzu-token (issue 11: ignore comments on a multi-line statement)", rule, {
  valid: [ignores.endOfStatement, ignores.firstLine, ignores.beforeStatement],
  invalid: [
    {
      // A comment that belongs to a neighbouring value does not silence this one.
      code: ignores.neighbourOnly,
      errors: [error(ignores.neighbourOnly, TOKEN, [{ messageId: "useEnvironmentVariable", output: ignores.neighbourOnly.replace(`"${TOKEN}"`, 'process.env.HAWZU_ACCESS_TOKEN ?? ""') }])],
    },
    {
      code: ignores.endOfStatement.replace(" // hawzu-scan-ignore: revoked fixture", ""),
      errors: [error(ignores.endOfStatement, TOKEN, [
        { messageId: "useEnvironmentVariable", output: ignores.endOfStatement.replace(" // hawzu-scan-ignore: revoked fixture", "").replace(`"${TOKEN}"`, 'process.env.HAWZU_ACCESS_TOKEN ?? ""') },
      ], "possibleHardCodedToken")],
    },
  ],
});

ruleTester.run("no-hawzu-token (issue 11: allowlist by fingerprint)", rule, {
  valid: [
    { code: suggestions.ownName, options: [{ allowFingerprints: [short(TOKEN)] }] },
    { code: suggestions.ownName, options: [{ allowFingerprints: [fingerprint(TOKEN)] }] },
  ],
  invalid: [
    {
      code: suggestions.ownName,
      options: [{ allowFingerprints: [short(PIECE_A)] }],
      errors: [error(suggestions.ownName, TOKEN, [{ messageId: "useEnvironmentVariable", output: 'const HAWZU_TOKEN_STAGING = process.env.HAWZU_TOKEN_STAGING ?? "";' }])],
    },
  ],
});
