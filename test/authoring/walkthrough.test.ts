/**
 * The path the README promises a new user, walked for real: from an empty folder, `minutier init` (the worktree's
 * bin, as `npx minutier init` would run it), `npm install` (minutier as a file: dependency, offline), `npx minutier
 * new` with an ordre du jour, editing the session with `npx minutier preview` open in a browser (each save shows up
 * in the page), then `npx minutier check` (clean) and `npx minutier build` (the PV in PDF, read back with pdf.js).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../print/pdf-inspect.js';
import { bin, launchBrowser, root } from './helpers.js';

const execFileAsync = promisify(execFile);
// Run from `npm test`, the environment carries npm's settings for *this* project (npm_config_local_prefix…):
// the new repository must not inherit them, or npm would install into minutier itself.
const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/iu.test(key)));
const env = {
  ...inherited,
  CI: '1',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

let dir: string;
let preview: ChildProcess | undefined;
let browser: Browser | undefined;

async function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd: dir, env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const npx = (...args: string[]) => run('npx', ['--offline', 'minutier', ...args]);

afterAll(async () => {
  await browser?.close();
  if (preview?.pid !== undefined && preview.exitCode === null) {
    const exited = new Promise((resolve) => preview!.once('exit', resolve));
    preview.kill('SIGINT');
    await exited;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('from an empty folder to a checked, built PV', () => {
  it('init, npm install, new, preview while editing, check, build', { timeout: 300_000 }, async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-nouveau-depot-'));

    // 1. init (what `npx minutier init` runs), minutier as a file: dependency of the new repository.
    const init = await run(process.execPath, [
      bin,
      'init',
      '--forme',
      'commune',
      '--nom',
      'Bellevue',
      '--habitants',
      '800',
      '--president',
      'Mme MARTIN Anne',
      '--membre',
      'Mme MARTIN Anne',
      '--membre',
      'M. DUPONT Jean',
      '--membre',
      'M. DURAND Paul',
      '--membre',
      'Mme LEROY Claire',
      '--membre',
      'M. PETIT Louis',
      '--minutier',
      `file:${root}`,
      '--yes',
    ]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    for (const file of [
      'package.json',
      'organisations/bellevue.yml',
      'sessions',
      '.github/workflows/minutes.yml',
      '.gitignore',
      'README.md',
    ]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toContain('output/');

    // 2. npm install: minutier is linked, `npx minutier` finds it.
    const install = await run('npm', ['install', '--offline', '--ignore-scripts']);
    expect(install.code, install.stderr).toBe(0);

    // 3. new, with the ordre du jour.
    await writeFile(path.join(dir, 'ordre-du-jour.txt'), 'Tarifs de la cantine\nSubvention au comité des fêtes\n');
    const created = await npx(
      'new',
      '--date',
      '2026-12-10',
      '--heure',
      '18h30',
      '--lieu',
      'à la mairie, salle du conseil',
      '--ordre-du-jour',
      'ordre-du-jour.txt',
    );
    expect(created.code, created.stderr).toBe(0);
    const sessionFile = path.join(dir, 'sessions/2026-12-10-conseil-municipal.md');
    let text = await readFile(sessionFile, 'utf8');
    expect(text).toContain('### 1. Tarifs de la cantine');
    expect(text).toContain('### 2. Subvention au comité des fêtes');
    expect(text).toContain('convocation: 2026-12-06');
    // The fresh file reads without error; its findings say what is left to do.
    const fresh = await npx('check');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('ne dit pas le résultat du vote');

    // 4. preview, open in a browser while the session is written.
    preview = spawn(process.execPath, [path.join(dir, 'node_modules/.bin/minutier'), 'preview'], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      preview!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\//u.exec(out);
        if (found) resolve(found[0]);
      });
      preview!.once('exit', (code) => reject(new Error(`preview exited with ${code}`)));
    });
    browser = await launchBrowser();
    const page: Page = await browser.newPage();
    await page.goto(url);
    const shows = (wanted: string) =>
      page.waitForFunction((w: string) => document.body.innerText.includes(w), { timeout: 20_000 }, wanted);
    await shows('Tarifs de la cantine');

    const save = async (from: string, to: string) => {
      expect(text).toContain(from);
      text = text.replace(from, to);
      await writeFile(sessionFile, text);
    };
    await save('# secretaires: [NOM Prénom]   # à compléter', 'secretaires: [M. DUPONT Jean]');
    await save('# annonce: { quorum-atteint: true }', 'annonce: { quorum-atteint: true }');
    await save('  - { nom: DUPONT Jean }', '  - { nom: DUPONT Jean, pouvoir: PETIT Louis }');
    await save('  - { nom: PETIT Louis }\n', '');
    await save('excuses: []', 'excuses: [PETIT Louis]');
    await save(
      '### 1. Tarifs de la cantine\n',
      "### 1. Tarifs de la cantine\n\nLe repas des écoliers passe de 3,20 € à 3,40 € au 1er janvier 2027.\n\nAdoptée à l'unanimité\n",
    );
    await shows('Le repas des écoliers passe de 3,20');
    await save(
      '### 2. Subvention au comité des fêtes\n',
      "### 2. Subvention au comité des fêtes\n\nUne subvention de 1 500 € est attribuée au comité des fêtes pour 2027.\n\nAdoptée à l'unanimité\n\nLa séance est levée à 19h45\n",
    );
    await shows('Une subvention de 1 500 € est attribuée');
    await shows('0\u00A0avertissement'); // the review bar: nothing left to fix

    // 5. check: clean. 6. build: the PV of this body, in PDF.
    const check = await npx('check');
    expect(check.stdout).toContain('no issues found');
    expect(check.code).toBe(0);
    const build = await npx('build');
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const pdf = await inspectPdf(
      new Uint8Array(await readFile(path.join(dir, 'output/2026-12-10-conseil-municipal.pdf'))),
    );
    const printed = pdf.pages.join(' ');
    expect(printed).toContain('commune de Bellevue');
    expect(printed).toContain('Le repas des écoliers passe de 3,20 € à 3,40 € au 1er janvier 2027.');
    expect(printed).toContain('Subvention au comité des fêtes');
  });
});
