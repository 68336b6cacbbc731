/**
 * The V8 code cache of the bundled CLI (bin/code-cache.js, docs/performance.md « Code cache »): the same output with
 * and without it, never stale code, and a folder where it cannot be written still runs.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);
const loader = pathToFileURL(path.join(root, 'bin/code-cache.js')).href;

async function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  try {
    const { stdout } = await execFileAsync(process.execPath, args, {
      cwd: options.cwd ?? root,
      env: { ...process.env, ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout };
  }
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'minutier-code-cache-'));
});
afterAll(async () => {
  await chmod(work, 0o755).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
});

describe('the bundled CLI with its code cache', () => {
  const bundle = path.join(root, 'dist/bundle/minutier.cjs');
  const minutier = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
    run([path.join(root, 'bin/minutier.js'), ...args], options);

  it('runs the bundle (npm run build:ts made it), its cache in node_modules/.cache, none in dist/', async () => {
    expect((await stat(bundle)).mtimeMs).toBeGreaterThanOrEqual(
      (await stat(path.join(root, 'dist/cli/main.js'))).mtimeMs,
    );
    await minutier(['check', 'sessions/2023-03-14-conseil-municipal.md']);
    expect(existsSync(path.join(root, 'node_modules/.cache/minutier/minutier.cjs.v8cache'))).toBe(true);
    // The build fingerprints dist/ to know whether its outputs are up to date: a cache there would change it.
    const inDist = (await readdir(path.join(root, 'dist'), { recursive: true })).filter((name) =>
      name.endsWith('.v8cache'),
    );
    expect(inDist).toEqual([]);
  });

  it('reports the same findings with and without the cache', async () => {
    const off = await minutier(['check', 'sessions', '--format', 'json'], { env: { MINUTIER_CODE_CACHE: 'off' } });
    const first = await minutier(['check', 'sessions', '--format', 'json']);
    const cached = await minutier(['check', 'sessions', '--format', 'json']);
    expect(off.code).toBe(1);
    expect(JSON.parse(off.stdout)).not.toHaveLength(0);
    expect(first).toEqual(off);
    expect(cached).toEqual(off);
  });

  it('checks the same on worker threads (check --concurrency), which load the bundle the same way', async () => {
    const folder = path.join(work, 'concurrency');
    await mkdir(path.join(folder, 'sessions'), { recursive: true });
    await cp(path.join(root, 'organisations'), path.join(folder, 'organisations'), { recursive: true });
    const sample = await readFile(path.join(root, 'sessions/2023-03-14-conseil-municipal.md'), 'utf8');
    for (let index = 0; index < 12; index++) {
      await writeFile(path.join(folder, 'sessions', `2023-03-${String(index + 10)}-copie.md`), sample);
    }
    const serial = await minutier(['check', 'sessions', '--format', 'json'], { cwd: folder });
    const parallel = await minutier(['check', 'sessions', '--format', 'json', '--concurrency', '3'], { cwd: folder });
    expect(JSON.parse(serial.stdout)).toHaveLength(12);
    expect(parallel).toEqual(serial);
  });
});

describe('bin/code-cache.js', () => {
  /** A small bundle file: `value()` answers its version; the loader runs it in a process of its own. */
  const source = (version: string) => `exports.value = function value() { return 'version ${version}'; };\n`;
  const cacheOf = (folder: string) => path.join(folder, '../../node_modules/.cache/minutier/x.cjs.v8cache');
  async function makeBundle(name: string): Promise<string> {
    const folder = path.join(work, name, 'dist', 'bundle');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'x.cjs'), source('1'));
    return folder;
  }
  async function load(folder: string, env: NodeJS.ProcessEnv = {}, command?: string) {
    const script = `import { loadCached, saveCodeCaches, codeCacheReport } from ${JSON.stringify(loader)};
      const { value } = loadCached(${JSON.stringify(pathToFileURL(path.join(folder, 'x.cjs')).href)});
      const answer = value();
      saveCodeCaches(${JSON.stringify(command)});
      process.stdout.write(JSON.stringify({ answer, statuses: codeCacheReport().map((entry) => entry.status) }));`;
    const result = await run(['--input-type=module', '-e', script], { env });
    return JSON.parse(result.stdout) as { answer: string; statuses: string[] };
  }

  it('writes the cache once the code ran, then uses it', async () => {
    const folder = await makeBundle('fresh');
    expect(await load(folder)).toEqual({ answer: 'version 1', statuses: ['written'] });
    expect((await readFile(cacheOf(folder))).subarray(0, 18).toString()).toBe('minutier-v8cache 1');
    expect(await load(folder)).toEqual({ answer: 'version 1', statuses: ['used'] });
  });

  it('adds the functions of a command not run yet to the cache, once', async () => {
    const folder = await makeBundle('commands');
    const commands = async () => (await readFile(cacheOf(folder), 'latin1')).split('\n')[2];
    expect(await load(folder, {}, 'check')).toEqual({ answer: 'version 1', statuses: ['written'] });
    expect(await load(folder, {}, 'check')).toEqual({ answer: 'version 1', statuses: ['used'] });
    expect(await load(folder, {}, 'build')).toEqual({ answer: 'version 1', statuses: ['written'] });
    expect(await commands()).toBe('check,build');
    expect(await load(folder, {}, 'build')).toEqual({ answer: 'version 1', statuses: ['used'] });
    expect(await load(folder, {}, 'check')).toEqual({ answer: 'version 1', statuses: ['used'] });
  });

  it('never runs stale code: a bundle changed to the same length and mtime ignores the old cache, replaces it', async () => {
    const folder = await makeBundle('stale');
    await load(folder);
    const before = await readFile(cacheOf(folder));
    const { atime, mtime } = await stat(path.join(folder, 'x.cjs'));
    await writeFile(path.join(folder, 'x.cjs'), source('2'));
    await utimes(path.join(folder, 'x.cjs'), atime, mtime);
    expect(await load(folder)).toEqual({ answer: 'version 2', statuses: ['written'] });
    expect(await readFile(cacheOf(folder))).not.toEqual(before);
    expect(await load(folder)).toEqual({ answer: 'version 2', statuses: ['used'] });
  });

  it('ignores and replaces a corrupt cache (garbage, or a valid header over garbage that V8 rejects)', async () => {
    const folder = await makeBundle('corrupt');
    const cacheFile = cacheOf(folder);
    await mkdir(path.dirname(cacheFile), { recursive: true });
    await writeFile(cacheFile, 'not a cache');
    expect(await load(folder)).toEqual({ answer: 'version 1', statuses: ['written'] });
    const valid = await readFile(cacheFile);
    const header = valid.subarray(0, valid.indexOf('\n', valid.indexOf('\n', 20) + 1) + 1);
    await writeFile(cacheFile, Buffer.concat([header, Buffer.alloc(4096, 7)]));
    expect(await load(folder)).toEqual({ answer: 'version 1', statuses: ['written'] });
    expect(await load(folder)).toEqual({ answer: 'version 1', statuses: ['used'] });
  });

  it('still runs where the cache cannot be written, and leaves no temporary file', async () => {
    const folder = await makeBundle('unwritable');
    const caches = path.dirname(cacheOf(folder));
    // Root writes in a read-only folder: a folder in the cache's place makes the write fail for root too.
    await mkdir(path.join(cacheOf(folder), 'in-the-way'), { recursive: true });
    await chmod(caches, 0o555);
    try {
      expect(await load(folder)).toEqual({ answer: 'version 1', statuses: ['unwritable'] });
      expect(await readdir(caches)).toEqual(['x.cjs.v8cache']);
    } finally {
      await chmod(caches, 0o755);
    }
  });

  it('MINUTIER_CODE_CACHE=off loads the bundle without any cache', async () => {
    const folder = await makeBundle('off');
    expect(await load(folder, { MINUTIER_CODE_CACHE: 'off' })).toEqual({ answer: 'version 1', statuses: [] });
    expect(await readdir(folder)).toEqual(['x.cjs']);
    expect(existsSync(path.dirname(cacheOf(folder)))).toBe(false);
  });
});
