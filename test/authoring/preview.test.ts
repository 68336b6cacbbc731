/**
 * `minutier preview` in a real browser: the page shows the PV with its findings, follows every save of the session
 * (broken YAML included, without the server stopping), runs no script from the session, answers on 127.0.0.1 only,
 * and prints the PDF.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewServer } from '../../src/authoring/preview/server.js';
import { launchBrowser, minutier } from './helpers.js';

let dir: string;
let sessionFile: string;
let original: string;
let server: PreviewServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-preview-'));
  expect(
    (
      await minutier(
        [
          'init',
          '--forme',
          'commune',
          '--nom',
          'Commune de Bellevue',
          '--president',
          'M. DUPONT Jean',
          '--membre',
          'M. DUPONT Jean',
          '--membre',
          'Mme MARTIN Anne',
          '--membre',
          'DURAND Paul',
          '--yes',
        ],
        dir,
      )
    ).code,
  ).toBe(0);
  await writeFile(path.join(dir, 'odj.txt'), 'Tarifs de la cantine\n');
  const created = await minutier(
    ['new', '--date', '2026-12-10', '--heure', '18h30', '--lieu', 'à la mairie', '--ordre-du-jour', 'odj.txt'],
    dir,
  );
  expect(created.code).toBe(0);
  sessionFile = path.join(dir, 'sessions/2026-12-10-conseil-municipal.md');
  original = await readFile(sessionFile, 'utf8');
  server = new PreviewServer(sessionFile, dir, 0);
  await server.start();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const text = () => page.evaluate(() => document.body.innerText);
const waitForText = (wanted: string) =>
  page.waitForFunction((w: string) => document.body.innerText.includes(w), { timeout: 15_000 }, wanted);

describe('minutier preview', () => {
  it('listens on 127.0.0.1 and shows the PV with the findings of the check', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
    const shown = await text();
    expect(shown).toContain('Tarifs de la cantine');
    expect(shown).toContain('ne dit pas le résultat du vote');
  });

  it('follows a save: the new paragraph and vote appear, the finding goes, without reloading the page', async () => {
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await writeFile(
      sessionFile,
      original.replace(
        '### 1. Tarifs de la cantine\n',
        "### 1. Tarifs de la cantine\n\nLe repas passe à 3,40 € pour les écoliers.\n\nAdoptée à l'unanimité\n",
      ),
    );
    await waitForText('Le repas passe à 3,40 €');
    expect(await text()).not.toContain('ne dit pas le résultat du vote');
    // The page was updated in place (live reload), not navigated away.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  it('shows broken YAML as an error where it is, keeps running, and recovers on the next save', async () => {
    await writeFile(sessionFile, original.replace('date: 2026-12-10', 'date: [2026-12-10'));
    await waitForText('La séance ne peut pas être lue');
    expect(await text()).toMatch(/ligne \d+/u);
    await writeFile(sessionFile, original.replace('Tarifs de la cantine', 'Tarifs de la restauration scolaire'));
    await waitForText('Tarifs de la restauration scolaire');
    expect(await text()).not.toContain('La séance ne peut pas être lue');
  });

  it('follows a save of the organisation file too', async () => {
    const organisationFile = path.join(dir, 'organisations/commune-de-bellevue.yml');
    const organisation = await readFile(organisationFile, 'utf8');
    await writeFile(organisationFile, organisation.replace('nom: Commune de Bellevue', 'nom: Bellevue-sur-Mer'));
    await waitForText('Bellevue-sur-Mer');
    await writeFile(organisationFile, organisation);
    await waitForText('Commune de Bellevue');
  });

  it('runs no script written in the session; only its own live-reload script, under a nonce CSP', async () => {
    await writeFile(
      sessionFile,
      original.replace(
        '### 1. Tarifs de la cantine\n',
        '### 1. Tarifs de la cantine\n\nTexte piégé <script>window.pirate = 1</script><img src="x" onerror="window.pirate = 2">\n',
      ),
    );
    await waitForText('Texte piégé');
    await page.reload();
    await waitForText('Texte piégé');
    expect(await page.evaluate(() => (window as unknown as { pirate?: number }).pirate)).toBeUndefined();
    const response = await fetch(server.url);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'/u);
    expect(await response.text()).not.toContain('window.pirate');
  });

  it('refuses a request that does not come for 127.0.0.1 (DNS rebinding)', async () => {
    const port = new URL(server.url).port;
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/', headers: { host: `attaquant.example:${port}` } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(403);
  });

  it('prints the PDF from the page’s PDF link', async () => {
    const href = await page.$eval('#minutier-apercu a', (a) => a.href);
    const response = await fetch(href);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});
