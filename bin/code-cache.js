// Loads the CommonJS bundles of dist/bundle (scripts/bundle.mjs) with a V8 code cache, so that a command does not
// compile again, at every start, the functions it ran last time (docs/performance.md, « Code cache »). Node 20 caches
// compiled code only for scripts (vm.Script `cachedData`), hence this loader: Node's own CommonJS loader reads and
// resolves the files, and this hook compiles the bundle's files with their cache, `<file>.v8cache` in the package's
// node_modules/.cache/minutier (the usual place of tools' caches; not in dist/, whose content the build's cache of
// outputs fingerprints: a cache rewritten there would make every build start from scratch).
//
// The cache never runs stale code: its header holds the identity of the bundle it was made from (size, modification
// and change times, device and inode of the file, Node version, architecture); any other file is ignored and replaced.
// No hash of the source: writing a file always sets its change time (ctime, which no tool can set back), so a bundle
// rewritten, even to the same size and mtime, has another identity; hashing 2.8 MB cost ~10 ms of each start. V8
// itself rejects a cache made by another V8 version or under other V8 flags (then it is replaced too). It is written after the command ran,
// so it holds the functions compiled lazily while running, atomically (a temporary file renamed over the old one),
// and not at all when the folder is not writable: the bundle is then compiled as without cache. MINUTIER_CODE_CACHE=off
// turns it off. The bundles contain no `import()` (scripts/bundle.mjs makes them require()): a script compiled from a
// code cache loses its dynamic-import callback in Node 20 (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), as a module does
// (nodejs/node#43663).
'use strict';
const { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { createRequire } = Module;
const path = require('node:path');
const { fileURLToPath } = require('node:url');
const vm = require('node:vm');

const MAGIC = 'minutier-v8cache 1\n';
/** filename → its compiled script, its cache file and what became of the cache (codeCacheReport). */
const scripts = new Map();
let folder;
let cacheFolder;

/** node_modules/.cache/minutier of the package whose dist/bundle holds `bundleFolder`. */
function codeCacheFolder(bundleFolder) {
  return path.join(bundleFolder, '..', '..', 'node_modules', '.cache', 'minutier');
}

/**
 * The cache in `file` if it was made from this very bundle file by this Node (`stale` when from anything else), and
 * the commands whose run it holds. Format: `minutier-v8cache 1`, the identity, the commands (comma-separated), each on
 * a line, then V8's data.
 */
function readCache(file, identity) {
  let data;
  try {
    data = readFileSync(file);
  } catch {
    return { status: 'missing', commands: [] };
  }
  const header = `${MAGIC}${identity}\n`;
  const end = data.indexOf(10, header.length);
  if (end < 0 || data.toString('latin1', 0, header.length) !== header) return { status: 'stale', commands: [] };
  const commands = data.toString('latin1', header.length, end).split(',').filter(Boolean);
  return { cachedData: data.subarray(end + 1), commands };
}

function identityOf(filename) {
  const { size, mtimeMs, ctimeMs, dev, ino } = statSync(filename);
  return [size, mtimeMs, ctimeMs, dev, ino, process.version, process.arch].join(' ');
}

/** Compiles one bundle file as Node would (same wrapper, same `require`), with its code cache. */
function compileCached(module, content, filename) {
  const identity = identityOf(filename);
  const cacheFile = path.join(cacheFolder, `${path.basename(filename)}.v8cache`);
  const { cachedData, status: withoutCache, commands } = readCache(cacheFile, identity);
  const script = new vm.Script(Module.wrap(content), {
    filename,
    cachedData,
  });
  const status = withoutCache ?? (script.cachedDataRejected ? 'rejected' : 'used');
  scripts.set(filename, { script, cacheFile, identity, status, commands });
  const wrapper = script.runInThisContext({ displayErrors: true });
  const require = createRequire(filename);
  return wrapper.call(module.exports, module.exports, require, module, filename, path.dirname(filename));
}

function install(bundleFolder) {
  if (folder !== undefined) return;
  folder = bundleFolder;
  cacheFolder = codeCacheFolder(bundleFolder);
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename, ...rest) {
    if (path.dirname(filename) !== folder || !filename.endsWith('.cjs'))
      return compile.call(this, content, filename, ...rest);
    return compileCached(this, content, filename);
  };
}

/**
 * Writes the cache of every bundle file loaded without a valid one, or whose cache does not hold yet the functions
 * `command` runs (then the new cache holds both: those read from the old cache and those compiled since). Called once
 * the command (or the worker's first session) ran; never throws: a cache that cannot be written only means the next
 * start compiles again.
 */
function saveCodeCaches(command) {
  for (const entry of scripts.values()) {
    const extend = entry.status === 'used' && command && !entry.commands.includes(command) && entry.commands.length < 8;
    if (!extend && entry.status !== 'missing' && entry.status !== 'stale' && entry.status !== 'rejected') continue;
    const commands = entry.status === 'used' ? [...entry.commands] : [];
    if (command && !commands.includes(command)) commands.push(command);
    entry.status = 'unwritable';
    const temp = `${entry.cacheFile}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(cacheFolder, { recursive: true });
      const header = Buffer.from(`${MAGIC}${entry.identity}\n${commands.join(',')}\n`, 'latin1');
      writeFileSync(temp, Buffer.concat([header, entry.script.createCachedData()]));
      renameSync(temp, entry.cacheFile);
      entry.status = 'written';
    } catch {
      rmSync(temp, { force: true });
    }
  }
}

/**
 * What happened to each bundle file's cache: `used`; or `missing`, `stale` (made from another file or by another Node)
 * or `rejected` (by V8), compiled without it, then `written` or `unwritable` once saveCodeCaches ran.
 */
function codeCacheReport() {
  return [...scripts].map(([file, { status }]) => ({ file, status }));
}

/** Loads the bundle file `url` (and, later, the bundle files it requires) with the code cache; returns its exports. */
function loadCached(url) {
  const filename = fileURLToPath(url);
  if (process.env.MINUTIER_CODE_CACHE !== 'off') install(path.dirname(filename));
  return require(filename);
}

exports.codeCacheFolder = codeCacheFolder;
exports.saveCodeCaches = saveCodeCaches;
exports.codeCacheReport = codeCacheReport;
exports.loadCached = loadCached;
