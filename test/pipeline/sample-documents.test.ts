/**
 * The sample built as a user builds it (`minutier build`, real Chromium), then its PDFs opened and read:
 * text, pages, outline, metadata, embedded fonts, and the derived documents.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../print/pdf-inspect.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const sample = 'sessions/2022-06-28-comite-syndical.md';
let out: string;
let stdout: string;
let stderr: string;

interface PdfText {
  pages: string[];
  outline: Array<{ title: string; items: Array<{ title: string }> }>;
  info: Record<string, unknown>;
  fonts: string[];
}

/** The PDF as a reader sees it, through the tests' one PDF helper (pdf.js: no poppler). */
async function readPdf(file: string): Promise<PdfText> {
  const report = await inspectPdf(await readFile(file));
  return {
    pages: report.lines,
    outline: report.outline.map((entry) => ({
      title: entry.title,
      items: entry.children.map((child) => ({ title: child.title })),
    })),
    info: report.info,
    fonts: report.fontFamilies,
  };
}

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'minutier-sample-'));
  const result = await run(process.execPath, ['bin/minutier.js', 'build', sample, '--out', out], { cwd: root });
  stdout = result.stdout;
  stderr = result.stderr;
}, 180_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('minutier build on the sample', () => {
  it('prints the check report, then a summary of what was written where', () => {
    expect(stdout).toContain('relation-holds');
    expect(stderr).toMatch(/1 séance, \d+ fichiers écrits dans /u);
  });

  it('writes the PV, the liste des délibérations, one extrait per deliberation and the index', async () => {
    const files = await readdir(out, { recursive: true });
    expect(files).toEqual(
      expect.arrayContaining([
        '2022-06-28-comite-syndical.html',
        '2022-06-28-comite-syndical.pdf',
        '2022-06-28-comite-syndical.review.html',
        'index.html',
        path.join('2022-06-28-comite-syndical', 'liste-des-deliberations.html'),
        path.join('2022-06-28-comite-syndical', 'liste-des-deliberations.pdf'),
      ]),
    );
    const extraits = await readdir(path.join(out, '2022-06-28-comite-syndical', 'extraits'));
    expect(extraits).toHaveLength(14);
    expect(extraits[0]).toBe('01-compte-de-gestion-2021.pdf');
    expect(extraits).toContain('13-contribution-ent-de-l-annee-scolaire-2021-2022.pdf');
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('href="2022-06-28-comite-syndical.pdf"');
    expect(index).toContain(
      'href="2022-06-28-comite-syndical/extraits/04-programme-renovation-energetique-et-amenagement-des-locaux.pdf"',
    );
  });

  it('writes the review page with every finding of the check highlighted', async () => {
    const review = await readFile(path.join(out, '2022-06-28-comite-syndical.review.html'), 'utf8');
    const marked = [...review.matchAll(/<mark\b[^>]*id="finding-\d+"[^>]*>(.*?)<\/mark>/gsu)].map((m) =>
      m[1]!.replace(/<[^>]+>/gu, ''),
    );
    expect(marked.map((text) => text.replace(/[\u00A0\u202F]/gu, ' '))).toEqual(
      expect.arrayContaining(['1 746 700€ HT', '33 144,00 €', '213 200,00 €', 'DEFrance Hervé']),
    );
    expect(review).not.toMatch(/<script/iu);
  });

  it('makes a PV whose text follows the reference PV, with a running header and "page X / N" on every page', async () => {
    const pdf = await readPdf(path.join(out, '2022-06-28-comite-syndical.pdf'));
    const text = pdf.pages.join('\n');
    const total = pdf.pages.length;
    expect(total).toBeGreaterThan(5);
    pdf.pages.forEach((page, index) => {
      expect(page).toContain(`page ${index + 1} / ${total}`);
      expect(page).toContain('Somme Numérique');
    });
    const flat = text.replace(/\s+/g, ' ').replace(/[’ʼ]/g, "'");
    const inOrder = [
      "L'an deux mille vingt-deux, le vingt-huit juin à 17h30",
      'Ouverture de la séance',
      'nous comptabilisons 104 voix pour la totalité des délégués',
      '13 élus présents et 12 délégués représentés, soit un total de 64 voix',
      'DEFrance Hervé',
      'HECQUET James',
      'Dans le cadre d',
      '1. Compte de gestion 2021',
      '564 614,75 €',
      '79 868 861,00',
      '320 319,16',
      '14. Adhésion au groupement de commandes ENT',
      'La séance est levée à 19h00',
    ];
    let from = 0;
    for (const expected of inOrder) {
      const at = flat.indexOf(expected, from);
      expect(at, `« ${expected} » after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at;
    }
    expect(flat).not.toMatch(/\{#|\{=|<!--/u);
  });

  it('prints the whole body of the session, word for word and in order (the transcription of the reference PV)', async () => {
    const pdf = await readPdf(path.join(out, '2022-06-28-comite-syndical.pdf'));
    // Letters and digits only: spacing, punctuation, hyphenation and Markdown syntax aside, nothing may be lost,
    // added or reordered. Running headers and footers are left out.
    const letters = (text: string) => text.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');
    const printed = letters(
      pdf.pages
        .join('\n')
        .replace(
          /Somme Numérique — Comité syndical — 28 juin 2022|page \d+ \/ \d+|Procès-verbal — séance du 28 juin 2022/gu,
          '',
        )
        .split('\n')
        .filter((line) => !/^Procès-verbal$/u.test(line.trim()))
        .join('\n'),
    );
    const source = await readFile(path.join(root, sample), 'utf8');
    const body = source
      .slice(source.indexOf('\n---', 4) + 4)
      .replace(/<!--[\s\S]*?-->/gu, '')
      .replace(/\{[#=<>≤≥≈~][^}]*\}/gu, '');
    expect(letters(body).length).toBeGreaterThan(20_000);
    expect(printed).toContain(letters(body));
  });

  it('has a bookmark per deliberation, in order, with the exact titles', async () => {
    const pdf = await readPdf(path.join(out, '2022-06-28-comite-syndical.pdf'));
    const titles = pdf.outline.flatMap((item) => [item.title, ...(item.items ?? []).map((child) => child.title)]);
    const deliberations = titles.filter((title) => /^\d+\. /u.test(title));
    expect(deliberations).toHaveLength(14);
    expect(deliberations[0]).toBe('1. Compte de gestion 2021');
    expect(deliberations[3]).toBe(
      '4. Programme Rénovation énergétique et aménagement des locaux; plan de financement – autorisation de programme et crédits de paiement',
    );
  });

  it('carries its metadata and embeds the bundled fonts', async () => {
    const file = path.join(out, '2022-06-28-comite-syndical.pdf');
    const pdf = await readPdf(file);
    expect(pdf.info.Title).toContain('Procès-verbal');
    expect(pdf.info.Title).toContain('28 juin 2022');
    expect(pdf.info.Author).toBe('Somme Numérique');
    expect(pdf.info.Subject).toContain('28 juin 2022');
    expect(pdf.info.Language).toBe('fr-FR');
    const raw = (await readFile(file)).toString('latin1');
    expect(raw).toMatch(/\/FontFile2|\/FontFile3/u);
    const baseFonts = [...raw.matchAll(/\/BaseFont\s*\/([A-Z]{6}\+)?([\w-]+)/gu)].map((match) => match[2]);
    expect(baseFonts.length).toBeGreaterThan(0);
    // Only the bundled font, header and footer included: the PDF looks the same on every machine.
    for (const font of baseFonts) expect(font).toMatch(/^SourceSerif4-/u);
    expect(raw).toMatch(/\/MarkInfo\s*<<[^>]*\/Marked\s+true/u);
  });

  it('makes each extrait carry its own deliberation and vote, with the certification', async () => {
    const folder = path.join(out, '2022-06-28-comite-syndical', 'extraits');
    const extrait = await readPdf(path.join(folder, '03-affectation-du-resultat-2021.pdf'));
    const text = extrait.pages.join('\n').replace(/\s+/g, ' ').replace(/[’ʼ]/g, "'");
    expect(text).toContain('Extrait du registre des délibérations');
    expect(text).toContain('3. Affectation du résultat 2021');
    expect(text).toContain('564 614,75 €');
    expect(text).toContain("Adoptée à l'unanimité");
    expect(text).toMatch(/certifié conforme/u);
    expect(text).not.toContain('Compte de gestion 2021');
  });

  it("counts the compte administratif's voters without the ordonnateur's proxy (L2121-14)", async () => {
    const folder = path.join(out, '2022-06-28-comite-syndical', 'extraits');
    const ca = (await readPdf(path.join(folder, '02-compte-administratif-2021.pdf'))).pages
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(ca).toMatch(/Votants : 24/u);
    expect(ca).toMatch(/Voix : 63/u);
    expect(ca).toContain('la procuration de VARLET Philippe détenue par PARSIS Laurent n');
    const other = (await readPdf(path.join(folder, '01-compte-de-gestion-2021.pdf'))).pages
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(other).toMatch(/Votants : 25/u);
    expect(other).toMatch(/Voix : 64/u);
  });

  it('lists every deliberation in the liste des délibérations', async () => {
    const liste = await readPdf(path.join(out, '2022-06-28-comite-syndical', 'liste-des-deliberations.pdf'));
    const text = liste.pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Liste des délibérations');
    for (const title of ['Compte de gestion 2021', 'Budget supplémentaire 2022', 'Contribution ENT de l']) {
      expect(text).toContain(title);
    }
  });
});
