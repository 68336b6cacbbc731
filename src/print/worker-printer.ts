/**
 * A Printer on a thread of its own (print-worker.ts), for the build: the main thread only renders the documents and
 * hands their HTML over; the browser's DevTools traffic, the PDF post-processing and the fingerprints run beside it, on
 * the other core (docs/performance.md, « Build, round 6 »). The same jobs, the same bytes, the same French errors as
 * Printer. This module loads neither Puppeteer nor pdf-lib: the thread does.
 */
import type { Worker } from 'node:worker_threads';
import { workerUrl } from '../util/worker-url.js';
import { PrintError } from './print-error.js';
import type { PrintJob } from './print-job.js';
import type { PrintReply, PrintRequest } from './print-worker.js';

/** No browser was found (or CHROME_PATH names none): the printer's words, to tell the user how to get one. */
export class BrowserMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserMissingError';
  }
}

/** Printer.close gives its browser 5 s, then kills it: the thread is ended outright only if even that hangs. */
const CLOSE_LIMIT_MS = 60_000;

export class WorkerPrinter {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }>();
  readonly #exited: Promise<void>;
  #sequence = 0;
  #closing: Promise<void> | undefined;
  #gone: Error | undefined;
  /**
   * Ctrl+C or `kill` while the build prints: signals reach only the main thread, so it closes the browser (which
   * removes its profile folder), then lets the signal end the process as it would have. A second one ends it at once.
   */
  readonly #onSignal = (signal: NodeJS.Signals): void => {
    this.#forgetSignals();
    void this.close().finally(() => process.kill(process.pid, signal));
  };

  private constructor(worker: Worker) {
    this.#worker = worker;
    this.#exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: PrintReply) => {
      if (message.kind !== 'printed' && message.kind !== 'failed') return;
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.kind === 'printed') pending?.resolve(message.pdf);
      else pending?.reject(new PrintError(message.message));
    });
    const fail = (error: Error) => {
      this.#gone ??= error;
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    };
    worker.on('error', (error) => fail(new PrintError(`L’imprimeur PDF s’est arrêté : ${error.message}`)));
    worker.once('exit', () => fail(new PrintError('L’imprimeur PDF est fermé.')));
    process.once('SIGINT', this.#onSignal);
    process.once('SIGTERM', this.#onSignal);
  }

  #forgetSignals(): void {
    process.off('SIGINT', this.#onSignal);
    process.off('SIGTERM', this.#onSignal);
  }

  /** Starts the thread and its browser; rejects with BrowserMissingError when there is no browser to start. */
  static async launch(): Promise<WorkerPrinter> {
    // node:worker_threads on first use, as check-parallel.ts: a command that prints nothing never loads it.
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    const worker = new Worker(workerUrl('print-worker', import.meta.url));
    const printer = new WorkerPrinter(worker);
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: PrintReply) => {
        if (message.kind === 'ready') resolve();
        else if (message.kind === 'launch-failed')
          reject(message.browserMissing ? new BrowserMissingError(message.message) : new PrintError(message.message));
        else return;
        worker.off('message', onMessage);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', () => reject(new PrintError('L’imprimeur PDF s’est arrêté au démarrage.')));
    }).catch(async (error: unknown) => {
      await printer.close();
      throw error;
    });
    return printer;
  }

  /** Opens the first jobs' pages ahead (Printer.warm). */
  warm(): void {
    this.#post({ kind: 'warm' });
  }

  print(job: PrintJob): Promise<Uint8Array> {
    if (this.#gone || this.#closing) return Promise.reject(this.#gone ?? new PrintError('L’imprimeur PDF est fermé.'));
    const id = ++this.#sequence;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#post({ kind: 'print', id, job });
    });
  }

  /** Closes the browser, then the thread (ended outright if it has not ended a minute later); never rejects. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#forgetSignals();
      this.#post({ kind: 'close' });
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(() => void this.#worker.terminate().finally(resolve), CLOSE_LIMIT_MS);
      });
      await Promise.race([this.#exited, late]);
      clearTimeout(timer);
    })();
    return this.#closing;
  }

  #post(request: PrintRequest): void {
    if (!this.#gone) this.#worker.postMessage(request);
  }
}
