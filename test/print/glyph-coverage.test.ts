/**
 * Issue 10, item 12: characters the text font lacks used to print as boxes without a word. Built as a user builds it
 * (real Chromium), read back with pdf.js: Greek, Cyrillic, Vietnamese, arrows, mathematical signs, per mille and emoji
 * are printed with the bundled fallbacks (embedded in the PDF); what no bundled font draws (here Japanese) is a
 * positioned `font-coverage` finding.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf, listFonts } from './pdf-inspect.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let stdout = '';
let pdfBytes: Uint8Array;
let sourceLines: string[];

const covered =
  'Łukasz Wałęsa, Γεώργιος Παπαδόπουλος, Ирина Петрова, Nguyễn Văn Thành : taux ≥ 2 ‰, hausse → 3 %, ✓ fait 👍';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-glyphs-'));
  await cp(path.join(root, 'organisations'), path.join(dir, 'organisations'), { recursive: true });
  await mkdir(path.join(dir, 'sessions'));
  const sample = await readFile(path.join(root, 'sessions/2022-06-28-comite-syndical.md'), 'utf8');
  const anchor = "Le Président propose au Comité syndical d'arrêter le compte de gestion 2021.";
  const source = sample.replace(anchor, `${anchor}\n\n${covered}\n\nM. 山田 Taro est remercié.\n`);
  sourceLines = source.split('\n');
  await writeFile(path.join(dir, 'sessions', 'glyphes.md'), source);
  const result = await run(
    process.execPath,
    [
      path.join(root, 'bin/minutier.js'),
      'build',
      'sessions/glyphes.md',
      '--out',
      'out',
      '--documents',
      'pv',
      '--format',
      'json',
    ],
    { cwd: dir },
  ).catch((error: { stdout: string }) => error);
  stdout = result.stdout;
  pdfBytes = new Uint8Array(await readFile(path.join(dir, 'out', 'glyphes.pdf')));
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('characters beyond the text font (issue 10, item 12)', () => {
  it('prints Greek, Cyrillic, Vietnamese, symbols and emoji with the bundled fonts, all embedded', async () => {
    const pdf = await inspectPdf(pdfBytes);
    // pdf.js splits a word where the font changes: compare without spaces.
    const text = pdf.pages.join('').replace(/\s+/gu, '');
    expect(text).toContain(covered.replace(/\s+/gu, ''));
    const fonts = await listFonts(pdfBytes);
    const names = fonts.map((font) => font.baseFont.replace(/^[A-Z]{6}\+/u, ''));
    expect(names.some((name) => name.startsWith('SourceSerif4'))).toBe(true);
    expect(names.some((name) => name.startsWith('DejaVuSans'))).toBe(true);
    expect(names.some((name) => name.startsWith('NotoEmoji'))).toBe(true);
    for (const font of fonts.filter((candidate) => /SourceSerif4|DejaVuSans|NotoEmoji/u.test(candidate.baseFont))) {
      expect(font.embedded, font.baseFont).toBe(true);
    }
  });

  it('reports what no bundled font draws, at its line and column', () => {
    const findings = (
      JSON.parse(stdout) as Array<{
        messages: Array<{ ruleId: string; line: number; column: number; message?: string; reason?: string }>;
      }>
    )
      .flatMap((file) => file.messages)
      .filter((message) => message.ruleId === 'font-coverage');
    const line = sourceLines.findIndex((candidate) => candidate.includes('山田')) + 1;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line, column: sourceLines[line - 1]!.indexOf('山田') + 1 });
    expect(findings[0]!.message ?? findings[0]!.reason).toContain('« 山田 »');
  });
});
