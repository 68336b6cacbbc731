#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli and is compiled to dist/ by `npm install` (the `prepare` script), which
// also bundles it into dist/bundle/minutier.mjs (scripts/bundle.mjs: one module instead of ~500, a faster start).
// The bundle is used only when it is at least as new as the compiled CLI, so a bare `tsc` never runs stale code.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
const bundle = new URL('../dist/bundle/minutier.mjs', import.meta.url);
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
  process.stderr.write("minutier n'est pas compilé : lancez `npm install` (ou `npm run build:ts`) à la racine du dépôt.\n");
  process.exit(2);
}
const entry = bundleTime !== undefined && (mainTime === undefined || bundleTime >= mainTime) ? bundle : main;
const { run } = await import(entry.href);
process.exitCode = await run(process.argv.slice(2));
