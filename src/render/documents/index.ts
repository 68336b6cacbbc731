/** The index of every rendered session (output/index.html). */
import type { Session } from '../../model/types.js';
import { NBSP } from '../../model/french.js';
import { loadTemplates } from '../templates.js';
import { headerFooter, page, runningTitle, type RenderedDocument } from './layout.js';

/** One session in output/index.html; every href is relative to the index, given by the caller. */
export interface IndexEntry {
  /** "Somme Numérique — Comité syndical — 28 juin 2022" (the caller may use `indexHeading(session)`). */
  heading: string;
  pv: { html: string; pdf?: string };
  liste?: { html: string; pdf?: string };
  extraits?: Array<{ number: number; title: string; html: string; pdf?: string }>;
}

/** The heading an index entry shows for a session. */
export function indexHeading(session: Session): string {
  return runningTitle(session);
}

/** The index of every rendered session, in the order given. */
export function renderIndex(
  entries: IndexEntry[],
  options: { templatesDir?: string; title?: string } = {},
): RenderedDocument {
  const templates = loadTemplates(options.templatesDir);
  const title = options.title ?? 'Procès-verbaux et délibérations';
  const html = page(templates, 'index', {
    title,
    bodyClass: 'index',
    documentTitle: title,
    entries: entries.map((entry) => ({
      heading: entry.heading,
      links: [
        { label: 'Procès-verbal', href: entry.pv.html, pdf: entry.pv.pdf },
        ...(entry.liste ? [{ label: 'Liste des délibérations', href: entry.liste.html, pdf: entry.liste.pdf }] : []),
      ],
      extraits: (entry.extraits ?? []).map((extrait) => ({
        label: `N°${NBSP}${extrait.number} — ${extrait.title}`,
        href: extrait.html,
        pdf: extrait.pdf,
      })),
    })),
  });
  return {
    html,
    dropped: [],
    title,
    subject: title,
    ...headerFooter(templates, { left: title, right: '', footerLeft: title }),
  };
}
