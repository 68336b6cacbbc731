import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserNotFoundError, BrowserPathError, findBrowser, requireBrowser } from '../../src/print/find-browser.js';

let dir: string;
let empty: string;

async function fakeExecutable(file: string, executable = true): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\nexit 0\n');
  await chmod(file, executable ? 0o755 : 0o644);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-find-browser-'));
  empty = path.join(dir, 'vide');
  await mkdir(empty);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An environment where nothing is installed, except what a test adds. */
function bareEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: empty, HOME: empty, PUPPETEER_CACHE_DIR: empty, ...extra };
}

describe.runIf(process.platform !== 'win32')('findBrowser', () => {
  it('uses CHROME_PATH first, then PUPPETEER_EXECUTABLE_PATH', async () => {
    const chrome = await fakeExecutable(path.join(dir, 'env', 'mon-chrome'));
    const other = await fakeExecutable(path.join(dir, 'env', 'autre-chrome'));
    const onPath = await fakeExecutable(path.join(dir, 'bin', 'chromium'));
    expect(
      await findBrowser(bareEnv({ CHROME_PATH: chrome, PUPPETEER_EXECUTABLE_PATH: other, PATH: path.dirname(onPath) })),
    ).toEqual({
      executablePath: chrome,
      source: 'env:CHROME_PATH',
    });
    expect(await findBrowser(bareEnv({ PUPPETEER_EXECUTABLE_PATH: other }))).toEqual({
      executablePath: other,
      source: 'env:PUPPETEER_EXECUTABLE_PATH',
    });
  });

  it('names the variable when it points to a missing or non-executable file', async () => {
    await expect(findBrowser(bareEnv({ CHROME_PATH: path.join(dir, 'absent') }))).rejects.toThrow(
      /La variable d’environnement CHROME_PATH vaut « .*absent », mais ce fichier n’existe pas/,
    );
    const notExecutable = await fakeExecutable(path.join(dir, 'env', 'non-executable'), false);
    const attempt = findBrowser(bareEnv({ PUPPETEER_EXECUTABLE_PATH: notExecutable }));
    await expect(attempt).rejects.toBeInstanceOf(BrowserPathError);
    await expect(attempt).rejects.toThrow(/PUPPETEER_EXECUTABLE_PATH.*n’est pas exécutable/);
  });

  it('finds the usual commands on PATH, in order of preference', async () => {
    const bin = path.join(dir, 'path-order');
    await fakeExecutable(path.join(bin, 'google-chrome'));
    const chromiumBrowser = await fakeExecutable(path.join(bin, 'chromium-browser'));
    await fakeExecutable(path.join(bin, 'chromium'), false);
    expect(await findBrowser(bareEnv({ PATH: [empty, bin].join(path.delimiter) }))).toEqual({
      executablePath: chromiumBrowser,
      source: 'path:chromium-browser',
    });
  });

  it('prefers chrome-headless-shell (Debian chromium-headless-shell) to the full browser, on PATH or in the Puppeteer cache', async () => {
    const bin = path.join(dir, 'shell-first');
    await fakeExecutable(path.join(bin, 'chromium'));
    const shell = await fakeExecutable(path.join(bin, 'chromium-headless-shell'));
    expect(await findBrowser(bareEnv({ PATH: bin }))).toEqual({
      executablePath: shell,
      source: 'path:chromium-headless-shell',
    });

    const onlyFull = path.join(dir, 'full-only');
    await fakeExecutable(path.join(onlyFull, 'chromium'));
    const cache = path.join(dir, 'shell-cache');
    if (process.platform === 'darwin') return;
    const cached = await fakeExecutable(
      path.join(
        cache,
        'chrome-headless-shell',
        'linux-131.0.6778.85',
        'chrome-headless-shell-linux64',
        'chrome-headless-shell',
      ),
    );
    expect(await findBrowser(bareEnv({ PATH: onlyFull, PUPPETEER_CACHE_DIR: cache }))).toEqual({
      executablePath: cached,
      source: `puppeteer-cache:${cache}`,
    });
    // Without any headless shell, the full browser still serves.
    expect(await findBrowser(bareEnv({ PATH: onlyFull }))).toEqual({
      executablePath: path.join(onlyFull, 'chromium'),
      source: 'path:chromium',
    });
  });

  it('uses the program behind Debian’s chromium-headless-shell script, so that the watched process is the browser', async () => {
    const real = await fakeExecutable(path.join(dir, 'lib', 'chromium', 'chromium-headless-shell'));
    const bin = path.join(dir, 'debian-bin');
    const wrapper = await fakeExecutable(path.join(bin, 'chromium-headless-shell'));
    await writeFile(wrapper, `#!/bin/sh -e\n\n${real} "$@"\n`);
    expect(await findBrowser(bareEnv({ PATH: bin }))).toEqual({
      executablePath: real,
      source: 'path:chromium-headless-shell',
    });
  });

  it('falls back to the newest browser in the Puppeteer cache', async () => {
    const cache = path.join(dir, 'cache');
    const folder = process.platform === 'darwin' ? null : 'chrome-headless-shell-linux64';
    if (!folder) return;
    await fakeExecutable(path.join(cache, 'chrome-headless-shell', 'linux-99.0.1.2', folder, 'chrome-headless-shell'));
    const newest = await fakeExecutable(
      path.join(cache, 'chrome-headless-shell', 'linux-131.0.6778.85', folder, 'chrome-headless-shell'),
    );
    const found = await findBrowser(bareEnv({ PUPPETEER_CACHE_DIR: cache }));
    // A browser installed in a well-known system location would legitimately come first.
    if (found?.source !== 'system') {
      expect(found).toEqual({ executablePath: newest, source: `puppeteer-cache:${cache}` });
    }
  });

  it('explains how to install a browser when there is none', async () => {
    const found = await findBrowser(bareEnv());
    if (found) {
      expect(found.source).toBe('system');
      return;
    }
    const attempt = requireBrowser(bareEnv());
    await expect(attempt).rejects.toBeInstanceOf(BrowserNotFoundError);
    await expect(attempt).rejects.toThrow(/sudo apt-get install -y chromium/);
    await expect(attempt).rejects.toThrow(/npx @puppeteer\/browsers install chrome-headless-shell@stable/);
    await expect(attempt).rejects.toThrow(/CHROME_PATH/);
  });

  it('finds the browser of this machine with the real environment', async () => {
    const found = await requireBrowser();
    expect(path.isAbsolute(found.executablePath)).toBe(true);
  });
});
