/**
 * Issue 10, item 25: a signature detached from the text it signs is worthless. The sample's liste des délibérations
 * and extraits are built as a user builds them (real Chromium) and read back with pdf.js: the closing, « Fait à … »
 * and the signatures share their page with the last lines of text.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf } from './pdf-inspect.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const sample = 'sessions/2022-06-28-comite-syndical.md';
let out: string;

/** The last page's text without the running header and footer nor the sign-off itself. */
function textBeforeSignOff(page: string): string {
  return page
    .replace(/Somme Numérique — Comité syndical — 28 juin 2022/gu, '')
    .replace(/(Extrait du registre|Liste des délibérations|Procès-verbal) — séance du 28 juin 2022/gu, '')
    .replace(/Extrait — délibération n° \d+|Liste des délibérations|Procès-verbal|page \d+ \/ \d+/gu, '')
    .replace(
      /Pour extrait certifié conforme\.|Fait à Amiens, le …+|Le Président de séance|Le secrétaire de séance|M\. PARSIS Laurent|Mme Margaux DELETRE/gu,
      '',
    )
    .replace(/\s+/gu, ' ')
    .trim();
}

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'minutier-sign-off-'));
  await run(process.execPath, ['bin/minutier.js', 'build', sample, '--out', out, '--documents', 'pv,liste,extraits'], {
    cwd: root,
  });
}, 240_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('the signature block stays with the text it signs (issue 10, item 25)', () => {
  it('prints the liste des délibérations’ signature on the page of its last rows', async () => {
    const pdf = await inspectPdf(
      await readFile(path.join(out, '2022-06-28-comite-syndical', 'liste-des-deliberations.pdf')),
    );
    const last = pdf.pages.at(-1)!;
    expect(last).toContain('Le Président de séance');
    expect(last).toContain('14 délibérations examinées');
    // At least the last deliberation's row comes along, not only the repeated column headings.
    expect(last).toMatch(/14 Adhésion au groupement de commandes ENT/u);
  });

  it('never prints an extrait’s certification or signature alone on its last page (n° 2 among them)', async () => {
    const folder = path.join(out, '2022-06-28-comite-syndical', 'extraits');
    const files = (await readdir(folder)).filter((file) => file.endsWith('.pdf')).sort();
    expect(files).toHaveLength(14);
    for (const file of files) {
      const pdf = await inspectPdf(await readFile(path.join(folder, file)));
      const last = pdf.pages.at(-1)!;
      expect(last, file).toContain('Pour extrait certifié conforme.');
      expect(last, file).toMatch(/Fait à Amiens, le/u);
      expect(last, file).toContain('Le Président de séance');
      // The vote and at least one line of the deliberation's text before it.
      expect(last, file).toMatch(/Adoptée à l'unanimité|Adoptée à l’unanimité/u);
      const rest = textBeforeSignOff(last)
        .replace(/Adoptée à l['’]unanimité/gu, '')
        .trim();
      expect(rest.length, `${file}: ${rest}`).toBeGreaterThan(40);
    }
  });

  it('keeps the PV’s closing and signatures with its last deliberation', async () => {
    const pdf = await inspectPdf(await readFile(path.join(out, '2022-06-28-comite-syndical.pdf')));
    const last = pdf.pages.at(-1)!;
    expect(last).toContain('La séance est levée à 19h00');
    expect(last).toContain('Le secrétaire de séance');
    expect(textBeforeSignOff(last).replace(/La séance est levée à 19h00\.?/u, '').length).toBeGreaterThan(40);
  });
});
