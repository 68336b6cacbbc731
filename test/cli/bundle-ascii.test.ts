/**
 * The bundles are pure ASCII (scripts/ascii-js.mjs, run by scripts/bundle.mjs) so that Node decodes them into one-byte
 * strings at every start (docs/performance.md, « Cold check, round 5 »), and the rewriting changes nothing they do.
 */
import { isAscii } from 'node:buffer';
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);
const { toAscii } = (await import(pathToFileURL(path.join(root, 'scripts/ascii-js.mjs')).href)) as {
  toAscii: (code: string) => string;
};

/** `check` through the bundle (bin/minutier.js) or through the compiled modules it was made from (dist/cli/main.js). */
async function check(through: 'bundle' | 'modules', args: string[]) {
  const main = pathToFileURL(path.join(root, 'dist/cli/main.js')).href;
  const entry =
    through === 'bundle'
      ? [path.join(root, 'bin/minutier.js')]
      : ['--input-type=module', '-e', `process.exitCode = await (await import('${main}')).run(process.argv.slice(1));`];
  try {
    return (await execFileAsync(process.execPath, [...entry, 'check', ...args], { cwd: root, maxBuffer: 1 << 26 }))
      .stdout;
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

describe('pure ASCII bundles', () => {
  it('writes regular expressions, String.raw templates and comments in ASCII, with the same meaning', () => {
    const source = [
      "const apostrophes = /l['’]\\s*[à-ü]+/iu, astral = /🪦|\\é/g;",
      'const raw = String.raw`(?:ma[iî]tre|n[°o]\\s*)$€${1}’`, plain = `déjà`; // à vérifier',
      '/* « commentaire » */ return { apostrophes, astral, raw, plain };',
    ].join('\n');
    const ascii = toAscii(source);
    expect(isAscii(Buffer.from(ascii))).toBe(true);
    type Values = { apostrophes: RegExp; astral: RegExp; raw: string; plain: string };
    const before = vm.runInThisContext(`(() => {${source}})()`) as Values;
    const after = vm.runInThisContext(`(() => {${ascii}})()`) as Values;
    expect(after.raw).toBe(before.raw);
    expect(after.plain).toBe(before.plain);
    for (const text of ['l’été', "L'Ünion", 'le maître', '🪦', 'é', 'e']) {
      expect(after.apostrophes.exec(text)).toEqual(before.apostrophes.exec(text));
      expect(after.astral.exec(text)).toEqual(before.astral.exec(text));
    }
  });

  it('refuses what it cannot rewrite without changing its meaning', () => {
    expect(() => toAscii('const t = tag`é`;')).toThrow(/non-ASCII/);
  });

  it('leaves every bundle pure ASCII, and the bundle checks as the compiled CLI does', async () => {
    const folder = path.join(root, 'dist/bundle');
    for (const name of (await readdir(folder)).filter((file) => file.endsWith('.cjs'))) {
      expect(isAscii(await readFile(path.join(folder, name))), name).toBe(true);
    }
    const args = ['sessions', 'test/fixtures/real', '--format', 'json'];
    const bundled = await check('bundle', args);
    const compiled = await check('modules', args);
    expect(JSON.parse(bundled)).not.toHaveLength(0);
    expect(bundled).toBe(compiled);
  });
});
