/**
 * `--shard i/n` (issue 13): n machines each build their part of the sessions; a final `build` in the folder where
 * their outputs were copied merges the shards' caches and writes the index, without printing anything again. The
 * result is the single build's, byte for byte.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../src/pipeline/shard.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/minutier.js');
let dir: string;

async function minutier(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [bin, ...args], { cwd: dir }).catch(
    (error: { stdout: string; stderr: string; code: number }) => {
      if (error.code === 1) return error; // findings of the sample (warnings, errors) are not the subject here
      throw error;
    },
  );
}

/** Every file below a folder (relative path → bytes). */
async function tree(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of (await readdir(folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, full), await readFile(full));
  }
  return files;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-shard-'));
  await cp(path.join(root, 'organisations'), path.join(dir, 'organisations'), { recursive: true });
  await mkdir(path.join(dir, 'sessions'));
  const sample = await readFile(path.join(root, 'sessions/2022-06-28-comite-syndical.md'), 'utf8');
  const anchor = "Le Président propose au Comité syndical d'arrêter le compte de gestion 2021.";
  // Three distinct sessions, at least one in each of two shards.
  const names: string[] = [];
  for (let n = 1; names.length < 3 || new Set(names.map((name) => shardOf(`sessions/${name}`, 2, dir))).size < 2; n++) {
    names.push(`2022-06-${String(n).padStart(2, '0')}-comite-syndical.md`);
    if (names.length > 3) names.shift();
  }
  for (const [index, name] of names.entries()) {
    await writeFile(
      path.join(dir, 'sessions', name),
      sample.replace(anchor, `${anchor} Séance d’essai n° ${index + 1}.`),
    );
  }
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--shard i/n', () => {
  it('reads i/n and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toMatch(/1 ≤ i ≤ n/u);
    expect(parseShard('5/4')).toMatch(/1 ≤ i ≤ n/u);
    expect(parseShard('deux')).toMatch(/« i\/n »/u);
  });

  it('assigns each session to one shard by its path, whatever the other sessions', () => {
    const files = Array.from({ length: 200 }, (_, n) => `sessions/${2000 + n}-conseil.md`);
    const parts = [1, 2, 3, 4].map((index) => inShard(files, { index, count: 4 }, '/repo'));
    expect(parts.flat().sort()).toEqual([...files].sort());
    for (const part of parts) expect(part.length).toBeGreaterThan(25);
    // Adding sessions moves none of the others.
    const more = inShard([...files, 'sessions/nouvelle.md'], { index: 1, count: 4 }, '/repo');
    expect(more.filter((file) => file !== 'sessions/nouvelle.md')).toEqual(parts[0]);
  });

  it('gives, once the shards are merged, the single build byte for byte (PDFs, HTML, index, cache)', async () => {
    await minutier('build', '--documents', 'pv', '--out', 'single');
    const first = await minutier('build', '--documents', 'pv', '--shard', '1/2', '--out', 'shard-1');
    const second = await minutier('build', '--documents', 'pv', '--shard', '2/2', '--out', 'shard-2');
    // Each shard checked only its part.
    expect(first.stdout + first.stderr).not.toEqual(second.stdout + second.stderr);
    // The final job: the shards' outputs copied into one folder, then an ordinary build.
    await cp(path.join(dir, 'shard-1'), path.join(dir, 'merged'), { recursive: true });
    await cp(path.join(dir, 'shard-2'), path.join(dir, 'merged'), { recursive: true });
    const merge = await minutier('build', '--documents', 'pv', '--out', 'merged');
    expect(merge.stderr).toMatch(/3 séances/u);
    expect(merge.stderr).toMatch(/0 fichier écrit .*3 déjà à jour/u);

    const single = await tree(path.join(dir, 'single'));
    const merged = await tree(path.join(dir, 'merged'));
    expect([...merged.keys()].sort()).toEqual([...single.keys()].sort());
    expect([...single.keys()].filter((file) => file.endsWith('.pdf'))).toHaveLength(3);
    for (const [file, bytes] of single) expect(merged.get(file)?.equals(bytes), file).toBe(true);
  }, 300_000);
});
