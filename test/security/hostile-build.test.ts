/**
 * The hostile corpus (test/fixtures/hostile) built in ONE real `minutier build` (real Chromium), with a local HTTP
 * server that must receive zero requests and a secret file whose content must appear in no output. Beside the
 * hostile sessions: a clean control session, and broken ones (YAML attacks, limits, binary, empty) that must be
 * reported at their line and column while every other session is still built.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STACK_LINE,
  controlSession,
  copyCorpus,
  hostileSessions,
  listFiles,
  pdfOpens,
  pdfText,
  runCli,
  startSpyServer,
  type CliResult,
} from './helpers.js';

/** Sessions that attack the rendering: they must be built, safely. */
const BUILT = [
  'cadres.md',
  'css.md',
  'en-tete-document.md',
  'fichiers-locaux.md',
  'gestionnaires.md',
  'images-markdown.md',
  'liens.md',
  'script.md',
  'svg.md',
];

interface Refusal {
  /** The line the first error must be on. */
  line: number;
  ruleId?: string;
  /** The French reason must match. */
  reason?: RegExp;
}

/** Sessions that must be refused, each with where the error must point. */
const REFUSED: Record<string, Refusal> = {
  'organisation-chemin.md': { line: 4, ruleId: 'parse-organisation' },
  'cles-lancement.md': { line: 5, ruleId: 'parse-unknown-key', reason: /chrome-args/u },
  'yaml-js-function.md': { line: 5, ruleId: 'parse-yaml' },
  'yaml-python-object.md': { line: 5, ruleId: 'parse-yaml' },
  'tronque.md': { line: 1 },
  'vide.md': { line: 1, ruleId: 'parse-empty' },
  'tableau-5000.md': { line: 21, ruleId: 'parse-limits', reason: /2 ?000 lignes|lignes/u },
  'gros-3mo.md': { line: 1, ruleId: 'parse-limits', reason: /Mo/u },
  'binaire.md': { line: 1, ruleId: 'parse-encoding' },
};

/** Generated here rather than stored: too big, or not text. */
async function writeGenerated(sessions: string): Promise<void> {
  const header = controlSession().split('## Délibérations')[0]!;
  const rows = Array.from({ length: 5000 }, (_, index) => `| Ligne ${index + 1} | ${index + 1} |`).join('\n');
  await writeFile(
    path.join(sessions, 'tableau-5000.md'),
    `${header}## Délibérations\n\n### 1. Tableau démesuré\n\n| Poste | Montant |\n|---|---|\n${rows}\n\nAdoptée à l’unanimité\n`,
  );
  const filler = 'Un paragraphe de remplissage pour dépasser la taille permise. '.repeat(20);
  await writeFile(
    path.join(sessions, 'gros-3mo.md'),
    `${header}${`${filler}\n\n`.repeat(Math.ceil((3 * 1024 * 1024) / filler.length))}`,
  );
  const garbage = randomBytes(4096);
  garbage[0] = 0x00; // a NUL byte and an invalid UTF-8 byte first: line 1 whatever follows
  garbage[1] = 0xff;
  await writeFile(path.join(sessions, 'binaire.md'), garbage);
  // "lieu: à la mairie" in Latin-1: 0xE0 alone is not UTF-8.
  await writeFile(path.join(sessions, 'latin1.md'), Buffer.from(controlSession(), 'latin1'));
}

let repo: string;
let secretDir: string;
let secret: string;
let server: Awaited<ReturnType<typeof startSpyServer>>;
let build: CliResult;
let check: Array<{
  path: string;
  messages: Array<{ line?: number; column?: number; fatal?: boolean; ruleId?: string; reason: string }>;
}>;
let outputs: string[];

beforeAll(async () => {
  server = await startSpyServer();
  repo = await mkdtemp(path.join(os.tmpdir(), 'minutier-hostile-'));
  secretDir = await mkdtemp(path.join(os.tmpdir(), 'minutier-secret-'));
  secret = `SECRET-${randomBytes(12).toString('hex')}`;
  const secretFile = path.join(secretDir, 'secret.txt');
  await writeFile(secretFile, `${secret}\n`);
  const names = await hostileSessions();
  await copyCorpus(repo, names, server.port, secretFile);
  await writeFile(path.join(repo, 'sessions/controle.md'), controlSession());
  await writeGenerated(path.join(repo, 'sessions'));

  build = await runCli(['build', 'sessions', '--out', 'out', '--documents', 'pv'], repo);
  outputs = await listFiles(path.join(repo, 'out'));
  const json = await runCli(['check', 'sessions', '--format', 'json'], repo);
  check = JSON.parse(json.stdout) as typeof check;
}, 300_000);

