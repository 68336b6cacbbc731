/**
 * The Markdown body: deliberations (numbered headings), their votes, the closing, GFM tables, number annotations
 * and the comments that silence rules.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, List, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import type { Position } from 'unist';
import type {
  Deliberation,
  NumberAnnotation,
  Session,
  TableCell,
  TableModel,
  Vote,
} from '../model/types.js';
import { findFrenchNumbers, isRead, parseFrenchNumber, readNumber } from '../model/numbers.js';
import { findAnnotations, locatedNumber, withoutAnnotations } from './annotations.js';
import { MAX_TABLE_ROWS, type Locator } from './source.js';
import type { Reporter } from './report.js';
import { TextMap } from './text-map.js';
import { findVotes } from './vote-sentence.js';
import { readDeliberationHeading, type HeadingNumber } from './deliberation-number.js';

// « La séance est levée à 19h00 », « Levée de séance : 19:49 », « Levée de la séance à 21 h 15 ».
const CLOSING = /^\s*(?:la\s+séance\s+est\s+levée\s+à|levée\s+de\s+(?:la\s+)?séance\s*(?::|à)?)\s*(\d{1,2})\s*[h:]\s*(\d{2})?/iu;

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
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export type Body = Pick<Session, 'opening' | 'deliberations' | 'closing' | 'tables' | 'annotations' | 'disabled'>;

interface Context {
  source: string;
  locator: Locator;
  report: Reporter;
}

function positionOf(node: Nodes, context: Context): Position {
  return node.position ?? context.locator.position(0, 0);
}

export function buildBody(tree: Root, firstIndex: number, context: Context): Body | undefined {
  const { report } = context;
  const errorsBefore = report.errors;
  const children = tree.children;
  const slugger = new GithubSlugger();

  // Deliberation headings.
  const headings: Array<{ index: number; node: Heading; number: number; title: string; titleFrom: number; map: TextMap; written: HeadingNumber }> = [];
  for (let index = firstIndex; index < children.length; index++) {
    const node = children[index]!;
    if (node.type !== 'heading' || node.depth < 2) continue;
    const map = new TextMap(node, context.source, context.locator, true);
    // The number as written (src/parse/deliberation-number.ts); a label that is not a plain integer counts by its order.
    const written = readDeliberationHeading(map.text);
    if (!written) continue;
    const title = written.title;
    headings.push({ index, node, number: written.integer ?? headings.length + 1, title, titleFrom: written.titleFrom, map, written });
  }

  // Closing: the last top-level paragraph "La séance est levée à …".
  let closingIndex = -1;
  let closing: Body['closing'];
  for (let index = children.length - 1; index >= firstIndex; index--) {
    const node = children[index]!;
    if (node.type !== 'paragraph') continue;
    const text = new TextMap(node, context.source, context.locator, true).text;
    const match = CLOSING.exec(text);
    if (!match) continue;
    closingIndex = index;
    closing = { value: text.replace(/\s+/gu, ' ').trim(), position: positionOf(node, context), time: `${match[1]}h${match[2] ?? '00'}` };
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
        end: positionOf(last as Nodes, context).end,
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
  if (headings[0] && before?.type === 'heading' && before.depth < headings[0].node.depth && openingEnd - 1 >= firstIndex) {
    openingEnd -= 1;
  }
  const opening = { start: firstIndex, end: Math.max(firstIndex, openingEnd) };

  const itemAt = (index: number): number | undefined => {
    let item: number | undefined;
    for (const deliberation of deliberations) {
      if (index >= deliberation.children.start - 1 && index < deliberation.children.end) item = deliberation.number.value;
    }
    return item;
  };

  // Annotations and tables, block by block.
  const annotations: NumberAnnotation[] = [];
  const tables: TableModel[] = [];
  for (let index = firstIndex; index < children.length; index++) {
    const item = itemAt(index);
    walkBlocks(children[index]!, (block) => {
      if (block.type === 'table') {
        const table = buildTable(block, item, context, annotations);
        if (table) tables.push(table);
        return true;
      }
      if (block.type === 'paragraph' || block.type === 'heading') {
        const map = new TextMap(block, context.source, context.locator);
        for (const found of findAnnotations(map, report, item)) annotations.push(found.annotation);
        return true;
      }
      return false;
    });
  }

  const disabled = findDisabled(tree, context);
  if (report.errors > errorsBefore) return undefined;
  const body: Body = { opening, deliberations, tables, annotations, disabled };
  if (closing) body.closing = closing;
  return body;
}

/** Visits the blocks of a subtree; `visit` returns true when it handled a block (its children are then skipped). */
function walkBlocks(node: Nodes, visit: (node: Nodes) => boolean): void {
  if (visit(node)) return;
  if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') {
    for (const child of node.children) walkBlocks(child as Nodes, visit);
  }
}

// ─── Votes ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** The vote of a deliberation: the grammar is in src/parse/vote-sentence.ts (docs/format.md, « Les votes »). */
function findVote(children: RootContent[], start: number, end: number, context: Context): Vote | undefined {
  return findVotes(children, start, end, context).vote;
}

// ─── Tables ─────────────────────────────────────────────────────────────────────────────────────────────────────

