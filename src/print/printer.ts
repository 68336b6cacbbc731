import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { requireBrowser } from './find-browser.js';
import { headingTitles } from './outline-titles.js';
import { finalizePdf } from './pdf-finalize.js';
import { PRINT_CONTENT_SECURITY_POLICY, isAllowedFileUrl, resolveAllowedDirs } from './request-policy.js';

export { escapeHtml, pageFooter, runningHeader, type TemplateStyle } from './header-footer-template.js';

export interface PrinterOptions {
  /** Browser executable; found with findBrowser() when absent. */
  executablePath?: string;
  /** Pages printing at the same time (default: os.availableParallelism()). */
  concurrency?: number;
  /** Default time limit for one print attempt, in milliseconds (default 60 000). */
  timeoutMs?: number;
}

export interface PrintJob {
  /** Standalone HTML document. Scripts never run; only data: URLs and files inside allowedDirs load. */
  html: string;
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  /** BCP 47 language of the document, e.g. `fr-FR`. */
  lang: string;
  /**
   * Chromium header and footer templates (`displayHeaderFooter`), with fixed margins and A4. Both empty: the
   * document's CSS `@page` rules (size, margins, margin boxes such as `@bottom-right { content: counter(page) }`) apply.
   */
  headerTemplate: string;
  footerTemplate: string;
  /** Fixed document date, used for CreationDate and ModDate. */
  date: Date;
  /** Stable identifier derived from the session by the caller; the PDF's trailer /ID is derived from it. */
  documentId: string;
  /** Absolute folders whose files may be loaded through file:// (minutier's assets). */
  allowedDirs?: string[];
  /** Time limit for one attempt of this job, in milliseconds. */
  timeoutMs?: number;
}

/** Any failure to print; the message is in French and meant for the user. */
export class PrintError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrintError';
  }
}

class AttemptTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`délai de ${timeoutMs} ms dépassé`);
    this.name = 'AttemptTimeoutError';
  }
}

const DEFAULT_TIMEOUT_MS = 60_000;
const ATTEMPTS = 2;
/** How long a page or browser gets to close before it is considered hung. */
const CLOSE_GRACE_MS = 5_000;
const PAGE_MARGIN = { top: '22mm', bottom: '20mm', left: '20mm', right: '20mm' } as const;

interface ActiveJob {
  documentUrl: string;
  html: string;
  resolvedAllowedDirs: string[];
  served: boolean;
}

interface PageSlot {
  page: Page;
  job: ActiveJob | undefined;
}

interface Session {
  browser: Browser;
  userDataDir: string;
  idle: PageSlot[];
  disposed?: Promise<void>;
}

const noop = () => undefined;

/**
 * Prints standalone HTML documents to PDF with one headless Chromium for the whole run. The printing page is closed:
 * no script, no network, no file outside the allowed folders. Output is byte-for-byte reproducible for a given job.
 * A crashed browser is relaunched and a failed job retried once. Always `close()` it (in a `finally`).
 */
export class Printer {
  readonly #executablePath: string;
  readonly #concurrency: number;
  readonly #timeoutMs: number;
  #session: Session | undefined;
  #starting: Promise<Session> | undefined;
  #launches = 0;
  #active = 0;
  readonly #waiting: Array<() => void> = [];
  #closed = false;
  #closing: Promise<void> | undefined;
  #sequence = 0;

  private constructor(executablePath: string, concurrency: number, timeoutMs: number) {
    this.#executablePath = executablePath;
    this.#concurrency = concurrency;
    this.#timeoutMs = timeoutMs;
  }

  static async launch(options: PrinterOptions = {}): Promise<Printer> {
    const executablePath = options.executablePath ?? (await requireBrowser()).executablePath;
    const concurrency = Math.max(1, Math.floor(options.concurrency ?? os.availableParallelism()));
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const printer = new Printer(executablePath, concurrency, timeoutMs);
    await printer.#ensureSession();
    return printer;
  }

  /** Process id of the current browser (diagnostics, tests). */
  get browserPid(): number | undefined {
    return this.#session?.browser.process()?.pid;
  }

  /** How many times a browser was started, relaunches included. */
  get launches(): number {
    return this.#launches;
  }

