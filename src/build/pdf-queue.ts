/**
 * The PDFs of a run, printed by one browser with pages in parallel. The browser is started only when there is
 * something to print (so `build --documents` without PDFs, or a run where everything is up to date, starts none),
 * and always closed. Without a browser the HTML is still written and the run says how to install one.
 */
import type { PrintJob } from '../print/printer.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { Progress } from './progress.js';

export interface QueuedPdf {
  sessionId: string;
  label: string;
  target: string;
  job: PrintJob;
}

export interface PdfResults {
  written: number;
  failedSessions: Set<string>;
  /** The message to show when no browser could be found. */
  browserMissing?: string;
}

export class PdfQueue {
  readonly #items: QueuedPdf[] = [];

  constructor(readonly progress: Progress) {}

  add(item: QueuedPdf): void {
    this.#items.push(item);
  }

  async run(): Promise<PdfResults> {
    const results: PdfResults = { written: 0, failedSessions: new Set() };
    if (this.#items.length === 0) return results;
    const { Printer, BrowserNotFoundError, BrowserPathError } = await import('../print/index.js');
    let printer;
    try {
      printer = await Printer.launch();
    } catch (error) {
      if (error instanceof BrowserNotFoundError || error instanceof BrowserPathError) {
        for (const item of this.#items) results.failedSessions.add(item.sessionId);
        results.browserMissing = `PDF non produits : ${error.message}`;
        return results;
      }
      throw error;
    }
    try {
      await Promise.all(
        this.#items.map(async (item) => {
          try {
            const pdf = await printer.print(item.job);
            await writeFileAtomic(item.target, pdf);
            results.written += 1;
            this.progress.step(item.label);
          } catch (error) {
            results.failedSessions.add(item.sessionId);
            this.progress.say(`✗ ${item.label} : ${(error as Error).message}`);
          }
        }),
      );
    } finally {
      await printer.close();
    }
    return results;
  }
}
