/**
 * The annotation grammar (`{#nom = expr}`, `{= …}`, `{>= …}`, `{≈ … ± tol}`) lives in src/model/annotation-syntax.ts
 * alone: the parser, the printed body, the review page and the suggestions ask it. A second copy of its patterns
 * anywhere else in src/ fails here, with the file and the line.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');
const GRAMMAR = path.join(src, 'model', 'annotation-syntax.ts');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

/** What a copy of the grammar looks like in a regular expression: an opening brace before `#` or an operator, or the
 * alternation of the relation operators. */
const COPIES = [/\\\{(?:\\s\*)?(?:\(\?:)?[#=<>≤≥≈]/u, /≤\|≥|\|≈|≈\|/u];

describe('the annotation grammar', () => {
  it('is written once, in src/model/annotation-syntax.ts', () => {
    const copies = sources(src)
      .filter((file) => file !== GRAMMAR)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((text, index) =>
            COPIES.some((pattern) => pattern.test(text))
              ? [`src/${path.relative(src, file)}:${index + 1}: ${text.trim()}`]
              : [],
          ),
      );
    expect(copies).toEqual([]);
  });

  it('the detector finds the copies that used to be there', () => {
    const former = [
      String.raw`const ANNOTATION = /\{\s*(?:#|<=|>=|≤|≥|=|<|>|≈)[^{}\n]*\}/gu;`,
      String.raw`const TRAILING_ANNOTATION = /^[ \u00A0\u202F]?\{(?:#|=|<=|>=|<|>|≤|≥|≈)[^{}\n]*\}/u;`,
      String.raw`const name = /^\{#([^\s{}=<>≤≥≈]+)\}$/u;`,
      String.raw`return /^\s*(?:#|<=|>=|≤|≥|=|<|>|≈)/u.test(content);`,
    ];
    expect(former.filter((text) => !COPIES.some((pattern) => pattern.test(text)))).toEqual([]);
  });
});
