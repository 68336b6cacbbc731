import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { FONT_ORIGIN, fontResponse, type FontStore } from './served-fonts.js';

/**
 * Content-Security-Policy sent with every printed document. Request interception is the main gate; the CSP adds
 * a second one enforced by Blink itself, and covers what interception cannot see (data: frames, plugins).
 */
export const PRINT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  'img-src data: file:',
  // The fonts the printer hands the page from memory (src/print/served-fonts.ts): only the interceptor answers there.
  `font-src data: file: ${FONT_ORIGIN}`,
  "style-src 'unsafe-inline' data: file:",
  "script-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "object-src 'none'",
  "media-src 'none'",
  "connect-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * `html` with the policy as its very first element (after a leading doctype, so the document keeps its standards
 * mode): the parser puts it first in `<head>`, before anything of the document can request something, and Blink
 * enforces it for the whole document. Used when the document is written into the page rather than served with the
 * policy as a header.
 */
export function withContentSecurityPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}">`;
  const doctype = /^\uFEFF?\s*<!doctype\b[^>]*>/iu.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + meta + html.slice(at);
}

/** Resolves allowed folders once per job: absolute and with symlinks resolved. */
export async function resolveAllowedDirs(dirs: readonly string[]): Promise<string[]> {
  const resolved: string[] = [];
  for (const dir of dirs) {
    if (!path.isAbsolute(dir)) {
      throw new Error(`Dossier autorisé pour l’impression non absolu : « ${dir} ».`);
    }
    try {
      resolved.push(await realpath(dir));
    } catch {
      // A folder that does not exist allows nothing.
    }
  }
  return resolved;
}

/**
 * Whether a `file:` subresource may be loaded: its real path (symlinks and `..` resolved) must exist and lie inside
 * one of the (already resolved) allowed folders.
 */
export async function isAllowedFileUrl(url: string, resolvedAllowedDirs: readonly string[]): Promise<boolean> {
  if (resolvedAllowedDirs.length === 0) return false;
  let real: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
    parsed.search = '';
    parsed.hash = '';
    real = await realpath(fileURLToPath(parsed));
  } catch {
    return false;
  }
  return resolvedAllowedDirs.some((dir) => real.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep));
}

/**
 * The document a page is printing: served once, from memory, at its own URL (`documentUrl`), or already written into
 * the page (`documentUrl` undefined, see printer.ts), in which case every navigation is cancelled.
 */
export interface ActiveJob {
  documentUrl: string | undefined;
  html: string;
  resolvedAllowedDirs: string[];
  served: boolean;
  /** The fonts the document names under FONT_ORIGIN, answered from memory. */
  fonts?: FontStore;
}

/**
 * Answers one request of a printing page: the job's document is served from memory (once, to the main frame), and so
 * are the fonts the printer gave it; data: and allowed file: subresources load, every other navigation is cancelled
 * and everything else is blocked.
 */
export async function routeRequest(request: HTTPRequest, job: ActiveJob | undefined, page: Page): Promise<void> {
  const url = request.url();
  if (
    job &&
    !job.served &&
    job.documentUrl !== undefined &&
    url === job.documentUrl &&
    request.isNavigationRequest() &&
    request.frame() === page.mainFrame()
  ) {
    job.served = true;
    await request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': PRINT_CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-store' },
      body: job.html,
    });
    return;
  }
  // Any other navigation (meta refresh, frames, objects) is cancelled without replacing the document by an
  // error page, which a "blocked" error would do.
  if (request.isNavigationRequest()) return request.abort('aborted');
  const font = job?.fonts?.lookup(url);
  if (font) return request.respond(fontResponse(font));
  if (job && url.startsWith('data:')) return request.continue();
  if (job && url.startsWith('file:') && (await isAllowedFileUrl(url, job.resolvedAllowedDirs))) {
    return request.continue();
  }
  return request.abort('blockedbyclient');
}
