/**
 * `minutier preview`: a local server (127.0.0.1 only) showing one session as its review page — the PV with every
 * finding highlighted in place — refreshed in the browser as soon as the session or its organisation is saved.
 *
 * - Watching: chokidar on the session file and on organisations/ (editors' atomic saves included), debounced.
 * - Live reload: Server-Sent Events on /events; the page's only script is the server's own (a per-run nonce in the
 *   Content-Security-Policy), which fetches the new page and swaps its body in, keeping the scroll position.
 *   Nothing from the session can run: the PV is sanitized as for printing, and the CSP allows no other script.
 * - Broken input (YAML mid-typing): the page lists the errors at their line and column; the server keeps running.
 * - /pdf: the PV printed by one browser launched at the first request and kept for the next ones.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { loadConfig } from '../../check/index.js';
import { checkFiles } from '../../pipeline/check-files.js';
import type { Session } from '../../model/types.js';
import { clearOrganisationCache } from '../../parse/organisation.js';
import { renderReview } from '../../render/review.js';
import type { Printer } from '../../print/printer.js';
import { AuthoringError, sessionFiles } from '../shared.js';
import { errorPage, failurePage } from './error-page.js';
import { contentSecurityPolicy, decorate } from './live-reload.js';
import { printPreviewPdf } from './preview-pdf.js';

export interface PreviewOptions {
  cwd: string;
  /** 0: a free port chosen by the system. */
  port: number;
  /** The session file; default: the last one of sessions/. */
  session?: string;
}

const DEBOUNCE_MS = 25;

interface State {
  version: number;
  html: string;
  session?: Session;
}

export class PreviewServer {
  readonly sessionFile: string;
  readonly #cwd: string;
  readonly #port: number;
  readonly #nonce = randomBytes(16).toString('base64');
  readonly #server: http.Server;
  readonly #clients = new Set<http.ServerResponse>();
  #state: State = { version: 0, html: '' };
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;
  #rendering: Promise<void> = Promise.resolve();
  #printer: Promise<Printer> | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #address = '';

