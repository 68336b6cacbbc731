/**
 * The faithfulness guarantee as a property (issue 10, « Proof »): for bodies generated from the whole vocabulary a
 * PV may use — sections at every level, setext headings, lists, quotes, tables with ragged rows, comments, link and
 * footnote definitions, hard breaks, inline code, code blocks, raw HTML the sanitizer keeps or drops, annotations —
 * every word the author wrote (the generator knows them, independently of minutier) is printed in order in the PV,
 * in the extrait of its deliberation and, for titles and votes, in the liste des délibérations; or a finding says
 * why at its line. A few cases are printed to PDF with Chromium and read back with pdf.js.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBrowser } from '../../src/print/find-browser.js';
import { Printer } from '../../src/print/printer.js';
import { renderSessionHtml } from '../../src/render/index.js';
import { documentText, documentWords, missingWords } from '../../src/html/faithful.js';
import { inspectPdf } from '../print/pdf-inspect.js';
import { bodyLine, build, findings } from './helpers.js';

/** A piece of Markdown and the words a reader must find printed, in order. */
interface Piece {
  md: string;
  words: string[];
}

const WORDS = [
  'budget',
  'séance',
  'travaux',
  'élus',
  'commune',
  'l’école',
  'voirie',
  'marché',
  'réseau',
  'été',
  'œuvre',
  'Amiens',
  'syndicat',
  'forêt',
  'Noël',
  'ça',
];
const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer({ min: 1, max: 999 }).map((n) => `m${n}`),
);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max });

const piece = (md: string, printed: string[]): Piece => ({ md, words: printed });
const join = (pieces: Piece[], separator: string): Piece => ({
  md: pieces.map((p) => p.md).join(separator),
  words: pieces.flatMap((p) => p.words),
});

/** Inline content: plain words, emphasis, strong, inline code, a link, raw inline HTML kept or dropped, a hard break. */
const inline: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: words(1, 4).map((w) => piece(w.join(' '), w)) },
  words(1, 2).map((w) => piece(`*${w.join(' ')}*`, w)),
  words(1, 2).map((w) => piece(`**${w.join(' ')}**`, w)),
  words(1, 2).map((w) => piece(`\`${w.join(' ')}\``, w)),
  words(1, 2).map((w) => piece(`[${w.join(' ')}](https://exemple.fr/page)`, w)),
  words(1, 2).map((w) => piece(`<u>${w.join(' ')}</u>`, w)),
  words(1, 2).map((w) => piece(`<span title="x">${w.join(' ')}</span>`, w)),
  words(1, 2).map((w) => piece(`<script>${w.join(' ')}</script>`, [])),
  // A hard break, then a word (a line opening with « <script> » would start an HTML block and end the paragraph).
  fc.tuple(words(1, 2), word).map(([w, next]) => piece(`${w.join(' ')}\\\n${next}`, [...w, next])),
  fc.integer({ min: 1, max: 99 }).map((n) => piece(`${n} €{= ${n}}`, [String(n), '€'])),
);
// A paragraph opens with a word: a line opening with « <script> » would be an HTML block, where Markdown is not read.
const line = fc.tuple(word, fc.array(inline, { maxLength: 4 })).map(([first, pieces]) => {
  const joined = join([piece(first, [first]), ...pieces], ' ');
  // A hard break may not end a paragraph.
  return { ...joined, md: joined.md.replace(/\\\n$/u, '').trimEnd() };
});

const cell = fc.oneof(
  word.map((w) => piece(w, [w])),
  fc.constant(piece('', [])),
  fc.integer({ min: 1, max: 9999 }).map((n) => piece(`${n} €`, [String(n), '€'])),
);

/** A GFM table whose rows may be shorter or longer than the header. */
const table = fc
  .tuple(
    fc.array(word, { minLength: 1, maxLength: 4 }),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
  )
  .map(([header, rows]) => {
    const headerLine = `| ${header.join(' | ')} |`;
    const rule = `|${header.map(() => '---').join('|')}|`;
    const lines = rows.map((row) => `| ${row.map((c) => c.md).join(' | ')} |`);
    return piece([headerLine, rule, ...lines].join('\n'), [
      ...header,
      ...rows.flatMap((row) => row.flatMap((c) => c.words)),
    ]);
  });

