#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli and is compiled to dist/ by `npm install` (the `prepare` script), which
// also bundles it into dist/bundle/minutier.cjs (scripts/bundle.mjs: one file instead of ~500, a faster start), loaded
// with a V8 code cache (bin/code-cache.js). The bundle is used only when it is at least as new as the compiled CLI, so
// a bare `tsc` never runs stale code. CommonJS (bin/package.json): an ES module as entry point makes Node set up its
// ES module loader first, ~15 ms of CPU a command that runs the bundle never needs (docs/performance.md).
'use strict';
// First: V8's flags must be set before any code of the bundle is compiled (bin/v8-tiering.js).
require('./v8-tiering.js').tuneTiering();
const { statSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { loadCached, saveCodeCaches } = require('./code-cache.js');

const main = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
const bundle = path.join(__dirname, '..', 'dist', 'bundle', 'minutier.cjs');
const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
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

async function start() {
  if (bundleTime !== undefined && (mainTime === undefined || bundleTime >= mainTime)) {
    const { run } = loadCached(pathToFileURL(bundle));
    process.exitCode = await run(process.argv.slice(2));
    // The cache holds the functions of each command run so far (check, build…): one more is added on its first run.
    const command = process.argv[2];
    saveCodeCaches(/^[a-z]+$/.test(command ?? '') ? command : undefined);
  } else {
    const { run } = await import(pathToFileURL(main).href);
    process.exitCode = await run(process.argv.slice(2));
  }
}

// An error escaping run() is an unhandled rejection: Node prints it and exits with code 1, as it did before.
start();
