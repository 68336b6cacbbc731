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
import { createHash } from 'node:crypto';
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
  // As minutier's printer (src/print/served-fonts.ts): the fonts of the documents' styles named by URL and answered
  // from memory, so that Chromium decodes each font once, not once per document (round 10). The same PDFs.
  const fonts = new Map();
  const FONT_URL = /^https:\/\/fonts\.minutier\.invalid\/([0-9a-f]{32})\.woff2$/u;
  const servedFonts = (html) =>
    process.env.BARE_INLINE_FONTS === '1'
      ? html
      : html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style)/giu, (_, open, css, close) => {
          const named = css.replace(
            /url\((["']?)data:font\/woff2;base64,([A-Za-z0-9+/]+={0,2})\1\)/gu,
            (__, quote, base64) => {
              const name = createHash('sha256').update(base64).digest('hex').slice(0, 32);
              if (!fonts.has(name)) fonts.set(name, Buffer.from(base64, 'base64'));
              return `url(${quote}https://fonts.minutier.invalid/${name}.woff2${quote})`;
            },
          );
          return open + named + close;
        });
  if (process.env.BARE_INLINE_FONTS !== '1') {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const font = fonts.get(FONT_URL.exec(request.url())?.[1]);
      if (font) {
        void request.respond({
          status: 200,
          contentType: 'font/woff2',
          headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=31536000, immutable' },
          body: font,
        });
      } else if (request.url().startsWith('data:')) void request.continue();
      else void request.abort();
    });
  }
  for (const file of jobs.files) {
    await page.setContent(servedFonts(await readFile(file.html, 'utf8')), { waitUntil: 'load' });
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
