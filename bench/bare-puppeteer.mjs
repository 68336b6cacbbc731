#!/usr/bin/env node
/**
 * The floor minutier is compared with: a bare Puppeteer loop that prints minutier's own HTML files with one browser
 * and one reused page, emulated as print as minutier's are (`page.setContent` then `page.pdf`, the same PDF options as
 * src/print/printer.ts), nothing else: no check, no rendering, no request filtering, no PDF post-processing.
 *
 *   node bench/bare-puppeteer.mjs <jobs.json>
 *
 * jobs.json: { executablePath, headerTemplate, footerTemplate, files: [{ html, pdf }] }.
 */
import { readFile, writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';

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
  for (const file of jobs.files) {
    await page.setContent(await readFile(file.html, 'utf8'), { waitUntil: 'load' });
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
