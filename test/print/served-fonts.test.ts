/**
 * The printing page gets each document's fonts from memory, by URL, instead of inline (src/print/served-fonts.ts):
 * the same PDFs, byte for byte, for a PV and its extraits; only the fonts of `<style>` elements are named by URL,
 * never a document's text; and nothing but the fonts the printer handed out is answered at that origin.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/pipeline/check-files.js';
import { printJobOf } from '../../src/pipeline/print-job.js';
import { requireBrowser } from '../../src/print/find-browser.js';
import { Printer } from '../../src/print/printer.js';
import { FONT_ORIGIN, FontStore } from '../../src/print/served-fonts.js';
import { renderExtrait, renderSessionHtml } from '../../src/render/index.js';
import type { Session } from '../../src/model/types.js';
import { frenchJob, repoRoot } from './fixtures.js';
import { inspectPdf, listFonts } from './pdf-inspect.js';

const FONT_A = Buffer.from('wOF2 police A').toString('base64');
const FONT_B = Buffer.from('wOF2 police B, une autre').toString('base64');

const documentWith = (style: string, body: string) =>
  `<!doctype html><html lang="fr"><head><style>${style}</style></head><body>${body}</body></html>`;

describe('FontStore.serve', () => {
  it('names each woff2 font of the styles by a URL of its own, the same in every document', () => {
    const store = new FontStore();
    const face = (base64: string, quote = '') =>
      `@font-face { font-family: 'X'; src: url(${quote}data:font/woff2;base64,${base64}${quote}) format('woff2'); }`;
    const first = store.serve(documentWith(face(FONT_A) + face(FONT_B, '"'), '<p>Texte</p>'));
    const second = store.serve(documentWith(face(FONT_A, "'"), '<p>Autre</p>'));

    const urls = (html: string) => [...html.matchAll(/url\((["']?)(https:[^)"']+)\1\)/gu)].map((match) => match[2]!);
    const [a, b] = urls(first);
    expect(a).toMatch(new RegExp(`^${FONT_ORIGIN.replaceAll('.', '\\.')}/[0-9a-f]{32}\\.woff2$`, 'u'));
    expect(b).not.toBe(a);
    expect(urls(second)).toEqual([a]);
    expect(first).not.toContain('data:font/woff2');
    expect(second).toContain(`url('${a}')`);
    expect(Buffer.from(store.lookup(a!)!).toString()).toBe('wOF2 police A');
    expect(Buffer.from(store.lookup(b!)!).toString()).toBe('wOF2 police B, une autre');
  });

  it('leaves the text of the document as it is, even when it reads like a font', () => {
    const store = new FontStore();
    const text = `<p>url(data:font/woff2;base64,${FONT_A})</p>`;
    const html = documentWith('body { color: black; }', text);
    expect(store.serve(html)).toBe(html);
  });

  it('reads every style element, whatever the case of its tag, and leaves what is not base64 inline', () => {
    const store = new FontStore();
    const broken = `@font-face { src: url(data:font/woff2;base64,pas*du*base64); }`;
    const html =
      `<!doctype html><html><head><STYLE media="print">@font-face { src: url(data:font/woff2;base64,${FONT_A}); }` +
      `</STYLE><style>${broken}</style></head><body><p>Texte</p></body></html>`;
    const out = store.serve(html);
    expect(out).toContain(`<STYLE media="print">@font-face { src: url(${FONT_ORIGIN}/`);
    expect(out).toContain(`<style>${broken}</style>`);
    expect(out.endsWith('<body><p>Texte</p></body></html>')).toBe(true);
  });

  it('answers only the fonts it handed out', () => {
    const store = new FontStore();
    store.serve(documentWith(`@font-face { src: url(data:font/woff2;base64,${FONT_A}); }`, ''));
    expect(store.lookup(`${FONT_ORIGIN}/${'0'.repeat(32)}.woff2`)).toBeUndefined();
    expect(store.lookup(`${FONT_ORIGIN}/../etc/passwd`)).toBeUndefined();
    expect(store.lookup('https://example.org/font.woff2')).toBeUndefined();
  });
});

describe('printing with the fonts served from memory', () => {
  let served: Printer;
  let inline: Printer;
  let session: Session;

  beforeAll(async () => {
    const browser = await requireBrowser();
    [served, inline] = await Promise.all([
      Printer.launch({ executablePath: browser.executablePath, concurrency: 2, timeoutMs: 60_000 }),
      Printer.launch({ executablePath: browser.executablePath, concurrency: 1, timeoutMs: 60_000, inlineFonts: true }),
    ]);
    const sample = path.join(repoRoot, 'sessions', '2022-06-28-comite-syndical.md');
    const [file] = await checkFiles([sample], { cwd: repoRoot });
    session = file!.data.session as Session;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([served?.close(), inline?.close()]);
  });

  it('gives the PDFs of the fonts given inline, byte for byte: the PV and its first extraits', async () => {
    const documents = [
      printJobOf(session, renderSessionHtml(session), 'pv'),
      ...session.deliberations
        .slice(0, 3)
        .map((deliberation, index) => printJobOf(session, renderExtrait(session, deliberation), `extrait-${index}`)),
    ];
    // In parallel on the served printer's two pages: the fonts of one document are there for the other.
    const fromMemory = await Promise.all(documents.map((job) => served.print(job)));
    for (const [index, job] of documents.entries()) {
      const bytes = fromMemory[index]!;
      expect(Buffer.from(bytes).equals(Buffer.from(await inline.print(job))), job.title).toBe(true);
      const fonts = await listFonts(bytes);
      expect(fonts.some((font) => /\+SourceSerif4-Regular$/u.test(font.baseFont) && font.embedded)).toBe(true);
      expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    }
  }, 180_000);

  it('does not give a document a font it names by a URL the printer did not hand out', async () => {
    // The store holds Source Serif 4 once a document of minutier was printed.
    await served.print(printJobOf(session, renderExtrait(session, session.deliberations[0]!), 'extrait'));
    const html = documentWith(
      `@font-face { font-family: 'Volée'; src: url(${FONT_ORIGIN}/${'0'.repeat(32)}.woff2) format('woff2'); }
       body { font-family: 'Volée', sans-serif; }`,
      '<h1>Titre</h1><p>Un paragraphe.</p>',
    );
    const bytes = await served.print(frenchJob({ html, allowedDirs: [], headerTemplate: '', footerTemplate: '' }));
    expect((await inspectPdf(bytes)).pages.join(' ')).toContain('Un paragraphe.');
    expect((await listFonts(bytes)).map((font) => font.baseFont).join(' ')).not.toMatch(/SourceSerif/u);
  }, 60_000);
});
