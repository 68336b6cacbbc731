import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBrowser } from '../../src/print/find-browser.js';
import { Printer } from '../../src/print/printer.js';
import { frenchJob, headings } from './fixtures.js';
import { catalogKeys, inspectPdf, listFonts } from './pdf-inspect.js';

let printer: Printer;

beforeAll(async () => {
  // No browser is a failure with installation help, never a skipped test.
  const browser = await requireBrowser();
  printer = await Printer.launch({ executablePath: browser.executablePath, concurrency: 2, timeoutMs: 30_000 });
});

afterAll(async () => {
  await printer?.close();
});

describe('Printer', () => {
  it('prints a French document with headers, footers, outline, metadata, embedded fonts and tags', async () => {
    const bytes = await printer.print(frenchJob());
    const report = await inspectPdf(bytes);

    expect(report.pageCount).toBe(2);
    const allText = report.pages.join('\n');
    expect(allText).toContain('Procès-verbal de la séance du comité syndical');
    for (const heading of headings) expect(allText).toContain(heading);
    expect(allText).toContain('Abstentions');
    report.pages.forEach((text, index) => {
      expect(text).toContain('Comité syndical — 28 juin 2022');
      expect(text).toContain(`page ${index + 1} / 2`);
    });

    // The h1 is the single top-level bookmark, the h2 headings are its entries.
    expect(report.outline).toHaveLength(1);
    expect(report.outline[0]!.children.map((entry) => entry.title)).toEqual(headings);

    expect(report.info.Title).toBe('Procès-verbal du comité syndical du 28 juin 2022');
    expect(report.info.Author).toBe('Syndicat intercommunal des eaux');
    expect(report.info.Subject).toBe('Procès-verbal de séance');
    expect(report.info.Keywords).toBe('procès-verbal comité syndical');
    expect(report.info.Language).toBe('fr-FR');
    expect(report.info.Creator).toBe('minutier');
    expect(report.info.Producer).toBe('minutier');
    expect(report.info.CreationDate).toBe('D:20220628180000Z');
    expect(report.info.ModDate).toBe('D:20220628180000Z');

    const fonts = await listFonts(bytes);
    expect(fonts.some((font) => /\+SourceSerif4-Regular$/.test(font.baseFont) && font.embedded)).toBe(true);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);

    expect(report.marked).toBe(true);
    expect(report.hasStructTree).toBe(true);
    expect(await catalogKeys(bytes)).toEqual(
      expect.arrayContaining(['StructTreeRoot', 'MarkInfo', 'Outlines', 'Lang']),
    );
  });

  it('gives byte-identical PDFs for the same job, one after the other or in parallel', async () => {
    const first = await printer.print(frenchJob());
    const [second, third] = await Promise.all([printer.print(frenchJob()), printer.print(frenchJob())]);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);

    const other = await printer.print(frenchJob({ documentId: 'autre-seance' }));
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);

    // Pages opened ahead (warm, as the build does while it checks its first session) print the same bytes.
    const warmed = await Printer.launch({ concurrency: 2 });
    try {
      warmed.warm();
      const [a, b] = await Promise.all([warmed.print(frenchJob()), warmed.print(frenchJob())]);
      expect(Buffer.from(a).equals(Buffer.from(first))).toBe(true);
      expect(Buffer.from(b).equals(Buffer.from(first))).toBe(true);
    } finally {
      await warmed.close();
    }
    warmed.warm();
  });

  it('rejects a job that keeps timing out with a French error while other jobs go on', async () => {
    const [hung, fine] = await Promise.allSettled([
      printer.print(frenchJob({ title: 'Séance trop lente', timeoutMs: 1 })),
      printer.print(frenchJob()),
    ]);
    expect(hung.status).toBe('rejected');
    expect(String((hung as PromiseRejectedResult).reason.message)).toMatch(
      /Impossible d’imprimer « Séance trop lente » en PDF après 2 tentatives : délai de 1 ms dépassé/,
    );
    expect(fine.status).toBe('fulfilled');
    expect((await inspectPdf((fine as PromiseFulfilledResult<Uint8Array>).value)).pageCount).toBe(2);
  });

  it('relaunches a browser that crashed, mid-job or between jobs, and prints the same bytes', async () => {
    const reference = await printer.print(frenchJob());
    const launchesBefore = printer.launches;

    const crashedPid = printer.browserPid;
    expect(crashedPid).toBeTypeOf('number');
    const pending = printer.print(frenchJob());
    process.kill(crashedPid!, 'SIGKILL');
    const afterCrash = await pending;
    expect(Buffer.from(afterCrash).equals(Buffer.from(reference))).toBe(true);
    expect(printer.launches).toBe(launchesBefore + 1);
    expect(printer.browserPid).not.toBe(crashedPid);

    const secondPid = printer.browserPid!;
    process.kill(secondPid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const afterSecondCrash = await printer.print(frenchJob());
    expect(Buffer.from(afterSecondCrash).equals(Buffer.from(reference))).toBe(true);
    expect(printer.launches).toBe(launchesBefore + 2);
  });

  it('lays documents out with their print styles, never their screen styles, whichever way they are loaded', async () => {
    // The pages are emulated as print from the start (docs/performance.md, « Build, round 6 »): what prints is what
    // @media print says, on a page that served a file: document before (goto) as on a blank one (setContent).
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
      @media screen { .papier { display: none; } }
      @media print { .ecran { display: none; } }
      </style></head><body><p class="ecran">Visible à l’écran seulement.</p>
      <p class="papier">Imprimé sur papier seulement.</p></body></html>`;
    for (const job of [frenchJob({ html }), frenchJob({ html, allowedDirs: [] }), frenchJob({ html })]) {
      const text = (await inspectPdf(await printer.print(job))).pages.join('\n');
      expect(text).toContain('Imprimé sur papier seulement.');
      expect(text).not.toContain('Visible à l’écran seulement.');
    }
  });

  it.runIf(process.platform === 'linux')('starts the browser with the flags docs/printing.md lists', async () => {
    await printer.print(frenchJob());
    const docs = await readFile(new URL('../../docs/printing.md', import.meta.url), 'utf8');
    const bullet = docs.slice(
      docs.indexOf('- **Browser flags**'),
      docs.indexOf('\n- ', docs.indexOf('- **Browser flags**')),
    );
    const documented = [...bullet.matchAll(/`(--[a-z-]+)/g)].map((match) => match[1]!);
    expect(documented).toEqual(expect.arrayContaining(['--disable-gpu', '--disable-threaded-compositing']));
    const commandLine = (await readFile(`/proc/${printer.browserPid}/cmdline`, 'utf8')).split('\0');
    for (const flag of documented) {
      if (flag === '--no-sandbox' && process.getuid?.() !== 0) continue;
      expect(commandLine.some((arg) => arg === flag || arg.startsWith(`${flag}=`))).toBe(true);
    }
  });

  it('can be closed twice and then refuses new jobs in French', async () => {
    const extra = await Printer.launch({ executablePath: (await requireBrowser()).executablePath, concurrency: 1 });
    await extra.close();
    await extra.close();
    await expect(extra.print(frenchJob())).rejects.toThrow(/fermé/);
  });
});
