import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/atomic-write.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-atomic-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates missing parent folders and writes text or bytes', async () => {
    const target = path.join(dir, 'sortie', 'pv', 'seance.html');
    await writeFileAtomic(target, '<p>Procès-verbal</p>');
    expect(await readFile(target, 'utf8')).toBe('<p>Procès-verbal</p>');
    await writeFileAtomic(target, new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(await readFile(target, 'latin1')).toBe('%PDF');
    expect(await readdir(path.dirname(target))).toEqual(['seance.html']);
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'remplace.txt');
    await writeFile(target, 'ancien');
    await writeFileAtomic(target, 'nouveau');
    expect(await readFile(target, 'utf8')).toBe('nouveau');
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('removes its temporary file and keeps the target when the rename fails', async () => {
    const target = path.join(dir, 'dossier-cible');
    await mkdir(path.join(target, 'contenu'), { recursive: true });
    await expect(writeFileAtomic(target, 'données')).rejects.toThrow();
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
    expect(await readdir(target)).toEqual(['contenu']);
  });
});
