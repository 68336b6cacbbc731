/**
 * The Markdown body: deliberations (numbered headings), their votes, the closing, GFM tables, number annotations
 * and the comments that silence rules.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import type { Deliberation, NumberAnnotation, Session, TableModel, Vote } from '../model/types.js';
import { withoutAnnotations } from '../model/annotation-syntax.js';
import { findAnnotations } from './annotations.js';
import { TextMap } from './text-map.js';
import { findVotes } from './vote-sentence.js';
import { readDeliberationHeading, type HeadingNumber } from './deliberation-number.js';
import { positionOf, type BodyContext as Context } from './body-context.js';
import { buildTable } from './body-tables.js';
import { findDisabled } from './body-comments.js';
import { foldText } from '../model/fold.js';

export { nextNonBlankLine } from './body-comments.js';

// « La séance est levée à 19h00 », « Levée de séance : 19:49 », « Levée de la séance à 21 h 15 ».
const CLOSING =
  /^\s*(?:la\s+séance\s+est\s+levée\s+à|levée\s+de\s+(?:la\s+)?séance\s*(?::|à)?)\s*(\d{1,2})\s*[h:]\s*(\d{2})?/iu;
// « Le quorum étant atteint », « constate que le quorum est atteint », « Constat du quorum » (L2121-15 mention).
const QUORUM = /\bquorum\b/iu;
/** The letters of the word in any case: asked first, because a case-insensitive Unicode search is slow on every block. */
const QUORUM_LETTERS = /quorum/i;

/**
 * True for a setext heading (a line of text underlined with `---` or `===`): in a PV this is almost always a line
 * followed by a separator the author meant as a rule, so it never ends a deliberation.
 */
export function isSetextHeading(node: Heading, source: string): boolean {
  const start = node.position?.start.offset;
  if (start === undefined) return false;
  return !/^[ \t]{0,3}#/u.test(source.slice(start, start + 4));
}

function fold(text: string): string {
  return foldText(text);
}

export type Body = Pick<
  Session,
  'opening' | 'deliberations' | 'closing' | 'quorumMention' | 'tables' | 'annotations' | 'disabled'
>;

