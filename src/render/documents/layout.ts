/**
 * What every rendered document shares: its shape (RenderedDocument), the options, the templates folder, the page
 * layout (CSS, fonts inlined, running header and footer) and the signatures.
 */
import type { PersonRef, Session } from '../../model/types.js';
import { fontFaces, headerFontFaces } from '../assets.js';
import { formatDate } from '../../model/french.js';
import { presidingTitle } from '../../model/vocabulary.js';
import type { DroppedItem } from '../../html/markdown.js';
import { instanceName, townOf } from '../sentences.js';
import type { TemplateSet } from '../templates.js';

/** A standalone HTML document and what the PDF printer needs with it. */
export interface RenderedDocument {
  html: string;
  /** What the sanitizer removed from the session body (hostile or unsupported HTML), with positions in the file. */
  dropped: DroppedItem[];
  /** PDF metadata: title. */
  title: string;
  /** PDF metadata: subject. */
  subject: string;
  /** Chromium `headerTemplate` (inline styles, 8 pt). */
  headerTemplate: string;
  /** Chromium `footerTemplate`: "page X / N". */
  footerTemplate: string;
}

export interface RenderOptions {
  /** A templates folder to use instead of the organisation's (`organisation.templates`) and the defaults. */
  templatesDir?: string;
  /** "Fait à …, le …" under the signatures: the town (default: the town of the session's place) and ISO date. */
  signedAt?: { town?: string; date?: string };
}

export function organisationName(session: Session): string {
  return session.organisation.name.value.trim();
}

export function runningTitle(session: Session): string {
  return `${organisationName(session)} — ${instanceName(session)} — ${formatDate(session.date.value)}`;
}

/** The running header (left and right) and the footer's left part of a printed document; the footer's right is "page X / N". */
export interface Running {
  left: string;
  right: string;
  footerLeft: string;
}

/** A CSS string literal that cannot close the string, the rule or the `<style>` element it is written in. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>&\n\r\f]/g, (char) => `\\${char.codePointAt(0)!.toString(16)} `)}"`;
}

/**
 * The running header and footer as CSS `@page` margin boxes (their look is in print.css): Chromium draws them with the
 * page's own fonts, counts `page X / N` itself, and prints them without a second document per page.
 * Empty when the templates folder brings its own `header.hbs` or `footer.hbs`: those are Chromium header and footer
 * templates, printed the older way (see headerFooter).
 */
function runningCss(templates: TemplateSet, running: Running | undefined): string {
  if (!running || legacyHeaderFooter(templates)) return '';
  return [
    '@page {',
    `  @top-left { content: ${cssString(running.left)}; }`,
    `  @top-right { content: ${cssString(running.right)}; }`,
    `  @bottom-left { content: ${cssString(running.footerLeft)}; }`,
    '  @bottom-right { content: "page " counter(page) " / " counter(pages); }',
    '}',
  ].join('\n');
}

function legacyHeaderFooter(templates: TemplateSet): boolean {
  return templates.overridden.has('header') || templates.overridden.has('footer');
}

/** Chromium header and footer templates, only for a templates folder with its own header.hbs or footer.hbs. */
export function headerFooter(templates: TemplateSet, running: Running) {
  if (!legacyHeaderFooter(templates)) return { headerTemplate: '', footerTemplate: '' };
  const { left, right, footerLeft } = running;
  return {
    headerTemplate: `<style>${headerFontFaces()}</style>${templates.render('header', { left, right }).trim()}`,
    footerTemplate: `<style>${headerFontFaces()}</style>${templates.render('footer', { left: footerLeft }).trim()}`,
  };
}

export function page(
  templates: TemplateSet,
  name: 'pv' | 'liste' | 'extrait' | 'index',
  data: Record<string, unknown>,
  running?: Running,
): string {
  const css = `${templates.css}\n${runningCss(templates, running)}`;
  // The fonts depend on the characters of the document: rendered first with a marker, then replaced.
  const marker = '/* minutier:font-faces */';
  const html = templates.render(name, { ...data, css, fontFaces: marker });
  const at = html.indexOf(marker);
  return at < 0 ? html : html.slice(0, at) + fontFaces(printedText(html)) + html.slice(at + marker.length);
}

/**
 * The document without the comments of its stylesheets, which print nothing: print.css's section rules (U+2500) made
 * every document carry DejaVu Sans (250 KB, decoded by the browser for each PDF) for characters it never shows.
 */
function printedText(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/giu, (style) => style.replace(/\/\*[\s\S]*?\*\//gu, ''));
}

export function names(people: PersonRef[]): string {
  const list = people.map((person) => person.name.trim());
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} et ${list.at(-1)}` : (list[0] ?? '—');
}

export function signaturesView(session: Session, options: RenderOptions, presidentOnly = false) {
  const signers: Array<{ role: string; name: string }> = [];
  const presiding = presidingTitle(session);
  if (session.president && presiding) signers.push({ role: presiding.role, name: session.president.name.trim() });
  if (!presidentOnly) {
    for (const secretary of session.secretaries)
      signers.push({ role: 'Le secrétaire de séance', name: secretary.name.trim() });
  }
  let doneAt: string | undefined;
  if (options.signedAt) {
    const town = options.signedAt.town ?? (session.place ? townOf(session.place.value) : undefined);
    const date = options.signedAt.date ? formatDate(options.signedAt.date) : undefined;
    doneAt = `Fait${town ? ` à ${town}` : ''}${date ? `, le ${date}` : ''}.`;
  }
  return { signers, ...(doneAt ? { doneAt } : {}) };
}
