#!/usr/bin/env node
import { statSync } from "node:fs";
import module from "node:module";

// Node 22.1+ keeps compiled code on disk between runs (a hook runs on every commit); a no-op on 20.
module.enableCompileCache?.();

// The bundle (dist/bundle/, made by `npm run build`) starts in a fraction of the time of the ~100
// modules of dist/. In a checkout, a `tsc -b` run after the last bundling makes it stale: then run
// dist/ itself rather than old code. (The published package has no build info: always the bundle.)
const mtime = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const bundled = mtime("../dist/bundle/hawzu-scan.js");
const fresh = bundled > 0 && ["../tsconfig.tsbuildinfo", "../../core/tsconfig.tsbuildinfo", "../../verify/tsconfig.tsbuildinfo"].every((info) => mtime(info) <= bundled);
const { guardProcess, run } = await import(fresh ? "../dist/bundle/hawzu-scan.js" : "../dist/index.js");

guardProcess(process);
const { stdout, stderr, stdin, env } = process;
process.exitCode = await run(process.argv.slice(2), { stdout, stderr, stdin, cwd: process.cwd(), env });
