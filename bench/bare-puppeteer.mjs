#!/usr/bin/env node
/**
 * The floor minutier is compared with: a bare Puppeteer loop that prints minutier's own HTML files with one browser
 * and one reused page, emulated as print as minutier's are (`page.setContent` then `page.pdf`, the same PDF options as
 * src/print/printer.ts), the fonts served from memory as minutier's printer serves them, nothing else: no check, no
 * rendering, no request filtering beyond the fonts, no PDF post-processing.
 *
 *   node bench/bare-puppeteer.mjs <jobs.json>        (BARE_INLINE_FONTS=1: the fonts inline, as the HTML has them)
 *
 * jobs.json: { executablePath, headerTemplate, footerTemplate, files: [{ html, pdf }] }.
 */
import { readFile, writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { FontStore, fontResponse } from '../dist/print/served-fonts.js';

const jobs = JSON.parse(await readFile(process.argv[2], 'utf8'));
// --disable-threaded-compositing: the best setting found (round 6), as minutier launches its browser.
const args = [
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-extensions',
  '--disable-threaded-compositing',
];
if (process.getuid?.() === 0) args.push('--no-sandbox');
const browser = await puppeteer.launch({ executablePath: jobs.executablePath, headless: 'shell', pipe: true, args });
try {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  // The best setting found (round 6), as minutier's pages: laid out for print from the start, not for the screen
  // first and then again for print.
  await page.emulateMediaType('print');
  // As minutier's printer, with its own code (src/print/served-fonts.ts): the fonts of the documents' styles named by
  // URL and answered from memory, so that Chromium decodes each font once, not once per document (round 10).
  const fonts = process.env.BARE_INLINE_FONTS === '1' ? undefined : new FontStore();
  if (fonts) {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const font = fonts.lookup(request.url());
      if (font) void request.respond(fontResponse(font));
      else if (request.url().startsWith('data:')) void request.continue();
      else void request.abort();
    });
  }
  for (const file of jobs.files) {
    const html = await readFile(file.html, 'utf8');
    await page.setContent(fonts ? fonts.serve(html) : html, { waitUntil: 'load' });
    // minutier's documents carry their running header and footer as CSS @page margin boxes (no templates): the
    // same print path as src/print/printer.ts.
    const templates = Boolean(jobs.headerTemplate || jobs.footerTemplate);
    const pdf = await page.pdf({
      format: 'A4',
      ...(templates
        ? {
            displayHeaderFooter: true,
            headerTemplate: jobs.headerTemplate,
            footerTemplate: jobs.footerTemplate,
            margin: { top: '22mm', bottom: '20mm', left: '20mm', right: '20mm' },
            preferCSSPageSize: false,
          }
        : { displayHeaderFooter: false, preferCSSPageSize: true }),
      printBackground: true,
      tagged: true,
      outline: true,
      waitForFonts: true,
    });
    await writeFile(file.pdf, pdf);
  }
} finally {
  await browser.close();
}
