/**
 * Property-based (fast-check): parsing AND checking (every rule, html-sanitized included) never throw, on arbitrary
 * text, on random mutations of the sample (characters and whole lines), and on random YAML values for each
 * frontmatter key; every message they produce is placed inside the file (a real line, a column on that line).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { stringify } from 'yaml';
import { checkSession } from '../../src/check/engine.js';
import { allRules } from '../../src/check/rules/index.js';
import { parseSession } from '../../src/parse/parse-session.js';
import { sessionShape } from '../../src/parse/schema.js';

const SAMPLE_PATH = 'sessions/2022-06-28-comite-syndical.md';
const sample = readFileSync(SAMPLE_PATH, 'utf8');
const FRONTMATTER_KEYS = Object.keys(sessionShape.shape);

interface Point {
  line?: number;
  column?: number;
}

function pointInside(lines: string[], point: Point | undefined, what: string): void {
  expect(point, what).toBeDefined();
  const { line, column } = point!;
  expect(line, what).toBeGreaterThanOrEqual(1);
  expect(line, what).toBeLessThanOrEqual(Math.max(1, lines.length));
  expect(column, what).toBeGreaterThanOrEqual(1);
  expect(column, what).toBeLessThanOrEqual((lines[line! - 1]?.length ?? 0) + 1);
}

/** Parses then checks like `minutier check`, and asserts nothing threw and every message is placed in the text. */
async function checksCleanly(text: string, path = SAMPLE_PATH): Promise<void> {
  const file = new VFile({ path, value: text });
  const session = await parseSession(file);
  if (session) checkSession(session, file, { rules: allRules });
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  for (const message of file.messages) {
    const what = `${message.ruleId}: ${message.reason}`;
    expect(message.ruleId, what).not.toMatch(/internal/u);
    expect(message.reason, what).not.toMatch(/\n\s+at /u);
    const place = message.place as { start?: Point; end?: Point } & Point;
    if (place && 'start' in place && place.start) {
      pointInside(lines, place.start, `${what} (début)`);
      pointInside(lines, place.end, `${what} (fin)`);
    } else {
      pointInside(lines, place, what);
    }
  }
}

const characterMutation = fc.record({
  at: fc.nat({ max: sample.length }),
  remove: fc.nat({ max: 30 }),
  insert: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '<script>',
      '<img src=x onerror=alert(1)>',
      '{{7*7}}',
      '{#x}',
      '{= a +',
      '|',
      '\n---\n',
      '\r\n',
      '\u0000',
      '&a',
      '*a',
      '!!js/function',
      '\t',
    ),
  ),
});

const lineMutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'duplicate', 'replace', 'insert'),
  line: fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '---',
      '| a | b |',
      '|---|---|',
      '### 1. Titre',
      'Adoptée à l’unanimité',
      '  - { nom: X }',
      'annonce: *a',
      '<iframe src=file:///etc/passwd>',
    ),
  ),
});

function mutateLines(text: string, mutations: Array<{ at: number; kind: string; line: string }>): string {
  const lines = text.split('\n');
  for (const { at, kind, line } of mutations) {
    const index = at % (lines.length + 1);
    if (kind === 'delete') lines.splice(index, 1);
    else if (kind === 'duplicate') lines.splice(index, 0, lines[index] ?? '');
    else if (kind === 'replace') lines.splice(index, 1, line);
    else lines.splice(index, 0, line);
  }
  return lines.join('\n');
}

/** The sample with one frontmatter key's value replaced (or added) by a YAML rendering of `value`. */
function withKey(key: string, value: unknown): string {
  const end = sample.indexOf('\n---', 3);
  const header = sample.slice(4, end).split('\n');
  const kept: string[] = [];
  let skipping = false;
  for (const line of header) {
    if (line.startsWith(`${key}:`) || line.startsWith(`${key} :`)) {
      skipping = true;
      continue;
    }
    if (skipping && /^(\s|$)/u.test(line)) continue;
    skipping = false;
    kept.push(line);
  }
  const block = stringify({ [key]: value }, { lineWidth: 0 }).trimEnd();
  return `---\n${[...kept, block].join('\n')}${sample.slice(end)}`;
}

describe('parse + check never throw and place every message inside the file', () => {
  it('the sample itself', async () => {
    await checksCleanly(sample);
  });

  it('arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), (text) => checksCleanly(text, 'sessions/aleatoire.md')),
      {
        numRuns: 150,
      },
    );
  });

  it('arbitrary strings under a valid header', async () => {
    const header = sample.slice(0, sample.indexOf('\n---', 3) + 5);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), (body) => checksCleanly(`${header}\n${body}`)),
      { numRuns: 60 },
    );
  });

  it('character mutations of the sample', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(characterMutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        let text = sample;
        for (const { at, remove, insert } of mutations) {
          const index = Math.min(at, text.length);
          text = text.slice(0, index) + insert + text.slice(index + remove);
        }
        await checksCleanly(text);
      }),
      { numRuns: 60 },
    );
  });

  it('line mutations of the sample (delete, duplicate, replace, insert)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineMutation, { minLength: 1, maxLength: 4 }), (mutations) =>
        checksCleanly(mutateLines(sample, mutations)),
      ),
      { numRuns: 60 },
    );
  });

  it('random YAML values for each frontmatter key', async () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(
        '',
        '../../etc/passwd',
        '/etc',
        '{{7*7}}',
        '2022-02-30',
        '25h99',
        -1,
        1e308,
        0.1,
        true,
        null,
        [],
        {},
        ['A B', 'A B'],
      ),
      fc.date({ noInvalidDate: true }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FRONTMATTER_KEYS), value, (key, random) =>
        checksCleanly(withKey(key, random)),
      ),
      { numRuns: 120 },
    );
  });
});
