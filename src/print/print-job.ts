import { createHash } from 'node:crypto';
import path from 'node:path';
import { PrintError } from './print-error.js';

export interface PrintJob {
  /** Standalone HTML document. Scripts never run; only data: URLs and files inside allowedDirs load. */
  html: string;
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  /** BCP 47 language of the document, e.g. `fr-FR`. */
  lang: string;
  /**
   * Chromium header and footer templates (`displayHeaderFooter`), with fixed margins and A4. Both empty: the
   * document's CSS `@page` rules (size, margins, margin boxes such as `@bottom-right { content: counter(page) }`) apply.
   */
  headerTemplate: string;
  footerTemplate: string;
  /** Fixed document date, used for CreationDate and ModDate. */
  date: Date;
  /** Stable identifier derived from the session by the caller; the PDF's trailer /ID is derived from it. */
  documentId: string;
  /** Absolute folders whose files may be loaded through file:// (minutier's assets). */
  allowedDirs?: string[];
  /** Time limit for one attempt of this job, in milliseconds. */
  timeoutMs?: number;
}

/** Throws a PrintError listing every field of `job` that is missing or malformed. */
export function validateJob(job: PrintJob): void {
  const problems: string[] = [];
  for (const key of [
    'html',
    'title',
    'author',
    'subject',
    'lang',
    'headerTemplate',
    'footerTemplate',
    'documentId',
  ] as const) {
    if (typeof job[key] !== 'string') problems.push(`« ${key} » doit être une chaîne`);
  }
  if (typeof job.lang === 'string' && job.lang.trim() === '') problems.push('« lang » est vide');
  if (typeof job.documentId === 'string' && job.documentId.trim() === '') problems.push('« documentId » est vide');
  if (!(job.date instanceof Date) || Number.isNaN(job.date.getTime()))
    problems.push('« date » n’est pas une date valide');
  for (const dir of job.allowedDirs ?? []) {
    if (!path.isAbsolute(dir)) problems.push(`le dossier autorisé « ${dir} » n’est pas un chemin absolu`);
  }
  if (problems.length > 0) {
    throw new PrintError(
      `Travail d’impression invalide${job.title ? ` (« ${job.title} »)` : ''} : ${problems.join(' ; ')}.`,
    );
  }
}

/** Hash of everything that decides the printed content (the PDF's content fingerprint). */
export function jobFingerprint(job: PrintJob): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        job.html,
        job.headerTemplate,
        job.footerTemplate,
        job.title,
        job.author,
        job.subject,
        job.keywords ?? [],
        job.lang,
        job.date.toISOString(),
      ]),
    )
    .digest('hex');
}