/** A block inside a deliberation: nothing that would end it (headings of level 3 and below, setext headings). */
const innerBlock: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: line },
  fc
    .tuple(fc.integer({ min: 4, max: 6 }), words(1, 3))
    .map(([depth, w]) => piece(`${'#'.repeat(depth)} ${w.join(' ')}`, w)),
  fc
    .tuple(words(1, 3), fc.constantFrom('---', '==='))
    .map(([w, underline]) => piece(`${w.join(' ')}\n${underline}`, w)),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((items) =>
    piece(
      items.map((item) => `- ${item.md.replace(/\n/gu, '\n  ')}`).join('\n'),
      items.flatMap((i) => i.words),
    ),
  ),
  fc
    .array(words(1, 3), { minLength: 1, maxLength: 3 })
    .map((items) => piece(items.map((item, k) => `${k + 1}. ${item.join(' ')}`).join('\n'), items.flat())),
  line.map((l) => piece(`> ${l.md.replace(/\n/gu, '\n> ')}`, l.words)),
  table,
  words(1, 5).map((w) => piece(`\`\`\`\n${w.join(' ')}\n\`\`\``, w)),
  words(1, 4).map((w) => piece(`<!-- ${w.join(' ')} -->`, [])),
  fc.tuple(words(1, 2), fc.integer({ min: 1, max: 9 })).map(([w, n]) =>
    piece(
      `[${w.join(' ')}]: https://exemple.fr/${n}`,
      [`[${w[0]}`, ...w.slice(1, -1), ...(w.length > 1 ? [`${w.at(-1)}]:`] : []), `https://exemple.fr/${n}`].map(
        (x, k, all) => (all.length === 2 && k === 0 ? `[${w[0]}]:` : x),
      ),
    ),
  ),
  words(1, 3).map((w) => piece(`[^1]: ${w.join(' ')}`, ['[^1]:', ...w])),
  fc.constant(piece('***', [])),
  words(1, 3).map((w) => piece(`<div>${w.join(' ')}</div>`, w)),
  fc.constant(piece('<script>alert(1)</script>', [])),
  fc.constant(piece('<img src="plan.png" alt="plan">', [])),
);

interface Item {
  heading: Piece;
  title: string[];
  body: Piece;
  vote?: string;
}

const VOTES = ["Adoptée à l'unanimité", 'Adopté par 3 voix pour', "Rejetée à l'unanimité"];

const item = (n: number): fc.Arbitrary<Item> =>
  fc
    .tuple(
      words(1, 4),
      fc.array(innerBlock, { maxLength: 4 }),
      fc.option(fc.constantFrom(...VOTES), { nil: undefined }),
      fc.array(innerBlock, { maxLength: 2 }),
    )
    .map(([title, before, vote, after]) => {
      const blocks = [...before, ...(vote ? [piece(vote, vote.split(' '))] : []), ...(vote ? after : [])];
      const result: Item = {
        heading: piece(`### ${n}. ${title.join(' ')}`, [`${n}.`, ...title]),
        title,
        body: join(blocks, '\n\n'),
      };
      if (vote) result.vote = vote;
      return result;
    });

/** A section between or after deliberations: a ## heading of its own and some text. */
const section = fc
  .tuple(words(1, 3), fc.array(innerBlock, { maxLength: 2 }))
  .map(([w, blocks]) => join([piece(`## ${w.join(' ')}`, w), ...blocks], '\n\n'));

interface Case {
  md: string;
  words: string[];
  items: Item[];
}

const session: fc.Arbitrary<Case> = fc
  .tuple(
    fc.array(innerBlock, { maxLength: 3 }),
    fc.boolean(),
    fc.array(line, { maxLength: 1 }),
    fc
      .integer({ min: 1, max: 3 })
      .chain((count) =>
        fc.tuple(
          ...Array.from({ length: count }, (_, k) => fc.tuple(item(k + 1), fc.option(section, { nil: undefined }))),
        ),
      ),
    fc.boolean(),
    fc.array(innerBlock, { maxLength: 2 }),
  )
  .map(([opening, part, beforeFirst, items, closing, trailing]) => {
    const pieces: Piece[] = [...opening];
    if (part) pieces.push(piece('## Délibérations', ['Délibérations']), ...beforeFirst);
    for (const [it, after] of items) {
      pieces.push(it.heading);
      if (it.body.md) pieces.push(it.body);
      if (after) pieces.push(after);
    }
    if (closing) pieces.push(piece('La séance est levée à 19h00', ['La', 'séance', 'est', 'levée', 'à', '19h00']));
    pieces.push(...trailing);
    const all = join(
      pieces.filter((p) => p.md !== ''),
      '\n\n',
    );
    return { md: `${all.md}\n`, words: all.words, items: items.map(([it]) => it) };
  });

