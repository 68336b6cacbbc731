/**
 * Issue 10, item 24: each exit code the README ("Exit codes"), `--help` and docs/reviewing.md promise, checked against
 * the real CLI (compiled `dist/`; the builds print with the system's Chromium). The decision: `check` (or
 * `build --strict`) is the gate; `build` exits 0 when every document was written, even when the check found errors.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usage } from '../../src/cli/usage.js';

const root = path.resolve(import.meta.dirname, '../..');

function minutier(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/minutier.js'), ...args], {
      cwd,
      env: { ...process.env, MINUTIER_DEBUG: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let repo: string;
beforeAll(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), 'minutier-exit-'));
  await cp(path.join(root, 'test/fixtures/organisations'), path.join(repo, 'organisations'), { recursive: true });
  const minimal = await readFile(path.join(root, 'test/fixtures/ok/minimal.md'), 'utf8');
  await writeFile(path.join(repo, 'propre.md'), minimal);
  // The stated voices (10) do not match the attendance rows (9): an error of the check, not of the reading.
  await writeFile(path.join(repo, 'erreur.md'), minimal.replace('  voix: 9', '  voix: 10'));
  await writeFile(
    path.join(repo, 'avertissement.md'),
    minimal.replace('excuses: [MARTIN Anne]', 'excuses: [MARTIN anne]'),
  );
  await writeFile(path.join(repo, 'illisible.md'), 'pas d’en-tête\n');
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

const docs = async () => ({
  readme: await readFile(path.join(root, 'README.md'), 'utf8'),
  reviewing: await readFile(path.join(root, 'docs/reviewing.md'), 'utf8'),
  help: usage,
});

describe('exit codes: what the docs promise is what the CLI does', () => {
  it('the promises are written in the README, --help and docs/reviewing.md', async () => {
    const { readme, reviewing, help } = await docs();
    expect(readme).toMatch(
      /exits `0` when every session's documents were written —\s+\*\*even when the check found errors\*\*/u,
    );
    expect(help).toMatch(
      /build\s+0 quand tous les documents sont écrits, même si la vérification a trouvé des erreurs/u,
    );
    expect(reviewing).toMatch(
      /\| 0 \| tous les documents demandés ont été écrits, \*\*même si la vérification a trouvé des erreurs\*\*/u,
    );
    for (const text of [readme, help, reviewing]) expect(text).toMatch(/--strict/u);
  });

  it('check: 0 without error', async () => {
    expect((await minutier(['check', 'propre.md'], repo)).code).toBe(0);
  });

  it('check: 1 on an error, and the report names it', async () => {
    const result = await minutier(['check', 'erreur.md'], repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error/u);
  });

  it('check: 1 on more warnings than --max-warnings, 0 within them', async () => {
    expect((await minutier(['check', 'avertissement.md', '--max-warnings', '0'], repo)).code).toBe(1);
    expect((await minutier(['check', 'avertissement.md'], repo)).code).toBe(0);
  });

  it('check and build: 2 on bad usage', async () => {
    expect((await minutier(['check', '--format', 'inconnu', 'propre.md'], repo)).code).toBe(2);
    expect((await minutier(['build', '--documents', 'tout', 'propre.md'], repo)).code).toBe(2);
  });

  it('build: 0 when every document was written, even though the check found errors (the report shows them)', async () => {
    const result = await minutier(['build', 'erreur.md', '--out', 'out-erreur', '--documents', 'pv'], repo);
    expect(result.stdout).toMatch(/error/u);
    expect(result.stderr).toMatch(/✓ 1 séance, \d+ fichiers écrits/u);
    expect(result.code).toBe(0);
  });

  it('build --strict: 1, the session with errors is not produced', async () => {
    const result = await minutier(['build', 'erreur.md', '--out', 'out-strict', '--documents', 'pv', '--strict'], repo);
    expect(result.stderr).toMatch(/non produite, elle contient des erreurs \(--strict\)/u);
    expect(result.code).toBe(1);
  });

  it('build: 1 when a session cannot be read (the others are built)', async () => {
    const result = await minutier(
      ['build', 'illisible.md', 'propre.md', '--out', 'out-illisible', '--documents', 'pv'],
      repo,
    );
    expect(result.stderr).toMatch(/illisible\.md : séance illisible, non produite/u);
    expect(result.code).toBe(1);
  });

  it('build: 2 when --out cannot be written, after the report', async () => {
    const result = await minutier(['build', 'erreur.md', '--out', '/proc/minutier-sortie'], repo);
    expect(result.stdout).toMatch(/error/u);
    expect(result.stderr).toMatch(/Dossier de sortie .* impossible à créer/u);
    expect(result.code).toBe(2);
  });
});
