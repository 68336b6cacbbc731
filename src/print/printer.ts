import os from 'node:os';
import { BrowserLifecycle, type BrowserSession } from './browser-lifecycle.js';
import { AttemptTimeoutError, CLOSE_GRACE_MS, noop, settlesWithin, withDeadline } from './deadline.js';
import { requireBrowser } from './find-browser.js';
import { headingTitles } from './outline-titles.js';
import type { PageSlot } from './page-pool.js';
import { finalizePdf } from './pdf-finalize.js';
import { PrintError, closedError, describeFailure } from './print-error.js';
import { jobFingerprint, validateJob, type PrintJob } from './print-job.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { resolveAllowedDirs, withContentSecurityPolicy } from './request-policy.js';
import { FontStore } from './served-fonts.js';

export { PrintError } from './print-error.js';
export type { PrintJob } from './print-job.js';

export interface PrinterOptions {
  /** Browser executable; found with findBrowser() when absent. */
  executablePath?: string;
  /** Pages printing at the same time (default: os.availableParallelism()). */
  concurrency?: number;
  /** Default time limit for one print attempt, in milliseconds (default 60 000). */
  timeoutMs?: number;
  /**
   * Gives the page each document's fonts inline, as the document has them, instead of from memory by URL
   * (src/print/served-fonts.ts). The same PDF, slower: for comparison and diagnosis.
   */
  inlineFonts?: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const ATTEMPTS = 2;
const PAGE_MARGIN = { top: '22mm', bottom: '20mm', left: '20mm', right: '20mm' } as const;

/**
 * Prints standalone HTML documents to PDF with one headless Chromium for the whole run. The printing page is closed:
 * no script, no network, no file outside the allowed folders. Output is byte-for-byte reproducible for a given job.
 * A crashed browser is relaunched and a failed job retried once. Always `close()` it (in a `finally`).
 */
export class Printer {
  readonly #browsers: BrowserLifecycle;
  readonly #limit: ConcurrencyLimit;
  readonly #concurrency: number;
  readonly #timeoutMs: number;
  readonly #fonts: FontStore | undefined;
  #closed = false;
  #closing: Promise<void> | undefined;
  #sequence = 0;

  private constructor(executablePath: string, concurrency: number, timeoutMs: number, inlineFonts: boolean) {
    this.#browsers = new BrowserLifecycle(executablePath, Math.max(timeoutMs * 2, 60_000));
    this.#limit = new ConcurrencyLimit(concurrency);
    this.#concurrency = concurrency;
    this.#timeoutMs = timeoutMs;
    this.#fonts = inlineFonts ? undefined : new FontStore();
  }

  static async launch(options: PrinterOptions = {}): Promise<Printer> {
    const executablePath = options.executablePath ?? (await requireBrowser()).executablePath;
    const concurrency = Math.max(1, Math.floor(options.concurrency ?? os.availableParallelism()));
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const printer = new Printer(executablePath, concurrency, timeoutMs, options.inlineFonts ?? false);
    await printer.#browsers.ensure();
    return printer;
  }

