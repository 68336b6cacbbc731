/**
 * Chromium builds the PDF outline from the page's headings but takes their titles from the laid-out lines: a heading
 * that wraps loses the space at the line break ("plan de financement" → "plan definancement") and some headings come
 * out doubled. The HTML knows the true titles: rewrite every outline item's /Title with them, in document order.
 */
import { PDFDict, PDFHexString, PDFName, type PDFDocument } from 'pdf-lib';

const HEADING = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/giu;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of every h1–h6 of a document, in document order, as a reader sees it. */
export function headingTitles(html: string): string[] {
  const body = html.replace(/<head\b[\s\S]*?<\/head>/iu, '');
  return [...body.matchAll(HEADING)].map((match) =>
    decodeEntities((match[2] ?? '').replace(/<[^>]*>/gu, ''))
      .replace(/\s+/gu, ' ')
      .trim(),
  );
}

/** Replaces the outline titles, depth first, when the outline has exactly one item per heading; else leaves it. */
export function rewriteOutlineTitles(pdf: PDFDocument, titles: string[]): void {
  const outlines = pdf.context.lookup(pdf.catalog.get(PDFName.of('Outlines')));
  if (!(outlines instanceof PDFDict)) return;
  const items: PDFDict[] = [];
  const visit = (parent: PDFDict) => {
    let item = pdf.context.lookup(parent.get(PDFName.of('First')));
    while (item instanceof PDFDict && items.length <= titles.length) {
      items.push(item);
      visit(item);
      item = pdf.context.lookup(item.get(PDFName.of('Next')));
    }
  };
  visit(outlines);
  if (items.length !== titles.length) return;
  items.forEach((item, index) => item.set(PDFName.of('Title'), PDFHexString.fromText(titles[index] ?? '')));
}