  async print(job: PrintJob): Promise<Uint8Array> {
    validateJob(job);
    if (this.#closed) throw closedError(job);
    const resolvedAllowedDirs = await resolveAllowedDirs(job.allowedDirs ?? []);
    await this.#acquire();
    try {
      if (this.#closed) throw closedError(job);
      const raw = await this.#printWithRetry(job, resolvedAllowedDirs);
      return await finalizePdf(raw, {
        title: job.title,
        author: job.author,
        subject: job.subject,
        keywords: job.keywords,
        lang: job.lang,
        date: job.date,
        documentId: job.documentId,
        contentFingerprint: fingerprint(job),
        headings: headingTitles(job.html),
      });
    } finally {
      this.#release();
    }
  }

  /** Closes the browser and removes its profile folder. Safe to call more than once. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#closed = true;
      // Woken waiters see #closed and give their place back through #release.
      for (const wake of this.#waiting.splice(0)) {
        this.#active++;
        wake();
      }
      await this.#starting?.catch(noop);
      const session = this.#session;
      if (session) await this.#discard(session);
    })();
    return this.#closing;
  }

  async #printWithRetry(job: PrintJob, resolvedAllowedDirs: string[]): Promise<Uint8Array> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (this.#closed) throw closedError(job);
      try {
        return await this.#attempt(job, resolvedAllowedDirs);
      } catch (error) {
        if (this.#closed) throw closedError(job);
        lastError = error;
      }
    }
    throw new PrintError(
      `Impossible d’imprimer « ${job.title} » en PDF après ${ATTEMPTS} tentatives : ${describe(lastError)}.`,
      { cause: lastError },
    );
  }

  async #attempt(job: PrintJob, resolvedAllowedDirs: string[]): Promise<Uint8Array> {
    const session = await this.#ensureSession();
    const timeoutMs = job.timeoutMs ?? this.#timeoutMs;
    let slot: PageSlot | undefined;
    let abandoned = false;
    const work = (async () => {
      const taken = await this.#takePage(session);
      slot = taken;
      if (abandoned) throw new Error('tentative abandonnée');
      return this.#render(taken, job, resolvedAllowedDirs, timeoutMs);
    })();

    try {
      const raw = await withDeadline(work, timeoutMs);
      const done = slot as PageSlot | undefined;
      if (done) this.#recycle(session, done);
      return raw;
    } catch (error) {
      abandoned = true;
      const failed = slot as PageSlot | undefined;
      let healthy = session.browser.connected;
      if (failed) {
        failed.job = undefined;
        healthy = healthy && (await settlesWithin(failed.page.close(), CLOSE_GRACE_MS));
      } else {
        // The page is still being created: close it whenever it arrives.
        void work.then(noop, noop).finally(() => void (slot as PageSlot | undefined)?.page.close().catch(noop));
        if (error instanceof AttemptTimeoutError) healthy = false;
      }
      if (!healthy) await this.#discard(session);
      throw error;
    }
  }

  async #render(slot: PageSlot, job: PrintJob, resolvedAllowedDirs: string[], timeoutMs: number): Promise<Uint8Array> {
    const page = slot.page;
    // Each job gets its own URL so that nothing can confuse it with a previous document of the same page.
    const documentUrl = `file:///__minutier__/document-${++this.#sequence}.html`;
    slot.job = { documentUrl, html: job.html, resolvedAllowedDirs, served: false };
    const response = await page.goto(documentUrl, { waitUntil: 'load', timeout: timeoutMs });
    if (!response || !response.ok()) throw new Error('le document HTML n’a pas pu être chargé dans le navigateur');
    // Without header/footer templates the document's own `@page` rules decide size, margins and the running header
    // and footer (CSS margin boxes, drawn with the page's fonts): the fast path, and the one minutier's documents take.
    const templates = job.headerTemplate !== '' || job.footerTemplate !== '';
    const pdf = await page.pdf({
      format: 'A4',
      ...(templates
        ? {
            displayHeaderFooter: true,
            headerTemplate: job.headerTemplate,
            footerTemplate: job.footerTemplate,
            margin: PAGE_MARGIN,
            preferCSSPageSize: false,
          }
        : { displayHeaderFooter: false, preferCSSPageSize: true }),
      printBackground: true,
      tagged: true,
      outline: true,
      // Waits for document.fonts.ready through DevTools, which works with page scripts disabled.
      waitForFonts: true,
      timeout: timeoutMs,
    });
    slot.job = undefined;
    return pdf;
  }

  #recycle(session: Session, slot: PageSlot): void {
    slot.job = undefined;
    if (this.#session === session && session.browser.connected && !slot.page.isClosed()) {
      session.idle.push(slot);
    } else {
      void slot.page.close().catch(noop);
    }
  }

  async #takePage(session: Session): Promise<PageSlot> {
    while (session.idle.length > 0) {
      const slot = session.idle.pop()!;
      if (!slot.page.isClosed()) return slot;
    }
    const page = await session.browser.newPage();
    const slot: PageSlot = { page, job: undefined };
    page.on('request', (request) => void routeRequest(slot, request).catch(noop));
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    return slot;
  }

  async #ensureSession(): Promise<Session> {
    if (this.#closed) throw new PrintError('L’imprimeur PDF est fermé.');
    const current = this.#session;
    if (current && current.browser.connected) return current;
    if (current) void this.#discard(current);
    this.#starting ??= this.#startSession().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  async #startSession(): Promise<Session> {
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'minutier-chromium-'));
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath: this.#executablePath,
        headless: 'shell',
        pipe: true,
        userDataDir,
        args: launchArgs(),
        timeout: 60_000,
        protocolTimeout: Math.max(this.#timeoutMs * 2, 60_000),
      });
    } catch (error) {
      await removeDir(userDataDir);
      throw new PrintError(
        `Impossible de démarrer le navigateur « ${this.#executablePath} » : ${describe(error)}. ` +
          'Vérifiez qu’il s’agit bien de Chromium ou Chrome (variable CHROME_PATH).',
        { cause: error },
      );
    }
    const session: Session = { browser, userDataDir, idle: [] };
    this.#launches++;
    if (this.#closed) {
      await this.#discard(session);
      throw new PrintError('L’imprimeur PDF est fermé.');
    }
    this.#session = session;
    return session;
  }

  #discard(session: Session): Promise<void> {
    if (this.#session === session) this.#session = undefined;
    session.disposed ??= disposeSession(session);
    return session.disposed;
  }

  async #acquire(): Promise<void> {
    if (this.#active < this.#concurrency) {
      this.#active++;
      return;
    }
    // #release hands its place over directly, so #active stays the same.
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }
}

/** Flags for a closed, quiet run: nothing phones home, and no host name resolves to anything. */
function launchArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-domain-reliability',
    '--no-pings',
    // Also catches what request interception never sees, like <link rel=preconnect> (IP literals included).
    '--host-resolver-rules=MAP * ~NOTFOUND',
  ];
  // Chromium refuses to start as root with its sandbox on; elsewhere keep it.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

async function routeRequest(slot: PageSlot, request: HTTPRequest): Promise<void> {
  const job = slot.job;
  const url = request.url();
  if (
    job &&
    !job.served &&
    url === job.documentUrl &&
    request.isNavigationRequest() &&
    request.frame() === slot.page.mainFrame()
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
  if (job && url.startsWith('data:')) return request.continue();
  if (job && url.startsWith('file:') && (await isAllowedFileUrl(url, job.resolvedAllowedDirs))) {
    return request.continue();
  }
  return request.abort('blockedbyclient');
}

async function disposeSession(session: Session): Promise<void> {
  const child = session.browser.process();
  if (session.browser.connected) await settlesWithin(session.browser.close(), CLOSE_GRACE_MS);
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await settlesWithin(exited, CLOSE_GRACE_MS);
  }
  await removeDir(session.userDataDir);
}

async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(noop);
}

/** Resolves like `promise`, or rejects with AttemptTimeoutError after `ms`. */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AttemptTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether `promise` settles successfully within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  try {
    await withDeadline(promise, ms);
    return true;
  } catch {
    return false;
  }
}

