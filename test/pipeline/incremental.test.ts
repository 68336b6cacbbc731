/**
 * Incremental builds, as a user sees them (`minutier build`, real Chromium): a second build with nothing changed
 * writes nothing; editing a session rebuilds that session only (and the open-data file of every session when its
 * rows change); `--force` rebuilds everything; editing the organisation file rebuilds the sessions that belong to it.
 *
 * Two copies of the sample (A and B), PV and liste only, to keep the number of PDFs (and browser launches) small.
 * The number of files per session is read from the first build, so a new kind of output does not break the test.
 */
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin', 'minutier.js');
const A = '2022-06-28-comite-syndical-a';
const B = '2022-06-28-comite-syndical-b';

let work: string;
let out: string;

type Snapshot = Map<string, { mtimeMs: number; size: number }>;

/** Every file of the output folder (cache included) with its modification time. */
async function snapshot(): Promise<Snapshot> {
  const files: Snapshot = new Map();
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const info = await stat(full);
    files.set(path.relative(out, full).split(path.sep).join('/'), { mtimeMs: info.mtimeMs, size: info.size });
  }
  return files;
}

/** The files whose modification time changed, or that appeared, between two snapshots. */
function changed(before: Snapshot, after: Snapshot): string[] {
  return [...after]
    .filter(([file, info]) => before.get(file)?.mtimeMs !== info.mtimeMs)
    .map(([file]) => file)
    .sort();
}

/** The files of one session: `<id>.html`, `<id>.pdf` (and any other `<id>.*`), `<id>/…`. */
const ofSession = (files: string[], id: string) =>
  files.filter((file) => file.startsWith(`${id}.`) || file.startsWith(`${id}/`));
const written = (count: number) => `${count} fichier${count > 1 ? 's' : ''} écrit${count > 1 ? 's' : ''}`;

async function build(...extra: string[]): Promise<string> {
  const { stderr } = await run(
    process.execPath,
    [bin, 'build', 'sessions', '--out', out, '--documents', 'pv,liste', ...extra],
    { cwd: work },
  );
  return stderr;
}

