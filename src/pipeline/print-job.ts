/** The print job of a rendered document: its PDF metadata and fixed date, the same for `build` and `preview`. */
import type { Session } from '../model/types.js';
import type { PrintJob } from '../print/printer.js';
import type { RenderedDocument } from '../render/index.js';

/** The PDF's fixed date: the session's own date and hour, so two prints give the same bytes. */
function documentDate(session: Session): Date {
  const time = session.time?.minutes ?? 0;
  const hours = String(Math.floor(time / 60)).padStart(2, '0');
  const minutes = String(time % 60).padStart(2, '0');
  return new Date(`${session.date.value}T${hours}:${minutes}:00Z`);
}

export function printJobOf(session: Session, document: RenderedDocument, documentId: string): PrintJob {
  return {
    html: document.html,
    title: document.title,
    author: session.organisation.name.value,
    subject: document.subject,
    keywords: ['procès-verbal', session.instance.value, session.date.value],
    lang: 'fr-FR',
    headerTemplate: document.headerTemplate,
    footerTemplate: document.footerTemplate,
    date: documentDate(session),
    documentId,
  };
}
