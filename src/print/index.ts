export {
  BrowserNotFoundError,
  BrowserPathError,
  findBrowser,
  requireBrowser,
  type BrowserLocation,
} from './find-browser.js';
export { Printer, PrintError, type PrintJob, type PrinterOptions } from './printer.js';
export { finalizePdf, PDF_CREATOR, PDF_PRODUCER, type PdfMetadata } from './pdf-finalize.js';
export { PRINT_CONTENT_SECURITY_POLICY } from './request-policy.js';
