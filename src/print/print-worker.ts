/**
 * The printer's thread (worker-printer.ts starts it): one Printer, its browser and its pages driven from here, so that
 * the build's main thread keeps checking and rendering sessions while the DevTools traffic, the PDF post-processing and
 * the fingerprints of the PDFs run on this one (docs/performance.md, « Build, round 6 »).
 */
import { parentPort } from 'node:worker_threads';
import { BrowserNotFoundError, BrowserPathError } from './find-browser.js';
import { Printer } from './printer.js';
import type { PrintJob } from './print-job.js';

export type PrintRequest = { kind: 'warm' } | { kind: 'print'; id: number; job: PrintJob } | { kind: 'close' };

export type PrintReply =
  | { kind: 'ready' }
  | { kind: 'launch-failed'; browserMissing: boolean; message: string }
  | { kind: 'printed'; id: number; pdf: Uint8Array }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'closed' };

const port = parentPort!;
const reply = (message: PrintReply): void => port.postMessage(message);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const launching = Printer.launch();
launching.then(
  () => reply({ kind: 'ready' }),
  (error: unknown) =>
    reply({
      kind: 'launch-failed',
      browserMissing: error instanceof BrowserNotFoundError || error instanceof BrowserPathError,
      message: messageOf(error),
    }),
);

port.on('message', (request: PrintRequest) => {
  if (request.kind === 'warm') {
    void launching.then(
      (printer) => printer.warm(),
      () => undefined,
    );
  } else if (request.kind === 'print') {
    launching
      .then((printer) => printer.print(request.job))
      .then(
        (pdf) => reply({ kind: 'printed', id: request.id, pdf }),
        (error: unknown) => reply({ kind: 'failed', id: request.id, message: messageOf(error) }),
      );
  } else {
    void launching
      .then((printer) => printer.close())
      .catch(() => undefined)
      .then(() => {
        reply({ kind: 'closed' });
        port.close();
      });
  }
});