afterAll(async () => {
  await server?.close();
  await rm(repo, { recursive: true, force: true });
  await rm(secretDir, { recursive: true, force: true });
});

function messagesOf(name: string) {
  const file = check.find((entry) => entry.path === `sessions/${name}`);
  if (!file) throw new Error(`${name} absent du rapport`);
  return file.messages;
}

describe('one build of the whole hostile corpus', () => {
  it('the local server received zero requests', () => {
    expect(server.requests).toEqual([]);
  });

  it('the run ends with exit code 1 (some sessions are refused) and prints no stack trace', () => {
    expect(build.code).toBe(1);
    expect(build.stdout + build.stderr).not.toMatch(STACK_LINE);
    expect(build.stderr).not.toMatch(/incident interne|Erreur interne/u);
  });

  it('the control session is built, HTML and PDF', async () => {
    expect(outputs).toEqual(expect.arrayContaining(['controle.html', 'controle.pdf']));
    expect(await pdfOpens(path.join(repo, 'out/controle.pdf'))).toBe(true);
  });

  for (const name of BUILT) {
    const id = name.replace(/\.md$/u, '');
    it(`${name}: built, and its PDF shows the original text`, async () => {
      expect(outputs).toEqual(expect.arrayContaining([`${id}.html`, `${id}.pdf`]));
      const text = await pdfText(path.join(repo, 'out', `${id}.pdf`));
      expect(text).toContain('Texte original du point.');
      expect(text).not.toContain('MODIFIÉ PAR UN SCRIPT');
    });
  }

  it('the secret file’s content appears in no output (HTML, PDF text, index, report)', async () => {
    for (const relative of outputs) {
      const file = path.join(repo, 'out', relative);
      const content = relative.endsWith('.pdf') ? await pdfText(file) : await readFile(file, 'utf8');
      expect(content, relative).not.toContain(secret);
    }
    expect(build.stdout + build.stderr).not.toContain(secret);
  });

  it('no output HTML carries a script, an event handler, a frame, or a javascript:/file: address', async () => {
    for (const relative of outputs.filter((file) => file.endsWith('.html'))) {
      const html = await readFile(path.join(repo, 'out', relative), 'utf8');
      expect(html, relative).not.toMatch(/<script|<iframe|<object|<embed|<svg|<img|<meta http-equiv|<base\b/iu);
      // Active content lives in tags and style sheets. Text may quote an address (the review page repeats the
      // html-sanitized findings, escaped): only markup and CSS are searched.
      const tags = html.match(/<[a-z][^>]*>/giu) ?? [];
      for (const tag of tags) {
        expect(tag, relative).not.toMatch(/\son[a-z]+\s*=|javascript:|file:|127\.0\.0\.1:\d+\/(?!autolink|literal)/iu);
      }
      for (const [, css = ''] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/giu)) {
        expect(css, relative).not.toMatch(/url\(\s*['"]?(?!data:)|@import/iu);
      }
    }
  });

  it('script.md: no script survives, the text is the one typed', async () => {
    const html = await readFile(path.join(repo, 'out/script.html'), 'utf8');
    expect(html).toContain('Après le script');
    expect(html).not.toContain('TEXTE MODIFIÉ PAR UN SCRIPT');
  });

  it('every hostile HTML construct is reported by html-sanitized at its line, never as an error', () => {
    for (const name of BUILT) {
      const found = messagesOf(name).filter((message) => message.ruleId === 'html-sanitized');
      expect(found.length, name).toBeGreaterThan(0);
      for (const message of found) {
        expect(message.fatal, name).toBe(false);
        expect(message.line, name).toBeGreaterThanOrEqual(25);
        expect(message.column, name).toBeGreaterThanOrEqual(1);
        expect(message.reason, name).toMatch(/a été retirée? :/u);
      }
    }
  });

  for (const [name, refusal] of Object.entries(REFUSED)) {
    it(`${name}: refused with a positioned error (line ${refusal.line}) and not built`, () => {
      const errors = messagesOf(name).filter((message) => message.fatal);
      expect(errors.length).toBeGreaterThan(0);
      const first = errors[0]!;
      expect(first.line).toBe(refusal.line);
      expect(first.column).toBeGreaterThanOrEqual(1);
      if (refusal.ruleId) expect(first.ruleId).toBe(refusal.ruleId);
      if (refusal.reason) expect(first.reason).toMatch(refusal.reason);
      const id = name.replace(/\.md$/u, '');
      expect(outputs.filter((output) => output.startsWith(`${id}.`) || output.startsWith(`${id}/`))).toEqual([]);
      expect(build.stdout).toContain(`sessions/${name}`);
    });
  }

  it('the build output names each refused session with a line:column', () => {
    for (const name of Object.keys(REFUSED)) {
      const block = build.stdout.split(`sessions/${name}`)[1] ?? '';
      expect(block.split('\n').slice(0, 3).join('\n'), name).toMatch(/^\s*\d+:\d+/mu);
    }
  });

  it('organisation-chemin.md: /etc/passwd is never read or quoted beyond the value typed', () => {
    expect(build.stdout + build.stderr).not.toContain('root:x:0:0');
  });
});

describe('holes found by the corpus, now closed (see docs/security.md)', () => {
  it('handlebars.md: {{#each}} and {{> partial}} in the body are text, not detached annotations; the session is built', () => {
    expect(messagesOf('handlebars.md').filter((message) => message.fatal)).toEqual([]);
    expect(messagesOf('handlebars.md').filter((message) => message.ruleId === 'html-sanitized')).toEqual([]);
    expect(outputs).toEqual(expect.arrayContaining(['handlebars.html', 'handlebars.pdf']));
  });

  it('handlebars.md: {{…}} in the body and in the frontmatter is printed as typed', async () => {
    const text = (await pdfText(path.join(repo, 'out/handlebars.pdf'))).replace(/\s+/gu, ' ');
    expect(text).toContain('{{7*7}}');
    expect(text).toContain('{{#each this}}[{{@key}}]{{/each}}');
    expect(text).toContain('{{> pv}}');
    expect(text).toContain('{{{raw}}}');
    expect(text).toContain('à la mairie {{7*7}} {{> pv}}');
    expect(text).not.toMatch(/\b49\b/u);
  });

  it('latin1.md: a Latin-1 file (invalid UTF-8) is refused at its first bad byte, not read with U+FFFD', () => {
    const first = messagesOf('latin1.md').find((message) => message.fatal);
    expect(first?.ruleId).toBe('parse-encoding');
    expect(first?.line).toBe(3);
    expect(outputs.filter((output) => output.startsWith('latin1'))).toEqual([]);
  });

  it('gabarits-chemin.md: a session cannot choose a templates folder (/etc) through an inline organisation', () => {
    const errors = messagesOf('gabarits-chemin.md').filter((message) => message.fatal);
    expect(errors.map((message) => message.line)).toContain(6);
    expect(outputs.filter((output) => output.startsWith('gabarits-chemin'))).toEqual([]);
  });

  it('bombe-alias.md: the alias bomb is reported where the aliases are, not on the first line of the header', () => {
    const first = messagesOf('bombe-alias.md').find((message) => message.fatal)!;
    expect(first.ruleId).toBe('parse-yaml');
    expect(first.line).toBeGreaterThanOrEqual(7);
  });

  it('imbrication.md: 5 000 nested lists are refused as too deep, not as an alias bomb', () => {
    const first = messagesOf('imbrication.md').find((message) => message.fatal)!;
    expect(first.line).toBe(5);
    expect(first.reason).not.toMatch(/alias/u);
    expect(first.reason).toMatch(/imbriqu|profond/u);
  });

  it('yaml-js-function.md: the refused tag is named in the message', () => {
    const first = messagesOf('yaml-js-function.md').find((message) => message.fatal)!;
    expect(first.reason).toContain('!!js/function');
  });
});
