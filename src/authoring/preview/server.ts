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
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { loadConfig } from '../../check/index.js';
import { checkFiles } from '../../pipeline/check-files.js';
import type { Session } from '../../model/types.js';
import { clearOrganisationCache } from '../../parse/organisation.js';
import { renderSessionHtml } from '../../render/index.js';
import { renderReview } from '../../render/review.js';
import type { Printer } from '../../print/printer.js';
import { AuthoringError, sessionFiles } from '../shared.js';

export interface PreviewOptions {
  cwd: string;
  /** 0: a free port chosen by the system. */
  port: number;
  /** The session file; default: the last one of sessions/. */
  session?: string;
}

const DEBOUNCE_MS = 25;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

function where(message: VFileMessage): string {
  return message.line ? `ligne ${message.line}${message.column ? `, colonne ${message.column}` : ''}` : '';
}

/** The page shown when the session cannot be read (YAML being typed, unknown key…): every error where it is. */
function errorPage(sessionPath: string, files: VFile[], source: string | undefined): string {
  const items: string[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      const lines = typeof file.value === 'string' ? file.value.split(/\r?\n/u) : source?.split(/\r?\n/u) ?? [];
      const line = message.line ? lines[message.line - 1] : undefined;
      items.push(
        `<li class="${message.fatal ? 'error' : 'warning'}"><p><strong>${escapeHtml(file.path)}</strong>${where(message) ? ` — ${where(message)}` : ''}` +
          ` <code>${escapeHtml(message.ruleId ?? '')}</code></p><p>${escapeHtml(message.reason)}</p>` +
          (line !== undefined ? `<pre>${escapeHtml(line)}\n${' '.repeat(Math.max(0, (message.column ?? 1) - 1))}^</pre>` : '') +
          '</li>',
      );
    }
  }
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Aperçu — ${escapeHtml(sessionPath)} illisible</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto 4rem;max-width:52rem;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem;color:#a00}li{margin:0 0 1rem}li.error p:first-child{color:#a00}pre{background:#f4f4f4;padding:.5rem;overflow:auto}</style>
</head><body class="preview-error"><h1>La séance ne peut pas être lue</h1>
<p>${escapeHtml(sessionPath)} : corrigez ce qui suit et enregistrez, la page se mettra à jour.</p><ol>${items.join('')}</ol></body></html>`;
}

/** The server's own bar and live-reload script, added to the page (the session's content has no script). */
function decorate(html: string, nonce: string, version: number): string {
  const bar =
    `<div id="minutier-apercu" data-version="${version}"><span>Aperçu en direct</span> <a href="/pdf" target="_blank" rel="noopener">PDF</a></div>` +
    '<style>#minutier-apercu{position:fixed;right:1rem;bottom:1rem;z-index:1000;background:#1f3a5f;color:#fff;' +
    'font:14px system-ui,sans-serif;padding:.4rem .8rem;border-radius:.4rem;box-shadow:0 2px 6px #0004}' +
    '#minutier-apercu a{color:#fff;font-weight:600;margin-left:.6rem}@media print{#minutier-apercu{display:none}}</style>' +
    `<script nonce="${nonce}">(()=>{if(window.__minutierLive)return;window.__minutierLive=1;` +
    'const events=new EventSource("/events");' +
    'events.addEventListener("reload",async()=>{' +
    'const response=await fetch("/",{cache:"no-store"});if(!response.ok)return;' +
    'const next=new DOMParser().parseFromString(await response.text(),"text/html");' +
    'const x=scrollX,y=scrollY;document.title=next.title;' +
    // The styles carry the inlined fonts (a few hundred kB): swapped only when they changed.
    'const css=(d)=>[...d.head.querySelectorAll("style")].map((s)=>s.textContent).join("");' +
    'if(css(next)!==css(document)){for(const s of document.head.querySelectorAll("style"))s.remove();' +
    'for(const s of next.head.querySelectorAll("style"))document.head.append(s);}' +
    'document.body.replaceWith(document.adoptNode(next.body));scrollTo(x,y);' +
    '});})();</script>';
  const at = html.lastIndexOf('</body>');
  return at < 0 ? `${html}${bar}` : `${html.slice(0, at)}${bar}${html.slice(at)}`;
}

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "img-src 'self' data:",
    'font-src data:',
    "style-src 'unsafe-inline'",
    `script-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

function documentDate(session: Session): Date {
  const [hours = 0, minutes = 0] = (/(\d{1,2})\s*h\s*(\d{0,2})/u.exec(session.time?.value ?? '') ?? [])
    .slice(1)
    .map((n) => Number(n || 0));
  return new Date(`${session.date.value}T${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:00Z`);
}

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
      const organisationFile = file?.data.organisationFile as VFile | undefined;
      const files = [file!, ...(organisationFile && organisationFile.messages.length > 0 ? [organisationFile] : [])];
      if (session && file) {
        const messages = [...file.messages, ...(organisationFile?.messages ?? [])];
        this.#state = { version, html: renderReview(session, messages), session };
      } else {
        this.#state = { version, html: errorPage(shown, files, typeof file?.value === 'string' ? file.value : undefined) };
      }
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.#state = {
        version,
        html: `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Aperçu — erreur</title></head><body><h1>L'aperçu n'a pas pu être produit</h1><p>${escapeHtml(text)}</p></body></html>`,
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
      response.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
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
        response.end('La séance ne peut pas être lue : corrigez les erreurs affichées dans l’aperçu, puis redemandez le PDF.');
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
    const document = renderSessionHtml(session);
    return await printer.print({
      html: document.html,
      title: document.title,
      author: session.organisation.name.value,
      subject: document.subject,
      keywords: ['procès-verbal', session.instance.value, session.date.value],
      lang: 'fr-FR',
      headerTemplate: document.headerTemplate,
      footerTemplate: document.footerTemplate,
      date: documentDate(session),
      documentId: `${session.id}/preview`,
    });
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
    throw new AuthoringError('Aucune séance dans sessions/ : préparez-en une avec « minutier new », ou indiquez le fichier à afficher.');
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
    if (code === 'EADDRINUSE') throw new AuthoringError(`le port ${options.port} est déjà pris : choisissez-en un autre (--port) ou laissez minutier le choisir.`);
    throw error;
  }
  const shown = path.relative(options.cwd, sessionFile) || sessionFile;
  process.stdout.write(`Aperçu de ${shown} : ${server.url}\nLa page se met à jour à chaque enregistrement. Ctrl+C pour arrêter.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}

