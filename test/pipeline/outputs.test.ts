/**
 * Outputs never collide, never vanish (issue 10, items 14–19): the real CLI (compiled `dist/`, see
 * `npx tsc -p tsconfig.build.json`) in a temporary repository. Builds whose index matters print with the system's
 * Chromium (a session whose PDF is missing is left out of the index); the others run without a browser.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockOutputFolder, OutputFolderError } from '../../src/pipeline/output-folder.js';
import { listFiles, STACK_LINE } from '../security/helpers.js';
import { pdfText } from '../print/pdf-inspect.js';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/minutier.js');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function minutier(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, MINUTIER_DEBUG: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const minimal = await readFile(path.join(root, 'test/fixtures/ok/minimal.md'), 'utf8');
const NO_BROWSER = { CHROME_PATH: '/nonexistent/chromium' };

let repo: string;

beforeAll(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), 'minutier-outputs-'));
  await cp(path.join(root, 'test/fixtures/organisations'), path.join(repo, 'organisations'), { recursive: true });
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

/** A folder of the repository holding the given sessions. */
async function sessions(folder: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(repo, folder);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return folder;
}

/** The files a build counts: not the index, the cache, nor the run's open-data CSV (output/deliberations.csv). */
const documentsOf = async (out: string) =>
  (await listFiles(out)).filter(
    (file) => !['index.html', 'deliberations.csv'].includes(file) && !file.startsWith('.minutier'),
  );

describe('14. two deliberations with the same number and title', () => {
  it('each gets its own extrait, with its own text, and the build counts the files it wrote', async () => {
    const twice = minimal.replace(
      'La séance est levée',
      "### 1. Budget primitif 2023\n\nSeconde délibération du même titre, texte propre.\n\nAdopté à l'unanimité\n\nLa séance est levée",
    );
    const folder = await sessions('s14', { 'double.md': twice });
    const result = await minutier(['build', folder, '--out', 'out14', '--documents', 'extraits'], repo);
    expect(result.stdout + result.stderr).not.toMatch(STACK_LINE);
    expect(result.code).toBe(0);
    const out = path.join(repo, 'out14');
    const documents = await documentsOf(out);
    expect(documents).toEqual([
      'double/deliberations.csv',
      'double/extraits/01-budget-primitif-2023-2.pdf',
      'double/extraits/01-budget-primitif-2023.pdf',
    ]);
    expect(result.stderr).toContain(`${documents.length} fichiers écrits`);
    expect(await pdfText(path.join(out, 'double/extraits/01-budget-primitif-2023-2.pdf'))).toContain(
      'Seconde délibération du même titre',
    );
    expect(await pdfText(path.join(out, 'double/extraits/01-budget-primitif-2023.pdf'))).not.toContain(
      'Seconde délibération',
    );
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('href="double/extraits/01-budget-primitif-2023.pdf"');
    expect(index).toContain('href="double/extraits/01-budget-primitif-2023-2.pdf"');
  });
});

describe('15. a session file named index.md', () => {
  it('is not built over the index page: it is refused with a message naming the file, the others are built', async () => {
    const folder = await sessions('s15', { 'index.md': minimal, 'autre.md': minimal });
    const result = await minutier(['build', folder, '--out', 'out15', '--documents', 'pv'], repo);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "s15/index.md : non produite, son document index.html serait écrasé par la page d'index (index.html) ; renommez le fichier de la séance.",
    );
    const index = await readFile(path.join(repo, 'out15/index.html'), 'utf8');
    expect(index).toContain('href="autre.html"');
    expect(index).not.toContain('Le président ouvre la séance.');
  });

  it('nor a session whose documents are another session’s (a.review.md and a.md’s review page)', async () => {
    const folder = await sessions('s15b', { 'a.md': minimal, 'a.review.md': minimal });
    const result = await minutier(['build', folder, '--out', 'out15b', '--documents', 'pv'], repo, NO_BROWSER);
    expect(result.stderr).toContain(
      "s15b/a.review.md : non produite, son document a.review.html porte le nom d'un document de s15b/a.md, qui serait écrasé",
    );
  });
});

