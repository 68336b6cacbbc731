import type { Session } from '../../model/types.js';
import type { Printer } from '../../print/printer.js';
import { renderSessionHtml } from '../../render/index.js';

/** The session's PV as a PDF, for the preview's /pdf link. */
export async function printPreviewPdf(printer: Printer, session: Session): Promise<Uint8Array> {
  const document = renderSessionHtml(session);
  return await printer.print({
    html: document.html,
    title: document.title,
    author: session.organisation.name.value,
    subject: document.subject,
    keywords: ['procès-verbal', session.instance.value, session.date.value],
    lang: 'fr-FR',
    headerTemplate: document.headerTemplate,
    footerTemplate: document.footerTemplate,
    date: documentDate(session),
    documentId: `${session.id}/preview`,
  });
}

/** The PDF's fixed date: the session's day and start time (« 18 h 30 »), as UTC. */
function documentDate(session: Session): Date {
  const [hours = 0, minutes = 0] = (/(\d{1,2})\s*h\s*(\d{0,2})/u.exec(session.time?.value ?? '') ?? [])
    .slice(1)
    .map((n) => Number(n || 0));
  return new Date(`${session.date.value}T${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:00Z`);
}
