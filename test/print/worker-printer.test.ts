/**
 * The printer on a thread of its own, as the build uses it (src/print/worker-printer.ts): the same bytes as Printer,
 * its French errors carried back, no browser told as such. From the sources, the thread runs the compiled
 * dist/print/print-worker.js (`npm test` compiles first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBrowser } from '../../src/print/find-browser.js';
import { Printer } from '../../src/print/printer.js';
import { BrowserMissingError, WorkerPrinter } from '../../src/print/worker-printer.js';
import { frenchJob } from './fixtures.js';
import { inspectPdf } from './pdf-inspect.js';

let threaded: WorkerPrinter;

beforeAll(async () => {
  await requireBrowser();
  threaded = await WorkerPrinter.launch();
});

afterAll(async () => {
  await threaded?.close();
});

describe('WorkerPrinter', () => {
  it('prints the same bytes as Printer, one job or several at once', async () => {
    const printer = await Printer.launch({ concurrency: 2 });
    let reference: Uint8Array;
    try {
      reference = await printer.print(frenchJob());
    } finally {
      await printer.close();
    }
    threaded.warm();
    const [first, second] = await Promise.all([threaded.print(frenchJob()), threaded.print(frenchJob())]);
    expect(Buffer.from(first).equals(Buffer.from(reference))).toBe(true);
    expect(Buffer.from(second).equals(Buffer.from(reference))).toBe(true);
    expect((await inspectPdf(first)).pageCount).toBe(2);
  });

  it('brings a failed job back as a French error while the other jobs print', async () => {
    const [hung, fine] = await Promise.allSettled([
      threaded.print(frenchJob({ title: 'Séance trop lente', timeoutMs: 1 })),
      threaded.print(frenchJob()),
    ]);
    expect(hung.status).toBe('rejected');
    const reason = (hung as PromiseRejectedResult).reason as Error;
    expect(reason.name).toBe('PrintError');
    expect(reason.message).toMatch(/Impossible d’imprimer « Séance trop lente » en PDF après 2 tentatives/);
    expect(fine.status).toBe('fulfilled');
  });

  it('says when there is no browser to start, in the words of Printer', async () => {
    const saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = '/nonexistent/chromium';
    try {
      const launching = WorkerPrinter.launch();
      await expect(launching).rejects.toBeInstanceOf(BrowserMissingError);
      await expect(launching).rejects.toThrow(/CHROME_PATH vaut « \/nonexistent\/chromium »/);
    } finally {
      if (saved === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved;
    }
  });

  it('closes its browser and thread, twice if need be, then refuses jobs in French', async () => {
    const printer = await WorkerPrinter.launch();
    await printer.print(frenchJob());
    await printer.close();
    await printer.close();
    await expect(printer.print(frenchJob())).rejects.toThrow(/L’imprimeur PDF est fermé/);
  });
});
