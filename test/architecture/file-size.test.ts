/**
 * No source file over 300 lines: a module does one job, and its name says which (ARCHITECTURE.md). A file that grows
 * past the limit fails here with its length; split it by job. Generated data is listed below with the reason.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');
const LIMIT = 300;

/** Generated files, exempt: data, not code anyone edits by hand. */
const GENERATED: Record<string, string> = {
  'model/font-coverage.ts':
    'the code points each bundled font covers, written by scripts/font-coverage.mjs from the font files',
};

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

const lines = (file: string): number => readFileSync(file, 'utf8').replace(/\n$/u, '').split('\n').length;

describe('the size of the modules of src/', () => {
  it(`no file is over ${LIMIT} lines, except generated data`, () => {
    const long = sources(src)
      .map((file) => ({ name: path.relative(src, file).split(path.sep).join('/'), lines: lines(file) }))
      .filter((file) => file.lines > LIMIT && !(file.name in GENERATED))
      .map((file) => `src/${file.name}: ${file.lines} lines`);
    expect(long).toEqual([]);
  });

  it('every exempt file exists and is generated', () => {
    for (const name of Object.keys(GENERATED)) {
      expect(readFileSync(path.join(src, name), 'utf8')).toMatch(/generated|généré/iu);
    }
  });
});
