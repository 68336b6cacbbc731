/**
 * A character that none of the fonts bundled with minutier draws (a CJK name, most emoji, some symbols) would be
 * printed with whatever font the machine has, or as an empty box: the PV would no longer say what the author wrote,
 * and two machines would print it differently. The coverage is the real character set of the bundled font files
 * (src/render/font-coverage.ts, generated from them by scripts/font-coverage.mjs); Greek, Cyrillic, Vietnamese and
 * the emoji of Noto Emoji are covered.
 */
import type { Point } from '../../model/types.js';
import { isCovered } from '../../model/glyphs.js';
import type { Rule } from '../rule.js';
import { ruleDocs } from './shared.js';

const id = 'font-coverage';

/** Spans of the source that are never printed: HTML comments, `{…}` annotations, YAML comment lines. */
function unprinted(source: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of source.matchAll(/<!--[\s\S]*?(?:-->|$)/gu))
    spans.push([match.index, match.index + match[0].length]);
  for (const match of source.matchAll(/\{[#=<>≤≥≈~][^}\n]*\}/gu))
    spans.push([match.index, match.index + match[0].length]);
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/u.exec(source);
  if (frontmatter) {
    for (const match of frontmatter[0].matchAll(/^[ \t]*#.*$/gmu))
      spans.push([match.index, match.index + match[0].length]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

function codes(text: string): string {
  return [...text].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

export const fontCoverage: Rule = {
  meta: {
    id,
    description: 'Chaque caractère imprimé existe dans les polices fournies avec minutier.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const source = session.source;
    const skip = unprinted(source);
    let skipAt = 0;
    let line = 1;
    let column = 1;
    let run: { text: string; start: Point; end: Point } | undefined;
    const flush = () => {
      if (!run) return;
      report({
        message:
          `« ${run.text} » (${codes(run.text)}) : aucune police fournie avec minutier ne dessine ce caractère ; ` +
          'selon la machine, il s’imprimera avec une police du système ou comme un carré vide. ' +
          'Transcrivez-le (en lettres latines, ou en mots) ou retirez-le.',
        place: { start: run.start, end: run.end },
        actual: run.text,
      });
      run = undefined;
    };
    // A file uses few distinct characters past Latin (’, €, the narrow no-break space): each is looked up once.
    const known = new Map<number, boolean>();
    const covered = (point: number): boolean => {
      let answer = known.get(point);
      if (answer === undefined) known.set(point, (answer = isCovered(point)));
      return answer;
    };
    // By code point, with an index: no string and no point made for each of the file's characters.
    for (let offset = 0; offset < source.length;) {
      const point = source.codePointAt(offset)!;
      const width = point > 0xffff ? 2 : 1;
      while (skipAt < skip.length && skip[skipAt]![1] <= offset) skipAt++;
      const skipped = skipAt < skip.length && skip[skipAt]![0] <= offset;
      if (!skipped && point >= 0x250 && !covered(point)) {
        const char = source.slice(offset, offset + width);
        const end: Point = { line, column: column + width, offset: offset + width };
        if (run && run.end.offset === offset) {
          run.text += char;
          run.end = end;
        } else {
          flush();
          run = { text: char, start: { line, column, offset }, end };
        }
      } else if (run && !(point >= 0x200b && point <= 0x200f) && !(point >= 0xfe00 && point <= 0xfe0f)) {
        flush();
      }
      offset += width;
      if (point === 0x0a) {
        line++;
        column = 1;
      } else {
        column += width;
      }
    }
    flush();
  },
};
