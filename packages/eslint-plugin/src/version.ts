import { createRequire } from "node:module";

// Read at run time rather than imported as JSON: JSON import attributes differ across Node 20
// minors and TypeScript would copy package.json into dist.
const packageJson = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

export const PLUGIN_NAME = packageJson.name;
export const PLUGIN_VERSION = packageJson.version;
