/**
 * Reproducible builds: the sample built twice, as a user builds it (`minutier build`, real Chromium), into two fresh
 * folders gives the same bytes for every file — each HTML, each PDF (PV, liste, extraits) and the index.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin', 'minutier.js');
const sample = '2022-06-28-comite-syndical';
const CACHE = '.minutier-cache.json';

let work: string;
const outputs: Record<'first' | 'second', string> = { first: '', second: '' };
const summaries: string[] = [];

/** Every file below `dir`, relative, forward slashes, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'minutier-reproducible-'));
  // The repository as a user has it: sessions/ and organisations/ side by side.
  await mkdir(path.join(work, 'sessions'));
  await cp(path.join(root, 'sessions', `${sample}.md`), path.join(work, 'sessions', `${sample}.md`));
  await cp(path.join(root, 'organisations'), path.join(work, 'organisations'), { recursive: true });
  for (const name of ['first', 'second'] as const) {
    outputs[name] = path.join(work, `out-${name}`);
    const { stderr } = await run(process.execPath, [bin, 'build', 'sessions', '--out', outputs[name]], { cwd: work });
    summaries.push(stderr);
  }
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('two builds of the same sources', () => {
  it('both succeed and write the same list of files', async () => {
    for (const summary of summaries) expect(summary).toMatch(/✓ 1 séance, \d+ fichiers écrits/u);
    const first = await listFiles(outputs.first);
    expect(first).toEqual(await listFiles(outputs.second));
    expect(first).toEqual(
      expect.arrayContaining([
        'index.html',
        `${sample}.html`,
        `${sample}.pdf`,
        `${sample}/liste-des-deliberations.html`,
        `${sample}/liste-des-deliberations.pdf`,
      ]),
    );
    expect(first.filter((file) => file.startsWith(`${sample}/extraits/`) && file.endsWith('.pdf'))).toHaveLength(14);
  });

  it('gives byte-identical HTML, PDF and index files', async () => {
    const files = (await listFiles(outputs.first)).filter((file) => file !== CACHE);
    expect(files.filter((file) => file.endsWith('.pdf')).length).toBeGreaterThanOrEqual(16);
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([
        readFile(path.join(outputs.first, file)),
        readFile(path.join(outputs.second, file)),
      ]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });

  it('writes PDFs dated by the session, not by the build, and that do not name the build folder', async () => {
    const pdf = (await readFile(path.join(outputs.first, `${sample}.pdf`))).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).not.toContain(work);
    const dates = [...pdf.matchAll(/\/(?:CreationDate|ModDate)\s*\(D:(\d{8})/gu)].map((match) => match[1]);
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates)).toEqual(new Set(['20220628']));
  });
});
