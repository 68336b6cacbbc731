#!/usr/bin/env node
/**
 * `npm run bundle` (run by `prepare` after tsc): dist/bundle/minutier.mjs, the compiled CLI (dist/cli/main.js) and
 * the packages `check` needs in one ES module plus lazily loaded chunks, so that a cold `minutier check` reads a
 * handful of files instead of ~500 (docs/performance.md, « Check speed »). It sits two folders below the package
 * root, like dist/cli/main.js, so every `new URL('../../…', import.meta.url)` of the sources still points at the
 * root. Some packages only the build or the authoring commands need stay external (loaded from node_modules when
 * those commands import them). bin/minutier.js uses the bundle only when it is at least as new
 * as dist/cli/main.js, so a plain `tsc -p tsconfig.build.json` never runs a stale bundle.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * vfile-reporter (the terminal report) measures every cell with string-width; it gets dist/report/string-width.js
 * instead, which answers the length for plain French text and asks string-width for anything else (same widths,
 * test/report/string-width.test.ts; docs/performance.md, « Check speed »).
 */
const fastStringWidth = {
  name: 'fast-string-width-for-vfile-reporter',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]vfile-reporter[\\/]/.test(args.importer) ? { path: `${root}dist/report/string-width.js` } : undefined,
    );
  },
};
const outdir = `${root}dist/bundle`;
await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The worker of `check --concurrency` (src/pipeline/check-parallel.ts loads `./check-worker.mjs` beside its chunk).
  entryPoints: { minutier: 'dist/cli/main.js', 'check-worker': 'dist/pipeline/check-worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  // puppeteer-core and pdf-lib are bundled too, in the chunk the build loads lazily to print: importing them from
  // node_modules cost 0.8 s of CPU per build, 0.28 s bundled (docs/performance.md); `check` never loads that chunk.
  external: ['handlebars', '@fontsource/*', 'chokidar', '@clack/prompts', 'fontkit'],
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __minutierRequire } from 'node:module'; const require = __minutierRequire(import.meta.url);",
  },
  plugins: [fastStringWidth],
  logLevel: 'warning',
  legalComments: 'none',
});
