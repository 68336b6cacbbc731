#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli and is compiled to dist/ by `npm install` (the `prepare` script), which
// also bundles it into dist/bundle/minutier.cjs (scripts/bundle.mjs: one file instead of ~500, a faster start), loaded
// with a V8 code cache (bin/code-cache.js). The bundle is used only when it is at least as new as the compiled CLI, so
// a bare `tsc` never runs stale code.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCached, saveCodeCaches } from './code-cache.js';

const main = new URL('../dist/cli/main.js', import.meta.url);
const bundle = new URL('../dist/bundle/minutier.cjs', import.meta.url);
const mtime = (url) => {
  try {
    return statSync(fileURLToPath(url)).mtimeMs;
  } catch {
    return undefined;
  }
};
const mainTime = mtime(main);
const bundleTime = mtime(bundle);
if (mainTime === undefined && bundleTime === undefined) {
  process.stderr.write(
    "minutier n'est pas compilé : lancez `npm install` (ou `npm run build:ts`) à la racine du dépôt.\n",
  );
  process.exit(2);
}
if (bundleTime !== undefined && (mainTime === undefined || bundleTime >= mainTime)) {
  const { run } = loadCached(bundle);
  process.exitCode = await run(process.argv.slice(2));
  // The cache holds the functions of each command run so far (check, build…): one more is added on its first run.
  const command = process.argv[2];
  saveCodeCaches(/^[a-z]+$/.test(command ?? '') ? command : undefined);
} else {
  const { run } = await import(main.href);
  process.exitCode = await run(process.argv.slice(2));
}
