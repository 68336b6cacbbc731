// The post-processing of Chromium's PDFs: the fast path (only the changed objects parsed, the others copied) writes
// what the full pdf-lib load/save writes — metadata, language, outline titles, renumbered structure ids and a sorted
// /IDTree — and is byte-reproducible; a PDF of another shape still gets it all through pdf-lib.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBrowser } from '../../src/print/find-browser.js';
import { headingTitles } from '../../src/print/outline-titles.js';
import { finalizePdf, finalizeWithPdfLib, type PdfMetadata } from '../../src/print/pdf-finalize.js';
import { rewriteChromiumPdf } from '../../src/print/pdf-rewrite.js';
import { frenchDocument } from './fixtures.js';
import { inspectPdf } from './pdf-inspect.js';

let browser: Browser;

beforeAll(async () => {
  const { executablePath } = await requireBrowser();
  const args = ['--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  browser = await puppeteer.launch({ executablePath, headless: 'shell', pipe: true, args });
});

afterAll(async () => {
  await browser?.close();
});

/** A long heading: Chromium's own outline title loses the space where it wraps. */
const LONG =
  'Programme de rénovation énergétique et d’aménagement des locaux, plan de financement et crédits de paiement';
const html = frenchDocument().replace('<h2>', `<h2>${LONG}</h2>\n<h2>`);

/** Chromium's own PDF of `html`; `page` reused, its node ids keep growing from one document to the next. */
async function chromiumPdf(page?: Page): Promise<Uint8Array> {
  const target = page ?? (await browser.newPage());
  try {
    await target.setJavaScriptEnabled(false);
    await target.setContent(html, { waitUntil: 'load' });
    return await target.pdf({ format: 'A4', printBackground: true, tagged: true, outline: true });
  } finally {
    if (!page) await target.close();
  }
}

const meta: PdfMetadata = {
  title: 'Procès-verbal du comité syndical du 28 juin 2022',
  author: 'Syndicat intercommunal des eaux',
  subject: 'Procès-verbal de séance',
  keywords: ['procès-verbal', 'comité syndical'],
  lang: 'fr-FR',
  date: new Date('2022-06-28T18:00:00Z'),
  documentId: 'sie-2022-06-28',
  contentFingerprint: 'empreinte',
  headings: headingTitles(html),
};

/** A rewrite of no consequence, to ask whether the fast path applies. */
const rewriteOf = () => ({
  info: PDFContext.create().obj({}),
  lang: 'fr-FR',
  id: [PDFHexString.of('00'), PDFHexString.of('00')] as [PDFHexString, PDFHexString],
});

const text = (object: PDFObject | undefined) =>
  object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : object?.toString();

/** What a reader and a checker of the structure see, independently of how the file is laid out. */
async function describePdf(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context, catalog } = pdf;
  const info = context.lookup(context.trailerInfo.Info, PDFDict);
  const root = context.lookup(catalog.get(PDFName.of('StructTreeRoot')), PDFDict);
  const tree = context.lookup(root.get(PDFName.of('IDTree')), PDFDict);
  const names = context.lookup(tree.get(PDFName.of('Names')), PDFArray).asArray();
  const keys: string[] = [];
  const resolved: boolean[] = [];
  for (let index = 0; index < names.length; index += 2) {
    const key = text(names[index]) ?? '';
    keys.push(key);
    resolved.push(text(context.lookup(names[index + 1], PDFDict).get(PDFName.of('ID'))) === key);
  }
  const raw = Buffer.from(bytes).toString('latin1');
  const headers = [...raw.matchAll(/\/Headers \[([^\]]*)\]/g)].flatMap((match) =>
    [...(match[1] ?? '').matchAll(/\((node\d+)\)/g)].map((name) => name[1]),
  );
  const report = await inspectPdf(bytes);
  return {
    info: Object.fromEntries(info.entries().map(([key, value]) => [key.toString(), text(value)])),
    lang: text(catalog.get(PDFName.of('Lang'))),
    displayDocTitle: text(
      context.lookup(catalog.get(PDFName.of('ViewerPreferences')), PDFDict).get(PDFName.of('DisplayDocTitle')),
    ),
    id: context.trailerInfo.ID?.toString(),
    pages: report.pageCount,
    text: report.pages,
    outline: report.outline,
    marked: report.marked,
    hasStructTree: report.hasStructTree,
    idCount: keys.length,
    keysSorted: keys.every((key, index) => index === 0 || (keys[index - 1] ?? '') < key),
    keysResolve: resolved.every(Boolean),
    keysFromOne: keys[0],
    headersResolve: headers.length > 0 && headers.every((header) => keys.includes(header ?? '')),
  };
}

describe('finalizePdf', () => {
  it('takes the fast path on Chromium’s PDF and writes what the full pdf-lib path writes', async () => {
    const raw = await chromiumPdf();
    expect(rewriteChromiumPdf(raw, rewriteOf())).toBeDefined();
    const fast = await finalizePdf(raw, meta);
    const full = await finalizeWithPdfLib(raw, meta, [PDFHexString.of('00'), PDFHexString.of('00')]);
    const fastView = await describePdf(fast);
    const fullView = await describePdf(full);
    expect({ ...fastView, id: undefined }).toEqual({ ...fullView, id: undefined });
    expect(fastView.id).toMatch(/^\[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]$/);
    expect(fastView.info).toEqual({
      '/Title': meta.title,
      '/Author': meta.author,
      '/Subject': meta.subject,
      '/Keywords': 'procès-verbal comité syndical',
      '/Creator': 'minutier',
      '/Producer': 'minutier',
      '/CreationDate': 'D:20220628180000Z',
      '/ModDate': 'D:20220628180000Z',
    });
    expect(fastView.lang).toBe('fr-FR');
    expect(fastView.displayDocTitle).toBe('true');
    expect(fastView.outline[0]?.children.map((entry) => entry.title)).toContain(LONG);
    expect(fastView).toMatchObject({ marked: true, hasStructTree: true, keysSorted: true, keysResolve: true });
    expect(fastView.keysFromOne).toBe('node00000001');
    expect(fastView.headersResolve).toBe(true);
    // Nothing of Chromium's run is left: no date of today, no Skia version, no renderer-wide node id.
    const bytes = Buffer.from(fast).toString('latin1');
    expect(bytes).not.toContain('Skia');
    expect(bytes).not.toContain(`D:${new Date().getUTCFullYear()}`);
    const ids = [...bytes.matchAll(/\(node(\d+)\)/g)].map((match) => Number(match[1]));
    expect(Math.max(...ids)).toBe(fastView.idCount);
  });

  it('gives the same bytes for two prints whose Chromium node ids differ', async () => {
    const page = await browser.newPage();
    const first = await chromiumPdf(page);
    const second = await chromiumPdf(page);
    await page.close();
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).not.toBe(0);
    const [a, b] = await Promise.all([finalizePdf(first, meta), finalizePdf(second, meta)]);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('still finalizes a PDF of another shape (object streams) through pdf-lib', async () => {
    const raw = await chromiumPdf();
    const repacked = await (await PDFDocument.load(raw, { updateMetadata: false })).save({ useObjectStreams: true });
    expect(rewriteChromiumPdf(repacked, rewriteOf())).toBeUndefined();
    const view = await describePdf(await finalizePdf(repacked, meta));
    expect(view.info['/Title']).toBe(meta.title);
    expect(view.lang).toBe('fr-FR');
    expect(view).toMatchObject({ keysSorted: true, keysResolve: true, keysFromOne: 'node00000001' });
  });
});