function fingerprint(job: PrintJob): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        job.html,
        job.headerTemplate,
        job.footerTemplate,
        job.title,
        job.author,
        job.subject,
        job.keywords ?? [],
        job.lang,
        job.date.toISOString(),
      ]),
    )
    .digest('hex');
}

function validateJob(job: PrintJob): void {
  const problems: string[] = [];
  for (const key of ['html', 'title', 'author', 'subject', 'lang', 'headerTemplate', 'footerTemplate', 'documentId'] as const) {
    if (typeof job[key] !== 'string') problems.push(`« ${key} » doit être une chaîne`);
  }
  if (typeof job.lang === 'string' && job.lang.trim() === '') problems.push('« lang » est vide');
  if (typeof job.documentId === 'string' && job.documentId.trim() === '') problems.push('« documentId » est vide');
  if (!(job.date instanceof Date) || Number.isNaN(job.date.getTime())) problems.push('« date » n’est pas une date valide');
  for (const dir of job.allowedDirs ?? []) {
    if (!path.isAbsolute(dir)) problems.push(`le dossier autorisé « ${dir} » n’est pas un chemin absolu`);
  }
  if (problems.length > 0) {
    throw new PrintError(`Travail d’impression invalide${job.title ? ` (« ${job.title} »)` : ''} : ${problems.join(' ; ')}.`);
  }
}

function closedError(job: PrintJob): PrintError {
  return new PrintError(`L’imprimeur PDF a été fermé avant l’impression de « ${job.title} ».`);
}

function describe(error: unknown): string {
  if (error instanceof AttemptTimeoutError) return error.message;
  if (error instanceof Error) {
    if (/Target closed|Connection closed|Session closed|disconnected|crash/i.test(error.message)) {
      return `le navigateur s’est arrêté ou a planté (${error.message})`;
    }
    return error.message;
  }
  return String(error);
}
