import type { Session } from '../../model/types.js';
import { printJobOf } from '../../pipeline/print-job.js';
import type { Printer } from '../../print/printer.js';
import { renderSessionHtml } from '../../render/index.js';

/** The session's PV as a PDF, for the preview's /pdf link: the same job `build` prints. */
export async function printPreviewPdf(printer: Printer, session: Session): Promise<Uint8Array> {
  return await printer.print(printJobOf(session, renderSessionHtml(session), `${session.id}/preview`));
}
