#!/usr/bin/env node
// Bundles the built CLI (dist/, from `tsc -b`) and its worker into dist/bundle/, with every
// dependency inlined, so starting `hawzu-scan` loads a few modules instead of ~100 (start-up is
// most of what a pre-commit hook costs). dist/ itself stays as it is: it is what the package exports.
// Run by `npm run build` after `tsc -b`.
import { build } from "esbuild";
import { mkdir, readdir, readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(packageRoot, "dist");
const outdir = join(dist, "bundle");
// Each entry (as tsc emitted it) and the bundle it becomes.
const entries = { [join(dist, "index.js")]: "hawzu-scan", [join(dist, "pool", "scan-worker.js")]: "scan-worker" };

// `new URL("./x", import.meta.url)` is resolved at run time against the file that runs, which is now
// the bundle in dist/bundle/: rewrite each such path to point, from there, at the same file as before
// (or at its bundle, for an entry such as the worker).
const relinkFileUrls = {
  name: "relink-file-urls",
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist + sep)) return undefined;
      const source = await readFile(args.path, "utf8");
      const contents = source.replace(/new URL\((["'])(\.{1,2}\/[^"']+)\1, import\.meta\.url\)/g, (_, quote, target) => {
        const absolute = resolve(dirname(args.path), target);
        const bundled = entries[absolute] ? join(outdir, `${entries[absolute]}.js`) : absolute;
        let path = relative(outdir, bundled).split(sep).join("/");
        if (!path.startsWith(".")) path = `./${path}`;
        return `new URL(${quote}${path}${quote}, import.meta.url)`;
      });
      return { contents, loader: "js", resolveDir: dirname(args.path) };
    });
  },
};

// What the CLI imports lazily from npm (`await import("@aws-sdk/client-s3")`, the archive readers)
// stays a real import of the installed package: loaded only when used, and with Node's own CommonJS
// interop (a bundled chunk of a CommonJS package would expose only `default`, not its named exports).
// Our own packages (ES modules) are bundled, into a chunk of their own when imported lazily.
const keepLazyPackagesExternal = {
  name: "keep-lazy-packages-external",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === "dynamic-import" && !args.path.startsWith("@hawzu-scan/") ? { path: args.path, external: true } : undefined));
  },
};

const result = await build({
  entryPoints: Object.entries(entries).map(([input, output]) => ({ in: input, out: output })),
  outdir,
  bundle: true,
  // The CLI and its worker share most code: one chunk beside them, so relinked URLs hold in every file.
  splitting: true,
  chunkNames: "chunk-[hash]",
  platform: "node",
  format: "esm",
  target: "node20.19",
  // CommonJS dependencies (fast-glob, yauzl, ...) call require() for Node's modules; an ES module has
  // no require, so give the bundle one.
  banner: { js: 'import { createRequire as __hawzuCreateRequire } from "node:module";\nconst require = __hawzuCreateRequire(import.meta.url);' },
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: false,
  logLevel: "warning",
  plugins: [relinkFileUrls, keepLazyPackagesExternal],
  write: false,
});

// Tests run the bin while another test may be rebuilding: leave an unchanged bundle untouched, and
// replace a changed one in a single rename, so no run ever loads a half-written file.
await mkdir(outdir, { recursive: true });
const outputs = new Set(result.outputFiles.map((file) => file.path));
for (const file of result.outputFiles) {
  const current = await readFile(file.path).catch(() => undefined);
  if (current?.equals(file.contents)) {
    // Still mark it current: the bin compares its time with the last tsc -b's.
    const now = new Date();
    await utimes(file.path, now, now);
    continue;
  }
  const temporary = `${file.path}.${process.pid}.tmp`;
  await writeFile(temporary, file.contents);
  await rename(temporary, file.path);
}
// Chunks of earlier builds (their names carry a content hash) are no longer referenced.
for (const name of await readdir(outdir)) if (name.startsWith("chunk-") && !outputs.has(join(outdir, name))) await rm(join(outdir, name), { force: true });