/** File systems with coarse timestamps would hide a rewrite done within the same tick. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

let first: Snapshot;
/** How many documents one session has (the same for A and B, copies of the same sample). */
let perSession: number;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'minutier-incremental-'));
  out = path.join(work, 'output');
  await mkdir(path.join(work, 'sessions'));
  for (const id of [A, B]) {
    await cp(path.join(root, 'sessions', '2022-06-28-comite-syndical.md'), path.join(work, 'sessions', `${id}.md`));
  }
  await cp(path.join(root, 'organisations'), path.join(work, 'organisations'), { recursive: true });
  const summary = await build();
  first = await snapshot();
  perSession = ofSession([...first.keys()], A).length;
  expect(summary).toContain(`✓ 2 séances, ${written(2 * perSession)} dans`);
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('minutier build, run again', () => {
  it('writes every document of both sessions the first time, with the index and the cache', () => {
    const files = [...first.keys()];
    for (const id of [A, B]) {
      expect(files).toEqual(
        expect.arrayContaining([
          `${id}.html`,
          `${id}.pdf`,
          `${id}/liste-des-deliberations.html`,
          `${id}/liste-des-deliberations.pdf`,
        ]),
      );
    }
    expect(ofSession(files, B)).toHaveLength(perSession);
    expect(files).toContain('index.html');
    expect(files).toContain('.minutier-cache.json');
  });

  it('writes no file at all when nothing changed, and says the sessions are up to date', async () => {
    await tick();
    const summary = await build();
    expect(summary).toContain('2 séances, 0 fichier écrit dans output/, 2 déjà à jour.');
    expect(changed(first, await snapshot())).toEqual([]);
  });

  it('loads neither the checker nor what renders, prints and publishes when nothing changed', async () => {
    // The compiled sources one module per file (the bundle inherits their dynamic imports as lazy chunks), every
    // module resolved written down by the bench's hook.
    const traced = path.join(work, 'imports.txt');
    const main = pathToFileURL(path.join(root, 'dist', 'cli', 'main.js')).href;
    const args = ['build', 'sessions', '--out', out, '--documents', 'pv,liste'];
    const { stderr } = await run(
      process.execPath,
      [
        '--import',
        pathToFileURL(path.join(root, 'bench', 'lib', 'trace-imports.mjs')).href,
        '--input-type=module',
        '-e',
        `const { run } = await import(${JSON.stringify(main)}); process.exitCode = await run(${JSON.stringify(args)});`,
      ],
      { cwd: work, env: { ...process.env, BENCH_IMPORTS_FILE: traced } },
    );
    expect(stderr).toContain('2 déjà à jour');
    const modules = (await readFile(traced, 'utf8')).split('\n');
    expect(modules.some((url) => url.endsWith('/dist/pipeline/index.js'))).toBe(true);
    const heavy = modules.filter((url) =>
      /\/dist\/(render|print|parse)\/|\/dist\/publish\/(build-)?scdl\.js|\/dist\/check\/rules\/|\/node_modules\/(handlebars|zod|yaml|micromark|puppeteer-core|pdf-lib|csv-stringify)\//u.test(
        url,
      ),
    );
    expect(heavy).toEqual([]);
  });

  it('still reports every finding of the up-to-date sessions, as the check finds them', async () => {
    const args = ['sessions', '--format', 'json'];
    const rebuilt = await run(process.execPath, [bin, 'build', ...args, '--out', out, '--documents', 'pv,liste'], {
      cwd: work,
    });
    expect(rebuilt.stderr).toContain('2 déjà à jour');
    const checked = await run(process.execPath, [bin, 'check', ...args], { cwd: work }).catch(
      (error: { stdout: string }) => error,
    );
    expect(JSON.parse(rebuilt.stdout)).toEqual(JSON.parse(checked.stdout));
    expect(rebuilt.stdout).toContain('relation-holds');
  });

  it('rebuilds only the session whose content changed', async () => {
    const before = await snapshot();
    await tick();
    await appendFile(path.join(work, 'sessions', `${A}.md`), '\nParagraphe ajouté après coup.\n');
    const summary = await build();
    expect(summary).toContain(`2 séances, ${written(perSession)} dans output/, 1 déjà à jour.`);
    const rewritten = changed(before, await snapshot());
    expect(ofSession(rewritten, A)).toHaveLength(perSession);
    expect(ofSession(rewritten, B)).toEqual([]);
    expect(await readFile(path.join(out, `${A}.html`), 'utf8')).toContain('Paragraphe ajouté après coup.');
  });

  it('rewrites output/deliberations.csv when a deliberation of a session changed', async () => {
    const before = await snapshot();
    await tick();
    const file = path.join(work, 'sessions', `${A}.md`);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('### 1. Compte de gestion 2021', '### 1. Compte de gestion 2021 rectifié'));
    const summary = await build();
    expect(summary).toContain(`2 séances, ${written(perSession)} dans output/, 1 déjà à jour.`);
    expect(changed(before, await snapshot())).toContain('deliberations.csv');
    expect(await readFile(path.join(out, 'deliberations.csv'), 'utf8')).toContain('Compte de gestion 2021 rectifié');
  });

  it('writes output/deliberations.csv again when it is missing, and no other file', async () => {
    const csv = await readFile(path.join(out, 'deliberations.csv'), 'utf8');
    await rm(path.join(out, 'deliberations.csv'));
    const before = await snapshot();
    await tick();
    const summary = await build();
    expect(summary).toContain('2 séances, 0 fichier écrit dans output/, 2 déjà à jour.');
    expect(changed(before, await snapshot())).toEqual(['deliberations.csv']);
    expect(await readFile(path.join(out, 'deliberations.csv'), 'utf8')).toEqual(csv);
  });

  it('rebuilds everything with --force', async () => {
    const before = await snapshot();
    await tick();
    const summary = await build('--force');
    expect(summary).toContain(`✓ 2 séances, ${written(2 * perSession)} dans output/.`);
    expect(summary).not.toContain('déjà à jour');
    const rewritten = changed(before, await snapshot());
    expect(ofSession(rewritten, A)).toHaveLength(perSession);
    expect(ofSession(rewritten, B)).toHaveLength(perSession);
  });

  it('rebuilds the sessions of an organisation whose file changed', async () => {
    const before = await snapshot();
    await tick();
    await appendFile(path.join(work, 'organisations', 'somme-numerique.yml'), '\n# Commentaire ajouté.\n');
    const summary = await build();
    expect(summary).toContain(`✓ 2 séances, ${written(2 * perSession)} dans output/.`);
    const rewritten = changed(before, await snapshot());
    expect(ofSession(rewritten, A)).toHaveLength(perSession);
    expect(ofSession(rewritten, B)).toHaveLength(perSession);
  });

  it('keeps listing in the index the documents an earlier run built, when only some are rebuilt', async () => {
    await run(process.execPath, [bin, 'build', 'sessions', '--out', out, '--documents', 'pv', '--force'], {
      cwd: work,
    });
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain(`href="${A}.pdf"`);
    expect(index).toContain(`href="${A}/liste-des-deliberations.pdf"`);
  });
});
