// minutier uses puppeteer-core with a browser found on the machine (see src/print/find-browser.ts).
// md-to-pdf (a dev dependency, for the benchmark only) depends on the full puppeteer package:
// never let its install step download a browser of its own.
module.exports = { skipDownload: true };
