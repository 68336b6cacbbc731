/**
 * bench/bare-parse.mjs is the floor `check` is measured against (docs/performance.md): it must parse as minutier
 * parses — the same Markdown tree (tables and frontmatter, nothing more) — or the comparison means nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseSession } from '../../src/parse/parse-session.js';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'bench', 'bare-parse.mjs');

const bareNodes = (...inputs: string[]) =>
  Number(execFileSync(process.execPath, [script, ...inputs], { cwd: root, encoding: 'utf8' }).trim());

describe('bench/bare-parse.mjs, the parsing floor of check', () => {
  it('reads the same top-level Markdown nodes as minutier for each sample session', async () => {
    for (const name of [
      '2022-06-28-comite-syndical.md',
      '2023-03-14-conseil-municipal.md',
      '2023-04-06-conseil-communautaire.md',
    ]) {
      const file = path.join(root, 'sessions', name);
      const session = await parseSession(new VFile({ path: file, value: readFileSync(file) }));
      expect(session, name).toBeDefined();
      expect(bareNodes(file), name).toBe(session!.tree.children.length);
    }
  });

  it('reads every session file of a folder', () => {
    const folder = path.join(root, 'sessions');
    const one = (name: string) => bareNodes(path.join(folder, name));
    const all =
      one('2022-06-28-comite-syndical.md') +
      one('2023-03-14-conseil-municipal.md') +
      one('2023-04-06-conseil-communautaire.md');
    expect(bareNodes(folder)).toBe(all);
  });

  it('reads the same files when they are shared out among several processes (--jobs)', () => {
    const folder = path.join(root, 'sessions');
    const serial = bareNodes(folder);
    expect(bareNodes('--jobs', '2', folder)).toBe(serial);
    expect(bareNodes('--jobs', '5', folder)).toBe(serial);
  });

  it('refuses a number of processes that is not a whole number', () => {
    const result = spawnSync(process.execPath, [script, '--jobs', 'deux', 'sessions'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--jobs attend un nombre entier');
  });
});
