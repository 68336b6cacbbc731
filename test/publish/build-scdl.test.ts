/**
 * `minutier build` writes the SCDL « Délibérations » CSV, as a user sees it (real Chromium, PV only to stay quick):
 * one per session and one for all sessions, rewritten only when it changes; a session without matière or SIRET still
 * gets its documents and its rows, with the empty required values reported where to write them; `--strict` refuses.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin', 'minutier.js');

async function minutier(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const records = (csv: string) => parse<Record<string, string>>(csv, { columns: true });

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'minutier-scdl-'));
  await mkdir(path.join(work, 'sessions'));
  await cp(path.join(root, 'organisations'), path.join(work, 'organisations'), { recursive: true });
  await cp(
    path.join(root, 'sessions/2022-06-28-comite-syndical.md'),
    path.join(work, 'sessions/2022-06-28-comite-syndical.md'),
  );
  await cp(
    path.join(root, 'test/fixtures/publication/seance-publiee.md'),
    path.join(work, 'sessions/2022-09-20-seance-publiee.md'),
  );
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('minutier build, open data', () => {
  it('writes every session’s rows, oldest first, and reports what the sample lacks where to write it', async () => {
    const result = await minutier(['build', '--documents', 'pv'], work);
    expect(result.stderr).toMatch(/✓ 2 séances/u);
    expect(result.code).toBe(0);
    const all = records(await readFile(path.join(work, 'output/deliberations.csv'), 'utf8'));
    const sample = records(
      await readFile(path.join(work, 'output/2022-06-28-comite-syndical/deliberations.csv'), 'utf8'),
    );
    const published = records(
      await readFile(path.join(work, 'output/2022-09-20-seance-publiee/deliberations.csv'), 'utf8'),
    );
    expect(all).toEqual([...sample, ...published]);
    expect(published.map((row) => row.DELIB_ID)).toEqual(['2022-3-1', '2022-3-2']);
    expect(sample[0]).toMatchObject({
      COLL_NOM: 'Somme Numérique',
      COLL_SIRET: '',
      DELIB_MATIERE_CODE: '',
      DELIB_OBJET: 'Compte de gestion 2021',
    });
    expect(result.stderr).toMatch(/organisations\/somme-numerique\.yml:\d+:\d+ {2}avertissement {2}COLL_SIRET vide/u);
    expect(result.stderr).toMatch(
      /sessions\/2022-06-28-comite-syndical\.md:88:5 {2}avertissement {2}DELIB_MATIERE_CODE et DELIB_MATIERE_NOM vides pour la délibération n° 1/u,
    );
  }, 300_000);

  it('leaves the whole CSV untouched when nothing changed', async () => {
    const before = (await stat(path.join(work, 'output/deliberations.csv'))).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const result = await minutier(['build', '--documents', 'pv'], work);
    expect(result.stderr).toContain('2 déjà à jour');
    expect(result.stderr).toMatch(/COLL_SIRET vide/u);
    expect((await stat(path.join(work, 'output/deliberations.csv'))).mtimeMs).toBe(before);
  }, 300_000);

  it('with --strict, refuses the rows of a session that lacks a required value, and says so', async () => {
    const text = (await readFile(path.join(work, 'sessions/2022-09-20-seance-publiee.md'), 'utf8')).replace(
      '<!-- matiere: 5.7 -->\n',
      '',
    );
    await writeFile(path.join(work, 'sessions/2022-09-20-seance-publiee.md'), text);
    const result = await minutier(
      ['build', 'sessions/2022-09-20-seance-publiee.md', '--documents', 'pv', '--strict', '--out', 'strict'],
      work,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /2022-09-20-seance-publiee\/deliberations\.csv non écrit, des valeurs obligatoires manquent \(--strict\)/u,
    );
    await expect(stat(path.join(work, 'strict/2022-09-20-seance-publiee/deliberations.csv'))).rejects.toThrow();
    expect(records(await readFile(path.join(work, 'strict/deliberations.csv'), 'utf8'))).toEqual([]);
  }, 300_000);
});
