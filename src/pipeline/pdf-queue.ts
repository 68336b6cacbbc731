/**
 * The PDFs of a run, printed by one browser with pages in parallel, as soon as each session is rendered (while the
 * next sessions are still being checked). The browser starts when the build finds a session to write (prepare) or
 * with the first PDF, so a run where everything is up to date starts none, and it is always closed. Without a browser the HTML is still written and the run says how to
 * install one.
 */
import type { PrintJob } from '../print/print-job.js';
import type { WorkerPrinter } from '../print/worker-printer.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { BuildProgress as Progress } from './progress.js';

// Not print/deadline.js's: this module imports print's types only, so that a build with nothing to print loads
// none of it.
const noop = (): void => undefined;

export interface QueuedPdf {
  sessionId: string;
  label: string;
  target: string;
  job: PrintJob;
}

export interface PdfResults {
  written: number;
  failedSessions: Set<string>;
  /** Why no browser could be found (the printer's words). */
  browserMissing?: string;
}

export class PdfQueue {
  readonly #results: PdfResults = { written: 0, failedSessions: new Set() };
  readonly #pending: Array<Promise<void>> = [];
  #printer: Promise<WorkerPrinter | undefined> | undefined;
  #closing: Promise<void> | undefined;

  constructor(readonly progress: Progress) {}

  /**
   * Starts the browser and opens its pages before the first PDF is queued: the build calls it as it starts checking
   * sessions that need writing, so the browser gets ready on the other core meanwhile. A browser found missing then
   * is reported only if a PDF is queued after all.
   */
  prepare(): void {
    this.#printer ??= this.#launch();
    void this.#printer.then((printer) => printer?.warm(), noop);
  }

  add(item: QueuedPdf): void {
    this.#printer ??= this.#launch();
    this.#pending.push(this.#print(item));
  }

  /**
   * Waits for every queued PDF, then starts closing the browser: the build writes its index and cache meanwhile, and
   * awaits `closed()` before it ends.
   */
  async finish(): Promise<PdfResults> {
    try {
      await Promise.all(this.#pending);
    } finally {
      void this.closed();
    }
    // Launched ahead (prepare) for PDFs that never came: no browser was needed, none is asked for.
    if (this.#pending.length === 0) delete this.#results.browserMissing;
    return this.#results;
  }

  /** Closes the browser, if one was started; never rejects. */
  closed(): Promise<void> {
    this.#closing ??= (async () => {
      const printer = await this.#printer?.catch(() => undefined);
      await printer?.close().catch(() => undefined);
    })();
    return this.#closing;
  }

  // The printer runs on a thread of its own (print/worker-printer.ts): this thread keeps checking and rendering.
  async #launch(): Promise<WorkerPrinter | undefined> {
    const { WorkerPrinter, BrowserMissingError } = await import('../print/worker-printer.js');
    try {
      return await WorkerPrinter.launch();
    } catch (error) {
      if (error instanceof BrowserMissingError) {
        this.#results.browserMissing = error.message;
        return undefined;
      }
      throw error;
    }
  }

  async #print(item: QueuedPdf): Promise<void> {
    try {
      const printer = await this.#printer;
      if (!printer) {
        this.#results.failedSessions.add(item.sessionId);
        return;
      }
      const pdf = await printer.print(item.job);
      await writeFileAtomic(item.target, pdf);
      this.#results.written += 1;
      this.progress.step(item.label);
    } catch (error) {
      this.#results.failedSessions.add(item.sessionId);
      this.progress.report({ kind: 'print-failed', output: item.label, error });
    }
  }
}
