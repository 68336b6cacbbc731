/**
 * The documents of one session: each planned output rendered once, its HTML written atomically, its PDF queued for
 * the browser. The review page apart: the build renders it once every PDF of the run is queued.
 */
import type { VFile } from 'vfile';
import type { Session } from '../model/types.js';
import { renderExtrait, renderListeDeliberations, renderSessionHtml, type RenderedDocument } from '../render/index.js';
import { renderReview } from '../render/review.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { SessionScdl } from '../publish/build-scdl.js';
import { outputPath, type PlannedOutput } from './plan.js';
import type { BuildProgress as Progress } from './progress.js';
import type { PdfQueue } from './pdf-queue.js';
import { printJobOf } from './print-job.js';

/** A session being built: what it writes, and whether any of it failed. */
export interface SessionBuild {
  session: Session;
  file: VFile;
  key: string;
  organisationFile: string | undefined;
  templatesDir: string | undefined;
  outputs: PlannedOutput[];
  failed: boolean;
  scdl?: SessionScdl;
}

function render(session: Session, output: PlannedOutput, file: VFile): RenderedDocument {
  if (output.kind === 'review') {
    // An HTML page only: no PDF metadata, no header or footer.
    const html = renderReview(session, file.messages);
    return { html, dropped: [], title: '', subject: '', headerTemplate: '', footerTemplate: '' };
  }
  if (output.kind === 'pv') return renderSessionHtml(session);
  if (output.kind === 'liste') return renderListeDeliberations(session);
  return renderExtrait(session, output.deliberation!);
}

/** Renders and writes (or queues) a session's documents: `which` is the review page alone, or all the others. */
export async function renderAndQueue(
  build: SessionBuild,
  outDir: string,
  file: VFile,
  queue: PdfQueue,
  progress: Progress,
  onWritten: () => void,
  which: 'documents' | 'review',
): Promise<void> {
  const { session } = build;
  const rendered = new Map<unknown, RenderedDocument>();
  const ordered = build.outputs.filter((o) => (o.kind === 'review') === (which === 'review'));
  for (const output of ordered) {
    // One rendering per document: an extrait per deliberation (two may share a number), the PV for its HTML and PDF.
    const cacheKey = output.deliberation ? output.deliberation : output.kind;
    let document = rendered.get(cacheKey);
    try {
      document ??= render(session, output, file);
    } catch (error) {
      build.failed = true;
      progress.report({ kind: 'render-failed', path: file.path, output: output.relative, error });
      return;
    }
    rendered.set(cacheKey, document);
    const target = outputPath(outDir, output.relative);
    if (output.format === 'html') {
      try {
        await writeFileAtomic(target, document.html);
      } catch (error) {
        build.failed = true;
        progress.report({ kind: 'write-failed', output: output.relative, error });
        continue;
      }
      onWritten();
      progress.step(output.relative);
      continue;
    }
    queue.add({
      sessionId: session.id,
      label: output.relative,
      target,
      job: printJobOf(session, document, `${session.id}/${output.relative}`),
    });
  }
}
