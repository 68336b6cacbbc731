import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBrowser } from '../../src/print/find-browser.js';
import { Printer } from '../../src/print/printer.js';
import { pageFooter } from './header-footer-template.js';
import { frenchJob } from './fixtures.js';
import { inspectPdf } from './pdf-inspect.js';

// Session content arrives in pull requests: the printing page must run no script and reach nothing but data: URLs
// and the allowed asset folders.

let printer: Printer;
let server: http.Server;
let origin: string;
const requests: string[] = [];
let connections = 0;
let workDir: string;
let allowedDir: string;
let outsideDir: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    response.setHeader('Content-Type', 'text/css');
    response.end('body::after { content: "FUITE-RESEAU"; }');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  workDir = await mkdtemp(path.join(os.tmpdir(), 'minutier-print-test-'));
  allowedDir = path.join(workDir, 'assets');
  outsideDir = path.join(workDir, 'secret');
  await mkdir(allowedDir);
  await mkdir(outsideDir);
  await writeFile(path.join(allowedDir, 'autorise.css'), 'p.marque::after { content: " STYLE-AUTORISE"; }');
  await writeFile(path.join(outsideDir, 'fuite.css'), 'body::before { content: "FUITE-FICHIER"; }');
  await writeFile(path.join(outsideDir, 'fuite.html'), '<p>FUITE-CADRE</p>');
  await symlink(path.join(outsideDir, 'fuite.css'), path.join(allowedDir, 'lien.css'));

  const browser = await requireBrowser();
  printer = await Printer.launch({ executablePath: browser.executablePath, concurrency: 2, timeoutMs: 30_000 });
});

afterAll(async () => {
  await printer?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function hostileDocument(): string {
  const file = (name: string) => pathToFileURL(path.join(outsideDir, name)).href;
  const allowed = (name: string) => pathToFileURL(path.join(allowedDir, name)).href;
  const dotDot = `${pathToFileURL(allowedDir).href}/../secret/fuite.css`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=${origin}/refresh">
<link rel="stylesheet" href="${origin}/link.css">
<link rel="stylesheet" href="${allowed('autorise.css')}">
<link rel="stylesheet" href="${allowed('lien.css')}">
<link rel="stylesheet" href="${dotDot}">
<link rel="stylesheet" href="${file('fuite.css')}">
<link rel="preconnect" href="${origin}">
<link rel="dns-prefetch" href="${origin}">
<link rel="prefetch" href="${origin}/prefetch">
<link rel="preload" as="style" href="${origin}/preload.css">
<link rel="icon" href="${origin}/favicon.ico">
<style>
  @import url("${origin}/import.css");
  @import url("${file('fuite.css')}");
  @font-face { font-family: Distante; src: url("${origin}/font.woff2"); }
  body { background: url("${origin}/background.png"); font-family: Distante, serif; }
  h1 { list-style-image: url("${origin}/list.png"); }
</style>
</head>
<body>
<h1>Document hostile</h1>
<p class="marque">Texte légitime</p>
<p id="cible">SCRIPT-NON-EXECUTE</p>
<script>document.getElementById('cible').textContent = 'SCRIPT-EXECUTE'; document.write('SCRIPT-ECRIT');</script>
<img src="${origin}/image.png" alt="">
<img src="file:///etc/passwd" alt="">
<img srcset="${origin}/srcset.png 1x" alt="">
<picture><source srcset="${origin}/source.png"><img src="${origin}/picture.png" alt=""></picture>
<iframe src="file:///etc/hostname"></iframe>
<iframe src="${file('fuite.html')}"></iframe>
<iframe src="${origin}/iframe"></iframe>
<iframe srcdoc="&lt;img src='${origin}/srcdoc.png'&gt;"></iframe>
<object data="${origin}/object"></object>
<embed src="${origin}/embed">
<video poster="${origin}/poster.png" src="${origin}/video.mp4"></video>
<audio src="${origin}/audio.mp3"></audio>
<svg width="20" height="20"><image href="${origin}/svg-image.png" width="10" height="10"/><use href="${origin}/sprite.svg#x"/></svg>
<a href="${origin}/lien" ping="${origin}/ping">lien</a>
<form action="${origin}/form"><input type="image" src="${origin}/input.png" alt=""></form>
</body>
</html>`;
}

describe('closed printing page', () => {
  // With allowed folders the document is served to the page under a file: URL; without (minutier's own documents,
  // whose fonts and images are inlined), it is written into the page: both paths must be closed.
  it.each([
    { path: 'document served, with allowed folders', allowedDirs: () => [allowedDir], styled: true },
    { path: 'document written into the page, no allowed folder', allowedDirs: () => [], styled: false },
  ])('$path: runs no script, makes no network request or connection, loads only allowed files', async (mode) => {
    requests.length = 0;
    connections = 0;
    const bytes = await printer.print(
      frenchJob({
        html: hostileDocument(),
        title: 'Document hostile',
        allowedDirs: mode.allowedDirs(),
        headerTemplate: `<div style="font-size:8pt">En-tête<img src="${origin}/header.png"></div>`,
        footerTemplate: pageFooter(),
      }),
    );
    // Give late requests (refresh, prefetch) a chance to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requests).toEqual([]);
    expect(connections).toBe(0);

    const text = (await inspectPdf(bytes)).pages.join('\n');
    expect(text).toContain('Document hostile');
    if (mode.styled) expect(text).toContain('STYLE-AUTORISE');
    else expect(text).not.toContain('STYLE-AUTORISE');
    expect(text).toContain('SCRIPT-NON-EXECUTE');
    for (const forbidden of [
      'SCRIPT-EXECUTE',
      'SCRIPT-ECRIT',
      'FUITE-RESEAU',
      'FUITE-FICHIER',
      'FUITE-CADRE',
      'root:x:0:0',
    ]) {
      expect(text).not.toContain(forbidden);
    }
    const hostname = (await readFile('/etc/hostname', 'utf8').catch(() => '')).trim();
    if (hostname.length >= 4) expect(text).not.toContain(hostname);
  });

  it('keeps the document when a meta refresh points elsewhere', async () => {
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
      <meta http-equiv="refresh" content="0; url=data:text/html,REMPLACE"></head>
      <body><h1>Document conservé</h1></body></html>`;
    const text = (await inspectPdf(await printer.print(frenchJob({ html, allowedDirs: [] })))).pages.join('\n');
    expect(text).toContain('Document conservé');
    expect(text).not.toContain('REMPLACE');
  });
});