function buildTable(node: Table, item: number | undefined, context: Context, annotations: NumberAnnotation[]): TableModel | undefined {
  if (node.children.length - 1 > MAX_TABLE_ROWS) {
    context.report.error(
      `Tableau trop grand (${node.children.length - 1} lignes) : minutier lit des tableaux de ${MAX_TABLE_ROWS} lignes au plus ; découpez-le.`,
      positionOf(node, context),
      'parse-limits',
    );
    return undefined;
  }
  const rows: TableCell[][] = node.children.map((row) =>
    row.children.map((cell) => {
      const map = new TextMap(cell, context.source, context.locator);
      const found = findAnnotations(map, context.report, item);
      for (const annotation of found) annotations.push(annotation.annotation);
      const text = withoutAnnotations(map.text).trim();
      const result: TableCell = { text, position: positionOf(cell, context) };
      // Every form a published PV uses is read or reported, never skipped in silence (src/model/numbers.ts).
      const read = readNumber(text);
      if (read) {
        const at = map.text.indexOf(read.raw);
        const place = at >= 0 ? map.position(at, at + read.raw.length) : result.position;
        if (isRead(read)) {
          result.number = at >= 0 ? locatedNumber(map, read, at) : { ...read, position: result.position };
          for (const note of read.notes) context.report.warn(note, place, 'parse-number-format');
        } else {
          context.report.errorAndGoOn(
            `${read.reason} Tant que cette cellule n'est pas lisible, les totaux de ce tableau qui l'incluent ne sont pas vérifiés.`,
            place,
            'parse-number',
          );
        }
      }
      if (found[0]) result.annotation = found[0].annotation;
      return result;
    }),
  );
  const table: TableModel = {
    header: rows[0] ?? [],
    rows: rows.slice(1),
    position: positionOf(node, context),
    node,
  };
  if (item !== undefined) table.item = item;
  reportUncountedCells(table, context);
  return table;
}

const TOTAL_LABEL = /^(?:sous[-\s\u2011]?)?totau?[lx](?![\p{L}])/u;
const isTotalLabel = (text: string) =>
  TOTAL_LABEL.test(text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim());

/**
 * A table with a total (a Total row or column) whose column holds numbers, and a cell of that column with digits that
 * is not a number (`1 234,56 (1)`, `12 000 € *`): the totals leave it out; say so at the cell instead of checking a
 * partial sum in silence.
 */
function reportUncountedCells(table: TableModel, context: Context): void {
  const hasTotal =
    table.header.some((cell) => isTotalLabel(cell.text)) ||
    table.rows.some((row) => isTotalLabel(row.find((cell) => cell.text.trim() !== '')?.text ?? ''));
  if (!hasTotal) return;
  table.rows.forEach((row) => {
    row.forEach((cell, column) => {
      if (column === 0 || cell.number || !/\d/u.test(cell.text)) return;
      // Already reported as ambiguous or unreadable.
      if (readNumber(cell.text)) return;
      const numbers = table.rows.filter((other) => other[column]?.number).length;
      if (numbers === 0) return;
      const header = table.header[column]?.text.trim();
      context.report.warn(
        `« ${cell.text} » n'est pas lu comme un nombre (du texte l'accompagne) : les totaux de ce tableau${header ? ` (colonne « ${header} »)` : ''} ne le comptent pas. ` +
          'Écrivez le nombre seul dans la cellule, et le reste dans une autre colonne ou sous le tableau.',
        cell.position,
        'parse-number-format',
      );
    });
  });
}

// ─── Disable comments ──────────────────────────────────────────────────────────────────────────────────────────

const COMMENT = /<!--\s*minutier-(disable-next-line|disable|enable)\b([\s\S]*?)-->/gu;

function ruleIds(text: string): string[] {
  return text
    .split(/[\s,]+/u)
    .map((id) => id.trim())
    .filter(Boolean);
}

/** The next non-blank line after `line` (1-based), or `line + 1`. */
export function nextNonBlankLine(lines: string[], line: number): number {
  for (let k = line; k < lines.length; k++) if (lines[k]!.trim() !== '') return k + 1;
  return line + 1;
}

function findDisabled(tree: Root, context: Context): Session['disabled'] {
  const disabled: Session['disabled'] = [];
  const lines = context.source.split(/\r\n|\r|\n/u);
  const open: Array<{ ruleIds: string[]; from: number }> = [];
  const htmlNodes: Array<{ value: string; offset: number }> = [];
  const collect = (node: Nodes): void => {
    if (node.type === 'html' && node.position?.start.offset !== undefined) {
      htmlNodes.push({ value: context.source.slice(node.position.start.offset, node.position.end.offset), offset: node.position.start.offset });
    }
    if ('children' in node) for (const child of node.children) collect(child as Nodes);
  };
  collect(tree);
  for (const html of htmlNodes) {
    for (const match of html.value.matchAll(COMMENT)) {
      const startLine = context.locator.point(html.offset + match.index).line;
      const endLine = context.locator.point(html.offset + match.index + match[0].length).line;
      const ids = ruleIds(match[2] ?? '');
      if (match[1] === 'disable-next-line') {
        const target = nextNonBlankLine(lines, endLine);
        disabled.push({ ruleIds: ids, from: target, to: target });
      } else if (match[1] === 'disable') {
        open.push({ ruleIds: ids, from: startLine });
      } else {
        for (let k = open.length - 1; k >= 0; k--) {
          const entry = open[k]!;
          if (ids.length === 0) {
            disabled.push({ ruleIds: entry.ruleIds, from: entry.from, to: startLine });
            open.splice(k, 1);
            continue;
          }
          const closed = entry.ruleIds.filter((id) => ids.includes(id));
          if (closed.length === 0) continue;
          disabled.push({ ruleIds: closed, from: entry.from, to: startLine });
          entry.ruleIds = entry.ruleIds.filter((id) => !ids.includes(id));
          if (entry.ruleIds.length === 0) open.splice(k, 1);
        }
      }
    }
  }
  for (const entry of open) disabled.push({ ruleIds: entry.ruleIds, from: entry.from, to: lines.length });
  return disabled;
}
