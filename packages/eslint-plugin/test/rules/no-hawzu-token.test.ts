import { RuleTester } from "@typescript-eslint/rule-tester";
import { afterAll, describe, it } from "vitest";
import rule from "../../src/rules/no-hawzu-token.js";
import { fakeToken, spanOf } from "../fake-token.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// Generated once per run: the values appear in test code, never in messages (checked below).
const TOKEN = fakeToken();
const OTHER = fakeToken();
const HEAD = TOKEN.slice(0, 12);
const TAIL = TOKEN.slice(12);

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

type Suggestion = { messageId: "useEnvironmentVariable" | "removeFallback" | "removeAssignment"; output: string };
const error = (code: string, needle: string, suggestions: Suggestion[] = [], messageId: "hardCodedToken" | "possibleHardCodedToken" = "hardCodedToken") => ({
  messageId,
  ...spanOf(code, needle),
  suggestions,
});

const far = "\n".repeat(12);

const code = {
  namedJs: `const HAWZU_TOKEN = "${TOKEN}";`,
  typedTs: `const hawzuApiToken: string = "${TOKEN}";`,
  template: `const hawzuToken = \`${HEAD}\${"${TAIL.slice(0, 4)}"}${TAIL.slice(4)}\`;`,
  concat: `const config = { hawzuAccessToken: "${HEAD}" + "${TAIL}" };`,
  nullish: `const token = process.env.HAWZU_TOKEN ?? "${TOKEN}";`,
  orTemplate: `const token = process.env["HAWZU_TOKEN"] || \`${TOKEN}\`;`,
  axiosConfig: `const client = axios.create({\n  baseURL: "https://api.hawzu.com/api/v1",${far}  headers: { Authorization: "Bearer ${TOKEN}" },\n});`,
  fetchTemplate: `await fetch("https://api.hawzu.com/api/v1/me", { headers: { Authorization: \`Bearer ${TOKEN}\` } });`,
  headersVariable: `const headers = { Authorization: \`Bearer ${TOKEN}\` };${far}await fetch("https://api.hawzu.com/api/v1/workspaces", { headers });`,
  kyDefaults: `const api = ky.create({ prefixUrl: "https://api.hawzu.com/api/v1" });${far}api.defaults.headers.common.Authorization = \`Bearer ${TOKEN}\`;`,
  clientToken: `const client = new Client({\n  baseURL: "https://api.hawzu.com",${far}  token: \`${TOKEN}\`,\n});`,
  jsxAttribute: `const app = <HawzuProvider token="${TOKEN}" />;`,
  jsxText: `const help = <p>HAWZU_TOKEN=${TOKEN}</p>;`,
  comment: `// HAWZU_ACCESS_TOKEN=${TOKEN}\nconst x = 1;`,
  knownPrefix: `const value = "hzw_${TOKEN}";`,
  envNameInUse: `const url = process.env.HAWZU_TOKEN_PROD;\nconst hawzuToken = "${TOKEN}";`,
  twoTokens: `const HAWZU_TOKEN = "${TOKEN}";\nconst HAWZU_TOKEN_OLD = "${OTHER}";`,
};

