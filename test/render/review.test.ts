import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import { VFileMessage } from 'vfile-message';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkFiles } from '../../src/pipeline/check-files.js';
import type { Position, Session } from '../../src/model/types.js';
import { renderSessionHtml } from '../../src/render/index.js';
import { renderReview } from '../../src/render/review.js';

const root = path.resolve(import.meta.dirname, '../..');
const samplePath = 'sessions/2022-06-28-comite-syndical.md';

// ─── Reading the page as a reader (and a browser) would ────────────────────────────────────────────────────────

type Node = Root | ElementContent;

function parseBody(html: string): Root {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  return unified()
    .use(rehypeRaw)
    .runSync({ type: 'root', children: [{ type: 'raw', value: body } as never] });
}

function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as ElementContent[]).map(textOf).join('');
  return '';
}

function classesOf(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** Every element, with its ancestors (root first). */
function elements(tree: Root): Array<{ node: Element; ancestors: Element[] }> {
  const out: Array<{ node: Element; ancestors: Element[] }> = [];
  const visit = (node: Node, ancestors: Element[]) => {
    if (!('children' in node)) return;
    for (const child of node.children as ElementContent[]) {
      if (child.type !== 'element') continue;
      out.push({ node: child, ancestors });
      visit(child, [...ancestors, child]);
    }
  };
  visit(tree, []);
  return out;
}

function byId(tree: Root, id: string) {
  const found = elements(tree).filter(({ node }) => node.properties.id === id);
  expect(found, `exactly one element with id="${id}"`).toHaveLength(1);
  return found[0]!;
}

/** The text of a mark without the finding badges of marks nested in it. */
const markText = (mark: Element) =>
  textOf({ ...mark, children: mark.children.filter((c) => !(c.type === 'element' && c.tagName === 'a')) });

/** The deliberation section whose heading starts with "N." */
function deliberationOf(ancestors: Element[]): string | undefined {
  const section = [...ancestors]
    .reverse()
    .find((a) => a.tagName === 'section' && classesOf(a).includes('deliberation'));
  const heading = section?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'h2');
  return heading ? /^(\d+)\./.exec(textOf(heading).trim())?.[1] : undefined;
}

function pointOf(source: string, offset: number) {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1, offset };
}

function messageAt(
  source: string,
  start: number,
  end: number,
  reason: string,
  options: { ruleId?: string; fatal?: boolean } = {},
) {
  const message = new VFileMessage(reason, {
    place: { start: pointOf(source, start), end: pointOf(source, end) },
    ruleId: options.ruleId ?? 'essai',
    source: 'minutier',
  });
  if (options.fatal !== undefined) message.fatal = options.fatal;
  return message;
}

const offsets = (position: Position) => [position.start.offset!, position.end.offset!] as const;

// ─── The sample ────────────────────────────────────────────────────────────────────────────────────────────────

let session: Session;
let messages: VFileMessage[];
let page: string;
let tree: Root;

beforeAll(async () => {
  const [file] = await checkFiles([samplePath], { cwd: root });
  session = file!.data.session as Session;
  messages = [...file!.messages];
  page = renderReview(session, messages);
  tree = parseBody(page);
});