export function buildBody(tree: Root, firstIndex: number, context: Context): Body | undefined {
  const { report } = context;
  const errorsBefore = report.errors;
  const children = tree.children;
  const slugger = new GithubSlugger();

  // Deliberation headings.
  const headings: Array<{
    index: number;
    node: Heading;
    number: number;
    title: string;
    titleFrom: number;
    map: TextMap;
    written: HeadingNumber;
  }> = [];
  for (let index = firstIndex; index < children.length; index++) {
    const node = children[index]!;
    if (node.type !== 'heading' || node.depth < 2) continue;
    const map = TextMap.of(node, context.source, context.locator, true);
    // The number as written (src/parse/deliberation-number.ts); a label that is not a plain integer counts by its order.
    const written = readDeliberationHeading(map.text);
    if (!written) continue;
    const title = written.title;
    headings.push({
      index,
      node,
      number: written.integer ?? headings.length + 1,
      title,
      titleFrom: written.titleFrom,
      map,
      written,
    });
  }

  // Closing: the last top-level paragraph "La séance est levée à …".
  let closingIndex = -1;
  let closing: Body['closing'];
  for (let index = children.length - 1; index >= firstIndex; index--) {
    const node = children[index]!;
    if (node.type !== 'paragraph') continue;
    const text = TextMap.of(node, context.source, context.locator, true).text;
    const match = CLOSING.exec(text);
    if (!match) continue;
    closingIndex = index;
    closing = {
      value: text.replace(/\s+/gu, ' ').trim(),
      position: positionOf(node, context),
      time: `${match[1]}h${match[2] ?? '00'}`,
    };
    break;
  }

  const deliberations: Deliberation[] = headings.map((heading, k) => {
    const next = headings[k + 1];
    let end = next ? next.index : children.length;
    // A heading of a higher level (a new part of the PV) ends the section.
    for (let index = heading.index + 1; index < end; index++) {
      const node = children[index]!;
      if (node.type === 'heading' && node.depth < heading.node.depth && !isSetextHeading(node, context.source)) {
        end = index;
        break;
      }
    }
    if (closingIndex > heading.index && closingIndex < end) end = closingIndex;
    const last = children[end - 1] ?? heading.node;
    const numberText = heading.written.label;
    const numberFrom = heading.written.labelFrom;
    const deliberation: Deliberation = {
      number: { value: heading.number, position: heading.map.position(numberFrom, numberFrom + numberText.length) },
      label: heading.written.label,
      prefix: heading.written.prefix,
      title: {
        value: withoutAnnotations(heading.title).trim(),
        position: heading.map.position(heading.titleFrom, heading.titleFrom + heading.title.length),
      },
      slug: slugger.slug(withoutAnnotations(heading.title).trim()),
      kind: fold(heading.title).includes('compte administratif') ? 'compte-administratif' : 'ordinaire',
      position: {
        start: positionOf(heading.node, context).start,
        end: positionOf(last, context).end,
      },
      children: { start: heading.index + 1, end },
    };
    const vote = findVote(children, heading.index + 1, end, context);
    if (vote) deliberation.vote = vote;
    return deliberation;
  });

  // Opening: from the yaml node to the first deliberation, without a section heading right before it.
  let openingEnd = headings[0]?.index ?? (closingIndex >= 0 ? closingIndex : children.length);
  const before = children[openingEnd - 1];
  if (
    headings[0] &&
    before?.type === 'heading' &&
    before.depth < headings[0].node.depth &&
    openingEnd - 1 >= firstIndex
  ) {
    openingEnd -= 1;
  }
  const opening = { start: firstIndex, end: Math.max(firstIndex, openingEnd) };

  const itemAt = (index: number): number | undefined => {
    let item: number | undefined;
    for (const deliberation of deliberations) {
      if (index >= deliberation.children.start - 1 && index < deliberation.children.end)
        item = deliberation.number.value;
    }
    return item;
  };

  // Annotations and tables, block by block.
  const annotations: NumberAnnotation[] = [];
  const tables: TableModel[] = [];
  let quorumMention: Body['quorumMention'];
  for (let index = firstIndex; index < children.length; index++) {
    const item = itemAt(index);
    walkBlocks(children[index]!, (block) => {
      if (block.type === 'table') {
        const table = buildTable(block, item, context, annotations);
        if (table) tables.push(table);
        return true;
      }
      if (block.type === 'paragraph' || block.type === 'heading') {
        const map = TextMap.of(block, context.source, context.locator);
        for (const found of findAnnotations(map, report, item)) annotations.push(found.annotation);
        if (!quorumMention && QUORUM_LETTERS.test(map.text) && QUORUM.test(map.text)) {
          quorumMention = { value: map.text.replace(/\s+/gu, ' ').trim(), position: positionOf(block, context) };
        }
        return true;
      }
      return false;
    });
  }

  const disabled = findDisabled(tree, context);
  if (report.errors > errorsBefore) return undefined;
  const body: Body = { opening, deliberations, tables, annotations, disabled };
  if (closing) body.closing = closing;
  if (quorumMention) body.quorumMention = quorumMention;
  return body;
}

/** Visits the blocks of a subtree; `visit` returns true when it handled a block (its children are then skipped). */
function walkBlocks(node: Nodes, visit: (node: Nodes) => boolean): void {
  if (visit(node)) return;
  if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') {
    for (const child of node.children) walkBlocks(child, visit);
  }
}

// ─── Votes ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** The vote of a deliberation: the grammar is in src/parse/vote-sentence.ts (docs/format.md, « Les votes »). */
function findVote(children: RootContent[], start: number, end: number, context: Context): Vote | undefined {
  return findVotes(children, start, end, context).vote;
}