ruleTester.run("no-hawzu-token", rule, {
  valid: [
    "const token = process.env.HAWZU_ACCESS_TOKEN;",
    'const HAWZU_TOKEN = "YOUR_ACCESS_TOKEN";',
    'const HAWZU_ACCESS_TOKEN = "<ACCESS_TOKEN>";',
    "const header = `Bearer ${process.env.HAWZU_TOKEN}`;",
    'const token = process.env.HAWZU_TOKEN ?? "";',
    `await fetch("https://api.hawzu.com/api/v1/me", { headers: { Authorization: \`Bearer \${token}\` } });`,
    `await fetch("https://api.github.com/user", { headers: { Authorization: \`Bearer ${TOKEN}\` } });`,
    `const githubToken = "${TOKEN}";`,
    `const hawzuTokenId = "${TOKEN}";`,
    `const client = axios.create({ baseURL: "https://api.hawzu.com", headers: { Authorization: "Bearer YOUR_API_TOKEN" } });`,
    `const HAWZU_TOKEN = "${TOKEN}"; // hawzu-scan-ignore: rotated test fixture`,
    `// hawzu-scan-ignore-next-line\nconst hawzuToken = "${HEAD}" + "${TAIL}";`,
    { code: code.clientToken, options: [{ minConfidence: "high" }] },
    { code: `const app = <HawzuProvider token={process.env.HAWZU_TOKEN} />;`, filename: "app.tsx" },
    { code: `type Config = { hawzuToken: string }; const c: Config = { hawzuToken: process.env.HAWZU_TOKEN! };`, filename: "config.ts" },
  ],
  invalid: [
    {
      code: code.namedJs,
      errors: [error(code.namedJs, TOKEN, [{ messageId: "useEnvironmentVariable", output: 'const HAWZU_TOKEN = process.env.HAWZU_TOKEN ?? "";' }])],
    },
    {
      code: code.typedTs,
      filename: "config.ts",
      errors: [error(code.typedTs, TOKEN, [{ messageId: "useEnvironmentVariable", output: 'const hawzuApiToken: string = process.env.HAWZU_ACCESS_TOKEN ?? "";' }])],
    },
    {
      // Folded: the token spans a quasi and an expression, so the whole template is reported.
      code: code.template,
      errors: [error(code.template, code.template.slice(code.template.indexOf("`"), code.template.lastIndexOf("`") + 1), [
        { messageId: "useEnvironmentVariable", output: 'const hawzuToken = process.env.HAWZU_ACCESS_TOKEN ?? "";' },
      ])],
    },
    {
      code: code.concat,
      errors: [error(code.concat, `"${HEAD}" + "${TAIL}"`, [
        { messageId: "useEnvironmentVariable", output: 'const config = { hawzuAccessToken: process.env.HAWZU_ACCESS_TOKEN ?? "" };' },
      ])],
    },
    {
      code: code.nullish,
      errors: [error(code.nullish, TOKEN, [{ messageId: "removeFallback", output: 'const token = process.env.HAWZU_TOKEN ?? "";' }])],
    },
    {
      code: code.orTemplate,
      errors: [error(code.orTemplate, TOKEN, [{ messageId: "removeFallback", output: 'const token = process.env["HAWZU_TOKEN"] || "";' }])],
    },
    {
      code: code.axiosConfig,
      errors: [error(code.axiosConfig, TOKEN, [
        { messageId: "useEnvironmentVariable", output: code.axiosConfig.replace(`"Bearer ${TOKEN}"`, "`Bearer ${process.env.HAWZU_ACCESS_TOKEN}`") },
      ], "possibleHardCodedToken")],
    },
    {
      code: code.fetchTemplate,
      errors: [error(code.fetchTemplate, TOKEN, [
        { messageId: "useEnvironmentVariable", output: code.fetchTemplate.replace(TOKEN, "${process.env.HAWZU_ACCESS_TOKEN}") },
      ])],
    },
    {
      code: code.headersVariable,
      errors: [error(code.headersVariable, TOKEN, [
        { messageId: "useEnvironmentVariable", output: code.headersVariable.replace(TOKEN, "${process.env.HAWZU_ACCESS_TOKEN}") },
      ])],
    },
    {
      code: code.kyDefaults,
      errors: [error(code.kyDefaults, TOKEN, [
        { messageId: "useEnvironmentVariable", output: code.kyDefaults.replace(TOKEN, "${process.env.HAWZU_ACCESS_TOKEN}") },
      ])],
    },
    {
      code: code.clientToken,
      errors: [error(code.clientToken, TOKEN, [
        { messageId: "useEnvironmentVariable", output: code.clientToken.replace(`\`${TOKEN}\``, 'process.env.HAWZU_ACCESS_TOKEN ?? ""') },
      ], "possibleHardCodedToken")],
    },
    {
      code: code.jsxAttribute,
      filename: "app.tsx",
      errors: [error(code.jsxAttribute, TOKEN, [
        { messageId: "useEnvironmentVariable", output: 'const app = <HawzuProvider token={process.env.HAWZU_ACCESS_TOKEN ?? ""} />;' },
      ], "possibleHardCodedToken")],
    },
    {
      // JSX text cannot hold an expression without braces: no suggestion.
      code: code.jsxText,
      filename: "help.jsx",
      errors: [error(code.jsxText, TOKEN)],
    },
    { code: code.comment, errors: [error(code.comment, TOKEN)] },
    {
      code: code.knownPrefix,
      options: [{ knownPrefixes: ["hzw_"] }],
      errors: [error(code.knownPrefix, `hzw_${TOKEN}`, [{ messageId: "useEnvironmentVariable", output: 'const value = process.env.HAWZU_ACCESS_TOKEN ?? "";' }])],
    },
    {
      code: code.envNameInUse,
      errors: [error(code.envNameInUse, TOKEN, [
        { messageId: "useEnvironmentVariable", output: code.envNameInUse.replace(`"${TOKEN}"`, 'process.env.HAWZU_TOKEN_PROD ?? ""') },
      ])],
    },
    {
      code: code.twoTokens,
      errors: [
        error(code.twoTokens, TOKEN, [{ messageId: "useEnvironmentVariable", output: code.twoTokens.replace(`"${TOKEN}"`, 'process.env.HAWZU_TOKEN ?? ""') }]),
        error(code.twoTokens, OTHER, [{ messageId: "useEnvironmentVariable", output: code.twoTokens.replace(`"${OTHER}"`, 'process.env.HAWZU_TOKEN_OLD ?? ""') }]),
      ],
    },
  ],
});