function missing(expected: string[], html: string): string[] {
  return missingWords(
    expected.map((w) => ({ word: w, offset: 0 })),
    documentWords(html),
  ).map((run) => run.map((w) => w.word).join(' '));
}

describe('the faithfulness guarantee, on generated bodies', () => {
  it('prints every word of the body in order in the PV, the extraits and the liste, or reports it at its line', async () => {
    await fc.assert(
      fc.asyncProperty(session, async (generated) => {
        const built = await build(generated.md);
        const errors = built.messages.filter(
          (message) => message.fatal && (message.ruleId === 'body-faithful' || message.ruleId?.startsWith('parse-')),
        );
        expect(errors.map((e) => `${e.line}:${e.column} ${e.ruleId} ${e.reason}`)).toEqual([]);
        expect(missing(generated.words, built.pv!)).toEqual([]);
        generated.items.forEach((it, k) => {
          expect(missing([...it.heading.words, ...it.body.words], built.extraits[k]!)).toEqual([]);
          expect(missing([...it.title, ...(it.vote ? it.vote.split(' ') : [])], built.liste!)).toEqual([]);
        });
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it('reports an unclosed comment as an error at its line, the rest of the file being hidden', async () => {
    await fc.assert(
      fc.asyncProperty(session, words(1, 3), async (generated, hidden) => {
        const md = `${generated.md}\n<!-- ${hidden.join(' ')}\n\n### 9. Suite\n\nAdoptée à l'unanimité\n`;
        const built = await build(md);
        const line = bodyLine(md.split('\n').findIndex((l) => l.startsWith('<!-- ') && !l.includes('-->')) + 1);
        expect(findings(built).filter((f) => f.fatal)).toEqual([expect.objectContaining({ line, column: 1 })]);
        expect(documentText(built.pv!)).not.toContain('Suite');
      }),
      { numRuns: 5 },
    );
  }, 120_000);
});

describe('the faithfulness guarantee, on printed PDFs', () => {
  let printer: Printer;
  beforeAll(async () => {
    printer = await Printer.launch({
      executablePath: (await requireBrowser()).executablePath,
      concurrency: 1,
      timeoutMs: 60_000,
    });
  }, 60_000);
  afterAll(async () => {
    await printer?.close();
  });

  /** Letters and digits only: the PDF's text has its own spacing, hyphenation and line breaks. */
  const letters = (text: string) =>
    text
      .normalize('NFC')
      .replace(/\u02BC/gu, '’') // the apostrophe's glyph reads back as U+02BC from the font's ToUnicode map
      .replace(/[^\p{L}\p{N}]/gu, '');

  it('prints every word of a few generated bodies in the PDF, in order', async () => {
    const cases = fc.sample(session, { numRuns: 3, seed: 2026 });
    for (const generated of cases) {
      const built = await build(generated.md);
      const rendered = renderSessionHtml(built.session!);
      const bytes = await printer.print({
        html: rendered.html,
        title: rendered.title,
        author: 'Syndicat exemple',
        subject: rendered.subject,
        lang: 'fr-FR',
        headerTemplate: rendered.headerTemplate,
        footerTemplate: rendered.footerTemplate,
        date: new Date('2022-06-28T18:00:00Z'),
        documentId: 'faithful-property',
      });
      const printed = letters((await inspectPdf(bytes)).pages.join(' '));
      let from = 0;
      for (const expected of generated.words.map(letters).filter(Boolean)) {
        const at = printed.indexOf(expected, from);
        expect(
          at,
          `« ${expected} » dans le PDF après ${from} : ${printed.slice(from, from + 300)}\n${generated.md}`,
        ).toBeGreaterThanOrEqual(0);
        from = at + expected.length;
      }
    }
  }, 300_000);
});
