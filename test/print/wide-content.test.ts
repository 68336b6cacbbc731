/**
 * Issue 10, item 13: a 12-column table, a 2 000-character word and a 2 000-character address used to be cut at the
 * right margin while Chromium shrank every page of the PV to fit them (12 pages → 7). Built as a user builds them
 * (real Chromium) and read back with pdf.js: the type keeps its size, the table gets a landscape page and shows
 * every column, the word and the address wrap and are printed whole.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;

const word = 'Anticonstitutionnellement'.repeat(80);
const address = `https://exemple.fr/${'a'.repeat(1980)}`;
const months = Array.from({ length: 11 }, (_, index) => `Mois ${index + 1}`);
const amount = (row: number, column: number) =>
  `${100 + row * 7 + column} ${String((123 * column) % 1000).padStart(3, '0')},${String(column).padStart(2, '0')} €`;

function wideSession(sample: string): string {
  const table = [
    `| Budget | ${months.join(' | ')} |`,
    `|${'---|'.repeat(12)}`,
    ...Array.from(
      { length: 6 },
      (_, row) => `| Ligne ${row} | ${months.map((_, column) => amount(row, column)).join(' | ')} |`,
    ),
  ].join('\n');
  const anchor = "Le Président propose au Comité syndical d'arrêter le compte de gestion 2021.";
  expect(sample).toContain(anchor);
  return sample.replace(
    anchor,
    `${anchor}\n\n${table}\n\nMot très long : ${word} fin du mot.\n\nAdresse : <${address}> fin de l’adresse.\n`,
  );
}

interface PageText {
  width: number;
  height: number;
  text: string;
  /** Font size of each text item (pt), from its transform. */
  sizes: number[];
}

async function readPages(file: string): Promise<PageText[]> {
  const document = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const pages: PageText[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items.filter((item) => 'str' in item && item.str.trim() !== '') as Array<{
      str: string;
      transform: number[];
    }>;
    pages.push({
      width,
      height,
      text: items.map((item) => item.str).join(' '),
      sizes: items.map((item) => Math.hypot(item.transform[0]!, item.transform[1]!)),
    });
  }
  await document.destroy();
  return pages;
}

let pages: PageText[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-wide-'));
  await cp(path.join(root, 'organisations'), path.join(dir, 'organisations'), { recursive: true });
  await mkdir(path.join(dir, 'sessions'));
  const sample = await readFile(path.join(root, 'sessions/2022-06-28-comite-syndical.md'), 'utf8');
  await writeFile(path.join(dir, 'sessions', 'large.md'), wideSession(sample));
  await run(
    process.execPath,
    [path.join(root, 'bin/minutier.js'), 'build', 'sessions/large.md', '--out', 'out', '--documents', 'pv'],
    {
      cwd: dir,
    },
  ).catch((error: { stdout?: string }) => {
    // Findings about the added table are expected; the PDF must exist all the same.
    if (!String(error.stdout ?? '').length) throw error;
  });
  pages = await readPages(path.join(dir, 'out', 'large.pdf'));
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('wide content fits the page (issue 10, item 13)', () => {
  it('does not shrink the PV: body text keeps its size on every page, and the PV keeps at least its 12 pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
    const body = pages.flatMap((page) => page.sizes);
    const median = body.sort((a, b) => a - b)[Math.floor(body.length / 2)]!;
    // 10.5 pt body text (a shrunk PV printed it around 6 pt).
    expect(median).toBeGreaterThan(9.5);
  });

  it('prints the 12-column table on a landscape page, every column and amount included', () => {
    const landscape = pages.filter((page) => page.width > page.height);
    expect(landscape).toHaveLength(1);
    const table = landscape[0]!;
    expect(table.text).toContain('Mois 11');
    const text = table.text.replace(/[\u00A0\u202F]/gu, ' ');
    for (let row = 0; row < 6; row++) expect(text).toContain(amount(row, 10));
    expect(Math.min(...table.sizes)).toBeGreaterThan(6.5);
    // Every other page stays portrait A4.
    for (const page of pages.filter((other) => other !== table))
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
  });

  it('wraps a 2 000-character word and address and prints them whole', () => {
    const running =
      /Somme Numérique — Comité syndical — 28 juin 2022|Procès-verbal — séance du 28 juin 2022|page \d+ \/ \d+|Procès-verbal/gu;
    const all = pages
      .map((page) => page.text.replace(running, ''))
      .join('')
      .replace(/\s+/gu, '')
      .replace(/[’ʼ]/gu, "'");
    expect(all).toContain(`${word}findumot.`);
    expect(all).toContain(`${address}findel'adresse.`);
  });
});
