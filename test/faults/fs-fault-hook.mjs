// A fault-injection hook the tests preload into the CLI (`node --import`): right after the CLI
// checks a file with stat, the file named in FAULT_VANISH is deleted, or the one in FAULT_SHRINK
// ("name:bytes") is truncated. Deterministic: the fault happens between the check and the read.
import { truncateSync, unlinkSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { basename } from "node:path";

const require = createRequire(import.meta.url);
const fsPromises = require("node:fs/promises");
const originalStat = fsPromises.stat;
const vanish = process.env.FAULT_VANISH;
const [shrinkName, shrinkBytes] = (process.env.FAULT_SHRINK ?? "").split(":");

fsPromises.stat = async function stat(path, ...rest) {
  const info = await originalStat.call(this, path, ...rest);
  const name = basename(String(path));
  if (name === vanish) unlinkSync(path);
  if (name === shrinkName) truncateSync(path, Number(shrinkBytes));
  return info;
};
// ESM named imports of node:fs/promises are live bindings: make them see the wrapper.
syncBuiltinESMExports();