describe('the review page of the sample', () => {
  it('has findings to show (the sample is a faithful transcription, errors included)', () => {
    expect(messages.length).toBeGreaterThanOrEqual(8);
    expect(messages.some((m) => m.fatal === true)).toBe(true);
  });

  it('lists every finding once, each linking to its place in the PV', () => {
    const entries = elements(tree).filter(
      ({ node }) => node.tagName === 'li' && classesOf(node).includes('finding-entry'),
    );
    expect(entries).toHaveLength(messages.length);
    entries.forEach(({ node }, index) => {
      const n = index + 1;
      const message = messages[index]!;
      const text = textOf(node);
      expect(text).toContain(message.reason);
      expect(text).toContain(message.ruleId!);
      expect(text).toContain(`ligne ${message.line}:${message.column}`);
      if (message.actual) expect(text).toContain(`Constaté${message.actual}`);
      if (message.expected?.length) expect(text).toContain(`Attendu${message.expected.join(' ou ')}`);
      if (message.note) expect(text).toContain(`Calcul${message.note}`);
      const links = elements({ type: 'root', children: [node] }).map(({ node: a }) => a.properties.href);
      expect(links).toContain(`#finding-${n}`);
      expect(links).toContain(message.url);
      byId(tree, `finding-${n}`);
    });
  });

  it('counts errors, warnings and informations in the banner', () => {
    const count = (fatal: boolean | undefined) => messages.filter((m) => (m.fatal ?? undefined) === fatal).length;
    const banner = textOf(elements(tree).find(({ node }) => classesOf(node).includes('review-counts'))!.node);
    const plural = (n: number, word: string) => `${n}\u00A0${word}${n > 1 ? 's' : ''}`;
    expect(banner).toContain(plural(count(true), 'erreur'));
    expect(banner).toContain(plural(count(false), 'avertissement'));
    expect(banner).toContain(plural(count(undefined), 'information'));
  });

  it('highlights every finding of the sample in the PV, on a mark with its severity', () => {
    messages.forEach((message, index) => {
      const { node } = byId(tree, `finding-${index + 1}`);
      expect(node.tagName).toBe('mark');
      const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
      expect(classesOf(node)).toContain(`finding-${severity}`);
    });
  });

  it('marks exactly the number of a relation that does not hold, in its deliberation', () => {
    const cases: Array<[string, string, string]> = [
      ['1 746 700€ HT', '4', 'p'],
      ['33 144,00 €', '4', 'td'],
      ['213 200,00 €', '4', 'td'],
    ];
    for (const [number, item, container] of cases) {
      const index = messages.findIndex((m) => m.ruleId === 'relation-holds' && m.actual === number);
      expect(index, number).toBeGreaterThanOrEqual(0);
      const { node, ancestors } = byId(tree, `finding-${index + 1}`);
      expect(markText(node)).toBe(number);
      expect(deliberationOf(ancestors)).toBe(item);
      expect(ancestors.at(-1)!.tagName).toBe(container);
    }
  });

  it('marks the voices of the DEFrance row for attendance-row-voices, with the note right under the row', () => {
    const index = messages.findIndex((m) => m.ruleId === 'attendance-row-voices');
    const { node, ancestors } = byId(tree, `finding-${index + 1}`);
    expect(markText(node)).toBe('1');
    const cell = ancestors.at(-1)!;
    expect(cell.tagName).toBe('td');
    expect(classesOf(cell)).toContain('num');
    const row = ancestors.at(-2)!;
    expect(row.tagName).toBe('tr');
    expect(textOf(row)).toContain('DEFrance Hervé');
    expect(textOf(row)).toContain('DEBEUGNY François');

    const rows = ancestors.at(-3)!.children.filter((c): c is Element => c.type === 'element');
    const next = rows[rows.indexOf(row) + 1]!;
    expect(classesOf(next)).toContain('finding-row');
    expect(textOf(next)).toContain(messages[index]!.reason);
    expect(textOf(next)).toContain(messages[index]!.note!);
  });

  it('marks the names of the name variants where the PV prints them', () => {
    messages.forEach((message, index) => {
      if (message.ruleId !== 'attendance-name-variant') return;
      const { node, ancestors } = byId(tree, `finding-${index + 1}`);
      expect(markText(node)).toBe(message.actual);
      expect(ancestors.some((a) => a.tagName === 'table')).toBe(true);
    });
  });

  it('shows each note after the paragraph holding its mark', () => {
    const index = messages.findIndex((m) => m.actual === '1 746 700€ HT');
    const { ancestors } = byId(tree, `finding-${index + 1}`);
    const paragraph = ancestors.at(-1)!;
    const siblings = ancestors.at(-2)!.children.filter((c): c is Element => c.type === 'element');
    const note = siblings[siblings.indexOf(paragraph) + 1]!;
    expect(classesOf(note)).toContain('finding-notes');
    const text = textOf(note);
    expect(text).toContain('relation-holds');
    expect(text).toContain('1 700 000');
    expect(text).toContain('400 000 + 1 300 000 = 1 700 000');
  });

  it('keeps the text of the PV unchanged around the marks', () => {
    const pv = parseBody(renderSessionHtml(session).html);
    const reviewArticle = elements(tree).find(({ node }) => node.tagName === 'article')!.node;
    const withoutNotes = (node: Node): Node => {
      if (!('children' in node)) return node;
      const children = (node.children as ElementContent[])
        .filter(
          (c) =>
            !(
              c.type === 'element' &&
              ['finding-notes', 'finding-row', 'finding-badge'].some((k) => classesOf(c).includes(k))
            ),
        )
        .map((c) => withoutNotes(c) as ElementContent);
      return { ...node, children };
    };
    const pvArticle = elements(pv).find(({ node }) => node.tagName === 'article')!.node;
    expect(textOf(withoutNotes(reviewArticle))).toBe(textOf(pvArticle));
  });

  it('is a standalone page: French, no script, no external resource', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain("font-family: 'Source Serif 4'");
    expect(page).not.toMatch(/<script|<iframe|<object|<embed|<link\b|\ssrc=|@import|javascript:/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(page).not.toMatch(/url\((?!["']?data:)/i);
    const urls = new Set(messages.map((m) => m.url));
    for (const [, href] of page.matchAll(/href="([^"]*)"/g)) {
      if (href!.startsWith('#')) {
        byId(tree, href!.slice(1));
      } else {
        // The only links leaving the page are the rules' documentation, to be followed, never loaded.
        expect(urls.has(href)).toBe(true);
      }
    }
    expect(page).not.toMatch(/[\uE000-\uE0FF]/u);
  });
});

// ─── Findings the sample does not have ─────────────────────────────────────────────────────────────────────────

describe('placing findings of every kind', () => {
  it('marks a stated figure of the frontmatter in the quorum sentence (attendance-stated-figures)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'minutier-review-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(path.join(root, 'organisations'), path.join(dir, 'organisations'), { recursive: true });
    const source = readFileSync(path.join(root, samplePath), 'utf8').replace(/^( {2}voix: )64$/m, '$165');
    expect(source).toContain('  voix: 65');
    writeFileSync(path.join(dir, 'seance.md'), source);
    const [file] = await checkFiles(['seance.md'], { cwd: dir });
    const changed = file!.data.session as Session;
    const list = [...file!.messages];
    const index = list.findIndex((m) => m.ruleId === 'attendance-stated-figures');
    expect(index, list.map(String).join('\n')).toBeGreaterThanOrEqual(0);
    const reviewTree = parseBody(renderReview(changed, list));
    const { node, ancestors } = byId(reviewTree, `finding-${index + 1}`);
    expect(markText(node)).toBe('65');
    expect(textOf(ancestors.at(-1)!)).toContain('Pour cette séance');
  });

  it('places findings on an annotation, a heading, a comment, a date, and one without place; none is lost', () => {
    const source = session.source;
    const annotation = session.annotations.find((a) => a.name?.value === 'excedent_bp')!;
    const [annotationStart, annotationEnd] = offsets(annotation.expression!.position);
    const item5 = session.deliberations.find((d) => d.number.value === 5)!;
    const comment = source.indexOf('<!-- Le PV compte');
    const [dateStart, dateEnd] = offsets(session.date.position);
    const voices = session.stated.voices!;
    const [voicesStart, voicesEnd] = offsets(voices.position);
    const list = [
      messageAt(source, annotationStart, annotationEnd, 'Sur l’expression de l’annotation.', { fatal: true }),
      messageAt(source, ...offsets(item5.number.position), 'Sur le numéro du point 5.', { fatal: false }),
      messageAt(source, comment, comment + 4, 'Dans un commentaire.'),
      messageAt(source, dateStart, dateEnd, 'Sur la date de l’en-tête.'),
      new VFileMessage('Sans emplacement.', { ruleId: 'essai', source: 'minutier' }),
      messageAt(source, voicesStart, voicesEnd, 'Premier constat sur les voix annoncées.', { fatal: true }),
      messageAt(source, voicesStart, voicesEnd, 'Second constat sur le même nombre.', { fatal: false }),
    ];
    const reviewPage = renderReview(session, list);
    const reviewTree = parseBody(reviewPage);

    // The annotation is not printed: its finding goes to the number it annotates.
    const onAnnotation = byId(reviewTree, 'finding-1');
    expect(onAnnotation.node.tagName).toBe('mark');
    expect(markText(onAnnotation.node)).toBe('564 614,75 €');
    expect(deliberationOf(onAnnotation.ancestors)).toBe('3');

    const onHeading = byId(reviewTree, 'finding-2');
    expect(onHeading.node.tagName).toBe('mark');
    expect(onHeading.ancestors.at(-2)!.tagName).toBe('h2');
    expect(markText(onHeading.node)).toBe('5.');

    // A comment is not printed: its note opens the deliberation's section.
    const inComment = byId(reviewTree, 'finding-3');
    expect(classesOf(inComment.node)).toContain('finding-note');
    expect(deliberationOf(inComment.ancestors)).toBe('2');

    // The date is printed in words: nothing to highlight, listed apart.
    for (const n of [4, 5]) {
      const apart = byId(reviewTree, `finding-${n}`);
      expect(classesOf(apart.node)).toContain('finding-note');
      expect(apart.ancestors.some((a) => classesOf(a).includes('review-unplaced'))).toBe(true);
    }
    expect(reviewPage).toContain('Constats sans emplacement visible');

    // Two findings on one number: both marked, nested, both explained under the sentence.
    const first = byId(reviewTree, 'finding-6');
    const second = byId(reviewTree, 'finding-7');
    expect(markText(first.node)).toBe('64');
    expect(markText(second.node)).toBe('64');
    expect(second.ancestors).toContain(first.node);
    expect(textOf(first.ancestors.at(-1)!)).toContain('Pour cette séance');

    const entries = elements(reviewTree).filter(({ node }) => classesOf(node).includes('finding-entry'));
    expect(entries).toHaveLength(list.length);
  });

  it('says so when there is nothing to report', () => {
    const clean = renderReview(session, []);
    expect(clean).toContain('Aucun constat');
    expect(clean).not.toContain('<mark');
    expect(textOf(parseBody(clean))).toContain('Procès-verbal – COMITÉ SYNDICAL');
  });
});
