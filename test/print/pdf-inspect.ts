// Reads printed PDFs the way a user's viewer would (pdf.js), plus a structural look with pdf-lib. The one PDF helper of
// the tests: no test calls poppler (pdftotext, pdfinfo, pdffonts) or qpdf, which `npm run setup` does not install.
import { readFile, stat } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib';

export interface PdfReport {
  pageCount: number;
  /** Text of each page, items joined with spaces and whitespace collapsed. */
  pages: string[];
  /** Text of each page in reading order, as pdftotext gives it: lines, and spaces where the PDF leaves a gap. */
  lines: string[];
  /** Outline (bookmarks) as a tree of titles. */
  outline: OutlineEntry[];
  /** Font families pdf.js reports for the text (each page's text styles). */
  fontFamilies: string[];
  info: Record<string, unknown>;
  marked: boolean;
  /** Page 1 has a structure tree (tagged PDF). */
  hasStructTree: boolean;
}

export interface OutlineEntry {
  title: string;
  children: OutlineEntry[];
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfReport> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    const lines: string[] = [];
    const fontFamilies = new Set<string>();
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const items = content.items.filter((item) => 'str' in item);
      const text = items.map((item) => item.str).join(' ');
      pages.push(text.replace(/\s+/g, ' ').trim());
      lines.push(readingText(items));
      for (const style of Object.values(content.styles)) fontFamilies.add(style.fontFamily);
    }
    type PdfjsOutline = Awaited<ReturnType<typeof doc.getOutline>>;
    const toEntries = (items: PdfjsOutline | undefined): OutlineEntry[] =>
      (items ?? []).map((item) => ({ title: item.title, children: toEntries(item.items) }));
    const outline = toEntries(await doc.getOutline());
    const { info } = await doc.getMetadata();
    const markInfo = await doc.getMarkInfo();
    const firstPage = await doc.getPage(1);
    const structTree = await firstPage.getStructTree();
    return {
      pageCount: doc.numPages,
      pages,
      lines,
      outline,
      fontFamilies: [...fontFamilies],
      info: info as Record<string, unknown>,
      marked: markInfo?.Marked === true,
      hasStructTree: !!structTree && structTree.children.length > 0,
    };
  } finally {
    await doc.destroy();
  }
}

export interface FontReport {
  baseFont: string;
  embedded: boolean;
}

/** Fonts used by the pages, and whether each carries its font program (FontFile/FontFile2/FontFile3). */
export async function listFonts(bytes: Uint8Array): Promise<FontReport[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const context = pdf.context;
  const lookup = (object: PDFObject | undefined): PDFObject | undefined =>
    object instanceof PDFRef ? context.lookup(object) : object;
  const fonts = new Map<string, boolean>();
  for (const page of pdf.getPages()) {
    const resources = lookup(page.node.get(PDFName.of('Resources')));
    if (!(resources instanceof PDFDict)) continue;
    const fontDict = lookup(resources.get(PDFName.of('Font')));
    if (!(fontDict instanceof PDFDict)) continue;
    for (const [, value] of fontDict.entries()) {
      const font = lookup(value);
      if (!(font instanceof PDFDict)) continue;
      const baseFont = font.get(PDFName.of('BaseFont'))?.toString().replace(/^\//, '') ?? '(Type3)';
      let descriptorOwner: PDFDict = font;
      const descendants = lookup(font.get(PDFName.of('DescendantFonts')));
      if (descendants instanceof PDFArray) {
        const first = lookup(descendants.get(0));
        if (first instanceof PDFDict) descriptorOwner = first;
      }
      const descriptor = lookup(descriptorOwner.get(PDFName.of('FontDescriptor')));
      const embedded =
        font.get(PDFName.of('Subtype'))?.toString() === '/Type3' ||
        (descriptor instanceof PDFDict &&
          ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.get(PDFName.of(key)) !== undefined));
      fonts.set(baseFont, embedded);
    }
  }
  return [...fonts].map(([baseFont, embedded]) => ({ baseFont, embedded }));
}

/** Raw catalog keys, to check that the rewrite kept /StructTreeRoot, /MarkInfo, /Outlines, /Lang. */
export async function catalogKeys(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.catalog.keys().map((key) => key.toString().replace(/^\//, ''));
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * A page's text as a reader reads it: items in content order (Chromium writes them in reading order), a line break
 * where the baseline moves or pdf.js marks an end of line, a space where a gap of a fifth of the type size separates
 * two runs on one line; no-break spaces become spaces.
 */
function readingText(items: TextItem[]): string {
  let text = '';
  let previous: TextItem | undefined;
  for (const item of items) {
    if (previous) {
      const size = Math.abs(item.transform[3] ?? item.height) || 1;
      const sameLine = Math.abs((item.transform[5] ?? 0) - (previous.transform[5] ?? 0)) < size / 2;
      if (!previous.hasEOL && !sameLine) text += '\n';
      else if (sameLine && !previous.hasEOL) {
        const gap = (item.transform[4] ?? 0) - ((previous.transform[4] ?? 0) + previous.width);
        if (gap > size / 5 && !/\s$/u.test(text) && !/^\s/u.test(item.str)) text += ' ';
      }
    }
    text += item.str;
    if (item.hasEOL) text += '\n';
    previous = item;
  }
  return text.replace(/[\u00A0\u202F]/gu, ' ');
}

/** The whole text of a PDF file in reading order, pages separated by a form feed (what `pdftotext` printed). */
export async function pdfText(file: string): Promise<string> {
  const report = await inspectPdf(await readFile(file));
  return report.lines.join('\f');
}

/** Whether the file is a PDF a viewer opens: pdf.js reads every page of it (what `pdfinfo` exiting 0 meant). */
export async function pdfOpens(file: string): Promise<boolean> {
  try {
    if ((await stat(file)).size === 0) return false;
    const report = await inspectPdf(await readFile(file));
    return report.pageCount > 0;
  } catch {
    return false;
  }
}