  constructor(sessionFile: string, cwd: string, port: number) {
    this.sessionFile = sessionFile;
    this.#cwd = cwd;
    this.#port = port;
    this.#server = http.createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
      });
    });
  }

  /** The page's address, http://127.0.0.1:<port>/ */
  get url(): string {
    return this.#address;
  }

  get version(): number {
    return this.#state.version;
  }

  async start(): Promise<string> {
    await this.#render();
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    const { port } = this.#server.address() as AddressInfo;
    this.#address = `http://127.0.0.1:${port}/`;
    const { watch } = await import('chokidar');
    const targets = [this.sessionFile, path.join(this.#cwd, 'organisations')].filter((t) => existsSync(t));
    for (const config of ['minutier.config.json', '.minutierrc.json']) targets.push(path.join(this.#cwd, config));
    this.#watcher = watch(targets, { ignoreInitial: true });
    this.#watcher.on('all', () => this.#changed());
    await new Promise<void>((resolve) => this.#watcher!.once('ready', () => resolve()));
    this.#heartbeat = setInterval(() => {
      for (const client of this.#clients) client.write(': ok\n\n');
    }, 15_000);
    this.#heartbeat.unref();
    return this.#address;
  }

  async close(): Promise<void> {
    clearTimeout(this.#timer);
    clearInterval(this.#heartbeat);
    await this.#watcher?.close();
    for (const client of this.#clients) client.end();
    this.#clients.clear();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    const printer = await this.#printer?.catch(() => undefined);
    await printer?.close();
  }

  #changed(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#rendering = this.#rendering.then(() => this.#render()).then(() => this.#broadcast());
    }, DEBOUNCE_MS);
  }

  #broadcast(): void {
    for (const client of this.#clients) client.write(`event: reload\ndata: ${this.#state.version}\n\n`);
  }

  async #render(): Promise<void> {
    const shown = path.relative(this.#cwd, this.sessionFile) || this.sessionFile;
    const version = this.#state.version + 1;
    try {
      clearOrganisationCache();
      const config = await loadConfig(this.#cwd);
      // The parser looks for the organisation from the file's path as seen from the process's folder.
      const [file] = await checkFiles([this.sessionFile], { config, cwd: process.cwd() });
      const session = file?.data.session as Session | undefined;
      const organisationFile = file?.data.organisationFile;
      const files = [file!, ...(organisationFile && organisationFile.messages.length > 0 ? [organisationFile] : [])];
      if (session && file) {
        const messages = [...file.messages, ...(organisationFile?.messages ?? [])];
        this.#state = { version, html: renderReview(session, messages), session };
      } else {
        this.#state = {
          version,
          html: errorPage(shown, files, typeof file?.value === 'string' ? file.value : undefined),
        };
      }
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.#state = {
        version,
        html: failurePage(text),
      };
    }
  }

  #allowedHost(host: string | undefined): boolean {
    const port = (this.#server.address() as AddressInfo | null)?.port;
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  }

  async #handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const headers = {
      'content-security-policy': contentSecurityPolicy(this.#nonce),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    // Another site's page reaching this server through a DNS name pointing at 127.0.0.1 gets nothing.
    if (!this.#allowedHost(request.headers.host)) {
      response.writeHead(403, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      response.end('Accès refusé : ouvrez l’aperçu à son adresse 127.0.0.1.');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, allow: 'GET' });
      response.end();
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === '/') {
      await this.#rendering;
      response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      response.end(decorate(this.#state.html, this.#nonce, this.#state.version));
      return;
    }
    if (pathname === '/events') {
      response.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        connection: 'keep-alive',
      });
      response.write(`retry: 500\n\n`);
      this.#clients.add(response);
      request.on('close', () => this.#clients.delete(response));
      return;
    }
    if (pathname === '/pdf') {
      await this.#rendering;
      const session = this.#state.session;
      if (!session) {
        response.writeHead(409, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
        response.end(
          'La séance ne peut pas être lue : corrigez les erreurs affichées dans l’aperçu, puis redemandez le PDF.',
        );
        return;
      }
      const pdf = await this.#print(session);
      response.writeHead(200, {
        ...headers,
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${session.id.replace(/[^A-Za-z0-9._-]/gu, '_')}.pdf"`,
      });
      response.end(pdf);
      return;
    }
    if (pathname === '/favicon.ico') {
      response.writeHead(204, headers);
      response.end();
      return;
    }
    response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Introuvable.');
  }

  async #print(session: Session): Promise<Uint8Array> {
    this.#printer ??= import('../../print/printer.js').then(({ Printer }) => Printer.launch({ concurrency: 1 }));
    let printer: Printer;
    try {
      printer = await this.#printer;
    } catch (error) {
      this.#printer = undefined;
      throw error;
    }
    return printPreviewPdf(printer, session);
  }
}

/** The session to preview: the one given, else the last file of sessions/. */
export async function chooseSession(cwd: string, given: string | undefined): Promise<string> {
  if (given) {
    const file = path.resolve(cwd, given);
    if (!existsSync(file)) throw new AuthoringError(`${given} introuvable.`);
    return file;
  }
  const files = await sessionFiles(path.join(cwd, 'sessions'));
  if (files.length === 0) {
    throw new AuthoringError(
      'Aucune séance dans sessions/ : préparez-en une avec « minutier new », ou indiquez le fichier à afficher.',
    );
  }
  return files.at(-1)!;
}

/** Runs the preview until Ctrl+C (SIGINT) or SIGTERM. */
export async function runPreview(options: PreviewOptions): Promise<number> {
  const sessionFile = await chooseSession(options.cwd, options.session);
  const server = new PreviewServer(sessionFile, options.cwd, options.port);
  try {
    await server.start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new AuthoringError(
        `le port ${options.port} est déjà pris : choisissez-en un autre (--port) ou laissez minutier le choisir.`,
      );
    throw error;
  }
  const shown = path.relative(options.cwd, sessionFile) || sessionFile;
  process.stdout.write(
    `Aperçu de ${shown} : ${server.url}\nLa page se met à jour à chaque enregistrement. Ctrl+C pour arrêter.\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}
