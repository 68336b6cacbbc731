import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CLOSE_GRACE_MS, noop, settlesWithin } from './deadline.js';
import { PagePool } from './page-pool.js';
import { PrintError, describeFailure } from './print-error.js';

/** One launched browser, its throw-away profile folder and its pages. */
export interface BrowserSession {
  browser: Browser;
  userDataDir: string;
  pages: PagePool;
  disposed?: Promise<void>;
}

/**
 * Launches one headless Chromium on demand, launches a new one when the current one crashed or hung, and closes it
 * (killing it if it does not close, removing its profile folder).
 */
export class BrowserLifecycle {
  readonly #executablePath: string;
  readonly #protocolTimeoutMs: number;
  #session: BrowserSession | undefined;
  #starting: Promise<BrowserSession> | undefined;
  #launches = 0;
  #closed = false;

  constructor(executablePath: string, protocolTimeoutMs: number) {
    this.#executablePath = executablePath;
    this.#protocolTimeoutMs = protocolTimeoutMs;
  }

  /** Process id of the current browser. */
  get pid(): number | undefined {
    return this.#session?.browser.process()?.pid;
  }

  /** How many times a browser was started, relaunches included. */
  get launches(): number {
    return this.#launches;
  }

  /** Whether `session` is still the browser in use. */
  isCurrent(session: BrowserSession): boolean {
    return this.#session === session;
  }

  /** The running browser, launched (again) when there is none or it is disconnected. */
  async ensure(): Promise<BrowserSession> {
    if (this.#closed) throw new PrintError('L’imprimeur PDF est fermé.');
    const current = this.#session;
    if (current && current.browser.connected) return current;
    if (current) void this.discard(current);
    this.#starting ??= this.#start().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  /** Stops using `session` and closes its browser. */
  discard(session: BrowserSession): Promise<void> {
    if (this.#session === session) this.#session = undefined;
    session.disposed ??= disposeSession(session);
    return session.disposed;
  }

  /** Closes the browser (one being launched included); no other is launched afterwards. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#starting?.catch(noop);
    const session = this.#session;
    if (session) await this.discard(session);
  }

  async #start(): Promise<BrowserSession> {
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
        protocolTimeout: this.#protocolTimeoutMs,
      });
    } catch (error) {
      await removeDir(userDataDir);
      throw new PrintError(
        `Impossible de démarrer le navigateur « ${this.#executablePath} » : ${describeFailure(error)}. ` +
          'Vérifiez qu’il s’agit bien de Chromium ou Chrome (variable CHROME_PATH).',
        { cause: error },
      );
    }
    const session: BrowserSession = { browser, userDataDir, pages: new PagePool(browser) };
    this.#launches++;
    if (this.#closed) {
      await this.discard(session);
      throw new PrintError('L’imprimeur PDF est fermé.');
    }
    this.#session = session;
    return session;
  }
}

/**
 * Flags for a closed, quiet run: nothing phones home, and no host name resolves to anything. One more for speed: the
 * compositor on the renderer's main thread (nothing here scrolls or animates), a sixth less of the browser's CPU per
 * PV with the same PDFs (docs/performance.md, « Build, round 6 »).
 */
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
    '--disable-threaded-compositing',
  ];
  // Chromium refuses to start as root with its sandbox on; elsewhere keep it.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

async function disposeSession(session: BrowserSession): Promise<void> {
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
