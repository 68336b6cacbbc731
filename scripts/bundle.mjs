#!/usr/bin/env node
/**
 * `npm run bundle` (run by `prepare` after tsc): the compiled CLI (dist/cli/main.js) and the packages `check` needs in
 * one CommonJS file, dist/bundle/minutier.cjs, so that a cold `minutier check` reads a handful of files instead of
 * ~500 and its compiled code can be cached (bin/code-cache.js; docs/performance.md, « Code cache »). Node 20 caches
 * compiled code only for scripts (vm.Script), not for ES modules, hence CommonJS. Modules the CLI imports lazily stay
 * lazy: esbuild wraps each in a function run at its first import. Puppeteer and pdf-lib, which only printing needs, are
 * in files of their own (dist/bundle/puppeteer-core.cjs, pdf-lib.cjs) that `check` never reads. The worker of `check
 * --concurrency` is dist/bundle/check-worker.cjs, started through check-worker.mjs (the same cached load); the printer's
 * thread of `build` is print-worker.cjs, started through print-worker.mjs.
 *
 * The bundles sit two folders below the package root, like dist/cli/main.js, so every `new URL('../../…',
 * import.meta.url)` of the sources still points at the root (import.meta.url is the bundle's own URL). Packages only
 * the build or the authoring commands need stay external (loaded from node_modules when those commands import them).
 * bin/minutier.js uses the bundle only when it is at least as new as dist/cli/main.js, so a plain `tsc -p
 * tsconfig.build.json` never runs a stale bundle. Last, a warm-up `check` of the sample session writes the code cache
 * (node_modules/.cache/minutier/*.v8cache) when the sample is there (a git checkout); elsewhere the first command does.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { toAscii } from './ascii-js.mjs';

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

/** Only printing loads these (lazily): each is bundled into a file of its own, required when first imported. */
const printPackages = ['puppeteer-core', 'pdf-lib'];
const toPrintBundles = {
  name: 'print-packages-in-their-own-bundles',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${printPackages.join('|')})$`) }, (args) => ({
      path: `./${args.path}.cjs`,
      external: true,
    }));
  },
};

const outdir = `${root}dist/bundle`;
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Loaded from node_modules by the commands that need them. Every import() becomes require() (Node >= 20.19 requires
  // ES modules such as @clack/prompts): bin/code-cache.js compiles the bundles as scripts, where import() fails.
  supported: { 'dynamic-import': false },
  external: ['handlebars', '@fontsource/*', 'chokidar', '@clack/prompts', 'fontkit'],
  // The sources locate templates, fonts and the worker from their own URL; in a CommonJS file, from __filename.
  define: { 'import.meta.url': '__minutierUrl' },
  banner: { js: "var __minutierUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  legalComments: 'none',
};
await rm(outdir, { recursive: true, force: true });
// The code caches of the previous bundle (bin/code-cache.js would ignore them: made from other files).
await rm(`${root}node_modules/.cache/minutier`, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: {
    minutier: 'dist/cli/main.js',
    'check-worker': 'dist/pipeline/check-worker.js',
    'print-worker': 'dist/print/print-worker.js',
  },
  outdir,
  outExtension: { '.js': '.cjs' },
  plugins: [fastStringWidth, toPrintBundles],
});
// puppeteer-core and pdf-lib bundled: importing them from node_modules cost 0.8 s of CPU per build, 0.28 s bundled.
await build({
  ...common,
  entryPoints: Object.fromEntries(printPackages.map((name) => [name, name])),
  outdir,
  outExtension: { '.js': '.cjs' },
});
// Pure ASCII, so that Node decodes each bundle into a one-byte string (~2 ms instead of ~20 ms for minutier.cjs at every
// start): esbuild leaves regular expressions, String.raw templates and comments as written (scripts/ascii-js.mjs).
for (const name of await readdir(outdir)) {
  if (!name.endsWith('.cjs')) continue;
  const code = await readFile(`${outdir}/${name}`, 'utf8');
  const ascii = toAscii(code);
  if (ascii !== code) await writeFile(`${outdir}/${name}`, ascii);
}
// The worker's entry, the same cached load as bin/minutier.js (src/pipeline/check-parallel.ts starts it).
// The main thread ends its workers (terminate) without an exit event: a worker writes the cache after its first reply.
await writeFile(
  `${outdir}/check-worker.mjs`,
  `import { parentPort } from 'node:worker_threads';
import { loadCached, saveCodeCaches } from '../../bin/code-cache.js';

const post = parentPort.postMessage;
parentPort.postMessage = function (...args) {
  post.apply(this, args);
  parentPort.postMessage = post;
  saveCodeCaches();
};
loadCached(new URL('./check-worker.cjs', import.meta.url));
`,
);

// The printer's thread (src/print/worker-printer.ts starts it), the same cached load; its cache is written once its
// browser is closed, when it has printed (the functions it compiled are in it).
await writeFile(
  `${outdir}/print-worker.mjs`,
  `import { parentPort } from 'node:worker_threads';
import { loadCached, saveCodeCaches } from '../../bin/code-cache.js';

const post = parentPort.postMessage;
parentPort.postMessage = function (message, ...rest) {
  if (message && message.kind === 'closed') saveCodeCaches('build');
  return post.call(this, message, ...rest);
};
loadCached(new URL('./print-worker.cjs', import.meta.url));
`,
);

const sample = `${root}sessions/2022-06-28-comite-syndical.md`;
if (existsSync(sample) && process.env.MINUTIER_CODE_CACHE !== 'off') {
  spawnSync(process.execPath, [`${root}bin/minutier.js`, 'check', sample], { cwd: root, stdio: 'ignore' });
}
