// What the pre-commit hook (.husky/pre-commit -> lint-staged) runs on the staged files:
// ESLint with our own plugin on JS/TS/JSON, and hawzu-scan on every staged file, reading the staged
// (index) version of exactly the files lint-staged passes.
import { relative } from "node:path";

/**
 * Folders whose files hold fake tokens on purpose (detection cases, documented examples, samples):
 * neither hawzu-scan nor ESLint (eslint.config.js imports this list) checks them at commit time.
 */
export const FIXTURE_FOLDERS = ["samples/", "packages/core/test/cases/", "packages/core/docs/contexts/"];

const isFixture = (file) => FIXTURE_FOLDERS.some((folder) => relative(process.cwd(), file).split("\\").join("/").startsWith(folder));
const quote = (file) => `"${file}"`;
const command = (base) => (files) => {
  const checked = files.filter((file) => !isFixture(file));
  return checked.length > 0 ? `${base} ${checked.map(quote).join(" ")}` : [];
};

export default {
  "*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,json}": command("eslint --no-warn-ignored --max-warnings=0"),
  "*": command("node packages/cli/bin/hawzu-scan.js --staged"),
};