  /**
   * Opens the pages the first jobs will print in (one per concurrent job) without waiting for them: a caller with
   * work to do before its first job (the build checking its first session) lets the browser get ready meanwhile.
   */
  warm(): void {
    if (this.#closed) return;
    void this.#browsers
      .ensure()
      .then((session) => session.pages.prewarm(this.#concurrency))
      .catch(noop);
  }

  /** Process id of the current browser (diagnostics, tests). */
  get browserPid(): number | undefined {
    return this.#browsers.pid;
  }

  /** How many times a browser was started, relaunches included. */
  get launches(): number {
    return this.#browsers.launches;
  }

  async print(job: PrintJob): Promise<Uint8Array> {
    validateJob(job);
    if (this.#closed) throw closedError(job.title);
    const resolvedAllowedDirs = await resolveAllowedDirs(job.allowedDirs ?? []);
    await this.#limit.acquire();
    try {
      if (this.#closed) throw closedError(job.title);
      const raw = await this.#printWithRetry(job, resolvedAllowedDirs);
      return await finalizePdf(raw, {
        title: job.title,
        author: job.author,
        subject: job.subject,
        keywords: job.keywords,
        lang: job.lang,
        date: job.date,
        documentId: job.documentId,
        contentFingerprint: jobFingerprint(job),
        headings: headingTitles(job.html),
      });
    } finally {
      this.#limit.release();
    }
  }

  /** Closes the browser and removes its profile folder. Safe to call more than once. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#closed = true;
      // Woken waiters see #closed and give their place back through release().
      this.#limit.wakeAll();
      await this.#browsers.close();
    })();
    return this.#closing;
  }

  async #printWithRetry(job: PrintJob, resolvedAllowedDirs: string[]): Promise<Uint8Array> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (this.#closed) throw closedError(job.title);
      try {
        return await this.#attempt(job, resolvedAllowedDirs);
      } catch (error) {
        if (this.#closed) throw closedError(job.title);
        lastError = error;
      }
    }
    throw new PrintError(
      `Impossible d’imprimer « ${job.title} » en PDF après ${ATTEMPTS} tentatives : ${describeFailure(lastError)}.`,
      { cause: lastError },
    );
  }

  async #attempt(job: PrintJob, resolvedAllowedDirs: string[]): Promise<Uint8Array> {
    const session = await this.#browsers.ensure();
    const timeoutMs = job.timeoutMs ?? this.#timeoutMs;
    let slot: PageSlot | undefined;
    let abandoned = false;
    const work = (async () => {
      const taken = await session.pages.take();
      slot = taken;
      if (abandoned) throw new Error('tentative abandonnée');
      return this.#render(taken, job, resolvedAllowedDirs, timeoutMs);
    })();

    try {
      const raw = await withDeadline(work, timeoutMs);
      const done = slot;
      if (done) this.#giveBack(session, done);
      return raw;
    } catch (error) {
      abandoned = true;
      const failed = slot;
      let healthy = session.browser.connected;
      if (failed) {
        failed.job = undefined;
        healthy = healthy && (await settlesWithin(failed.page.close(), CLOSE_GRACE_MS));
      } else {
        // The page is still being created: close it whenever it arrives.
        void work.then(noop, noop).finally(() => void slot?.page.close().catch(noop));
        if (error instanceof AttemptTimeoutError) healthy = false;
      }
      if (!healthy) await this.#browsers.discard(session);
      throw error;
    }
  }

  async #render(slot: PageSlot, job: PrintJob, resolvedAllowedDirs: string[], timeoutMs: number): Promise<Uint8Array> {
    const page = slot.page;
    // The fonts by URL, answered from memory (src/print/served-fonts.ts); the job's HTML itself is left as it is.
    const fonts = this.#fonts;
    const html = fonts ? fonts.serve(job.html) : job.html;
    if (resolvedAllowedDirs.length > 0) {
      // Files of the allowed folders load only into a file: document: the document is served by the request
      // interceptor, with the policy as a header, under its own URL so that nothing can confuse it with a previous
      // document of the same page.
      const documentUrl = `file:///__minutier__/document-${++this.#sequence}.html`;
      slot.job = { documentUrl, html, resolvedAllowedDirs, served: false, ...(fonts ? { fonts } : {}) };
      const response = await page.goto(documentUrl, { waitUntil: 'load', timeout: timeoutMs });
      if (!response || !response.ok()) throw new Error('le document HTML n’a pas pu être chargé dans le navigateur');
    } else {
      // Otherwise the document is written into the page (no navigation: 13–15 % less CPU per PDF, see
      // docs/performance.md), the policy first in its <head>; the interceptor still cancels every navigation and
      // blocks every request but data: URLs and the printer's own fonts.
      slot.job = { documentUrl: undefined, html: '', resolvedAllowedDirs, served: true, ...(fonts ? { fonts } : {}) };
      // A page that served a file: document to an earlier job gets a blank one first: nothing of that document (its
      // origin, its loaded files) may carry over to this one.
      if (page.url() !== 'about:blank') await page.goto('about:blank', { timeout: timeoutMs });
      await page.setContent(withContentSecurityPolicy(html), { waitUntil: 'load', timeout: timeoutMs });
    }
    // Without header/footer templates the document's own `@page` rules decide size, margins and the running header
    // and footer (CSS margin boxes, drawn with the page's fonts): the fast path, and the one minutier's documents take.
    const templates = job.headerTemplate !== '' || job.footerTemplate !== '';
    const pdf = await page.pdf({
      format: 'A4',
      ...(templates
        ? {
            displayHeaderFooter: true,
            headerTemplate: job.headerTemplate,
            footerTemplate: job.footerTemplate,
            margin: PAGE_MARGIN,
            preferCSSPageSize: false,
          }
        : { displayHeaderFooter: false, preferCSSPageSize: true }),
      printBackground: true,
      tagged: true,
      outline: true,
      // Waits for document.fonts.ready through DevTools, which works with page scripts disabled.
      waitForFonts: true,
      timeout: timeoutMs,
    });
    slot.job = undefined;
    return pdf;
  }

  #giveBack(session: BrowserSession, slot: PageSlot): void {
    session.pages.giveBack(slot, this.#browsers.isCurrent(session));
  }
}