describe('16. two builds into the same --out at once', () => {
  it('both sessions end in the index and the cache; the second says it waits for the first', async () => {
    const one = await sessions('s16a', { 'premiere.md': minimal });
    const two = await sessions('s16b', { 'seconde.md': minimal.replace('2023-03-14', '2023-03-15') });
    const args = ['--out', 'out16', '--documents', 'pv'];
    const [a, b] = await Promise.all([
      minutier(['build', one, ...args], repo),
      minutier(['build', two, ...args], repo),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stderr + b.stderr).toMatch(
      /Un autre build écrit dans out16\/ \(verrou \.minutier\.lock\) : attente de sa fin/u,
    );
    const index = await readFile(path.join(repo, 'out16/index.html'), 'utf8');
    expect(index).toContain('href="premiere.html"');
    expect(index).toContain('href="seconde.html"');
    const cache = JSON.parse(await readFile(path.join(repo, 'out16/.minutier-cache.json'), 'utf8')) as {
      sessions: object;
    };
    expect(Object.keys(cache.sessions).sort()).toEqual(['premiere', 'seconde']);
    // The lock is released at the end.
    expect(await readdir(path.join(repo, 'out16'))).not.toContain('.minutier.lock');
  });

  it('a build that cannot get the lock in time stops and says why', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'minutier-lock-'));
    const release = await lockOutputFolder(folder);
    try {
      const waits: unknown[] = [];
      const second = lockOutputFolder(folder, { maxWaitMs: 600, onWait: (message) => waits.push(message) });
      await expect(second).rejects.toThrow(OutputFolderError);
      await expect(second).rejects.toThrow(/Un autre build écrit dans .* \(verrou \.minutier\.lock\) : abandon/u);
      expect(waits).toHaveLength(1);
    } finally {
      await release();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('17. #, ?, % and spaces in a session file name', () => {
  it('the index links are percent-encoded and lead to the files', async () => {
    const name = 'séance #2 ?bis 100% du 14';
    const folder = await sessions('s17', { [`${name}.md`]: minimal });
    const result = await minutier(['build', folder, '--out', 'out17', '--documents', 'pv,liste'], repo);
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(STACK_LINE);
    const indexFile = path.join(repo, 'out17/index.html');
    const index = await readFile(indexFile, 'utf8');
    const hrefs = [...index.matchAll(/href="([^"]+)"/gu)].map((match) => match[1]!.replace(/&amp;/gu, '&'));
    expect(hrefs).toContain(`${encodeURIComponent(name)}.html`);
    expect(hrefs).toContain(`${encodeURIComponent(name)}/liste-des-deliberations.html`);
    for (const href of hrefs.filter((h) => h.endsWith('.html'))) {
      const target = fileURLToPath(new URL(href, pathToFileURL(indexFile)));
      expect((await stat(target)).isFile(), href).toBe(true);
    }
  });
});

describe('18. symbolic links among the sessions', () => {
  it('are followed inside the repository, and each one refused or skipped is named', async () => {
    const folder = await sessions('s18', { 'reelle.md': minimal });
    await sessions('ailleurs-dans-le-depot', { 'liee.md': minimal.replace('2023-03-14', '2023-03-16') });
    const outside = await mkdtemp(path.join(os.tmpdir(), 'minutier-outside-'));
    await writeFile(path.join(outside, 'externe.md'), minimal);
    const dir = path.join(repo, folder);
    await symlink('../ailleurs-dans-le-depot/liee.md', path.join(dir, 'liee.md'));
    await symlink(path.join(outside, 'externe.md'), path.join(dir, 'externe.md'));
    await symlink('reelle.md', path.join(dir, 'doublon.md'));
    await symlink('absente.md', path.join(dir, 'cassee.md'));
    try {
      const result = await minutier(['check', folder, '--format', 'json'], repo);
      const paths = (JSON.parse(result.stdout) as Array<{ path: string }>).map((file) => file.path);
      expect(paths).toEqual(['s18/liee.md', 's18/reelle.md']);
      expect(result.stderr).toContain(
        `s18/externe.md : lien symbolique vers ${await realpath(path.join(outside, 'externe.md'))}, hors du dépôt`,
      );
      expect(result.stderr).toMatch(
        /s18\/(?:doublon|reelle)\.md : même fichier que s18\/(?:reelle|doublon)\.md \(lien symbolique\), déjà lu : ignoré\./u,
      );
      expect(result.stderr).toContain("s18/cassee.md : lien symbolique cassé (sa cible n'existe pas) : ignoré.");
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('19. an output folder that cannot be written', () => {
  it.each([
    [
      '/proc/minutier-x',
      /Dossier de sortie \/proc\/minutier-x\/ impossible à créer : ce dossier ne peut pas être créé à cet endroit/u,
    ],
    [
      'fichier/sortie',
      /Dossier de sortie fichier\/sortie\/ inutilisable : .*fichier existe et n'est pas un dossier. Choisissez un autre --out./u,
    ],
  ])('--out %s: the findings are printed, then a French error; exit 2, nothing else written', async (out, message) => {
    await writeFile(path.join(repo, 'fichier'), 'pas un dossier\n');
    const folder = await sessions('s19', { 'erreur.md': minimal.replace('voix: 9', 'voix: 10') });
    const result = await minutier(['build', folder, '--out', out], repo);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('s19/erreur.md');
    expect(result.stdout).toMatch(/error/u);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Aucun document produit.');
    expect(result.stderr).not.toMatch(/incident interne/u);
    expect(result.stdout + result.stderr).not.toMatch(STACK_LINE);
  });
});
