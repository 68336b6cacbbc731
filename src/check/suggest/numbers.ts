/**
 * Every number a deliberation writes, read the way a reviewer reads it: its value and written precision, what kind of
 * quantity it is (an amount in euros, a percentage, a count of pupils or inhabitants, or anything else: a year, a
 * duration, an article number), whether it is HT or TTC, the words around it, and where it sits (a sentence, a list
 * item, a table cell with its row label and column header). The relation-suggested rule looks for relations between
 * these numbers; nothing here reads an annotation's expression.
 */
import type { Nodes, Table } from 'mdast';
import type { FrenchNumber, NumberAnnotation, Session } from '../../model/types.js';
import { findFrenchNumbers, parseFrenchNumber } from '../../model/numbers.js';
import { annotationsIn } from '../../model/annotation-syntax.js';
import { Locator } from '../../parse/source.js';
import { TextMap } from '../../parse/text-map.js';
import type { DeliberationNumbers, Num, TableSite } from './num.js';
import { toNum, type Raw } from './number-kind.js';

export { fold, type DeliberationNumbers, type Kind, type Num, type TableSite } from './num.js';

const FILLER = '\u0001';

/** The text with each annotation (src/model/annotation-syntax.ts) replaced by a filler of the same length. */
function mask(text: string): string {
  let out = text;
  for (const { from, to } of annotationsIn(text)) out = out.slice(0, from) + FILLER.repeat(to - from) + out.slice(to);
  return out;
}

const SENTENCE_END = /[.!?;](?=\s|$)|\n/u;
const SPACE = /\s/u;

/**
 * Where the sentence holding `from` starts: just after the last sentence end (« . », « ! », « ? », « ; » before a
 * space or `from`, or a line break) before `from`. Read backwards from `from`, not by matching the whole prefix again
 * for every number of a block.
 */
function sentenceStart(text: string, from: number): number {
  for (let index = from - 1; index >= 0; index--) {
    const char = text[index]!;
    if (char === '\n') return index + 1;
    if (
      (char === '.' || char === '!' || char === '?' || char === ';') &&
      (index + 1 === from || SPACE.test(text[index + 1]!))
    )
      return index + 1;
  }
  return 0;
}

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

function sentenceAround(text: string, from: number, to: number): { before: string; after: string } {
  const start = sentenceStart(text, from);
  const rest = text.slice(to);
  const end = SENTENCE_END.exec(rest);
  const clean = (part: string) => part.replaceAll(FILLER, '');
  return { before: clean(text.slice(start, from)), after: clean(end ? rest.slice(0, end.index) : rest) };
}

/** The numbers of every deliberation of the session, in reading order. */
export function deliberationNumbers(session: Session): DeliberationNumbers[] {
  const locator = new Locator(session.source);
  const annotations = new Map<number, NumberAnnotation>();
  for (const annotation of session.annotations ?? []) {
    const offset = annotation.number.position.start.offset;
    if (offset !== undefined) annotations.set(offset, annotation);
  }
  const result: DeliberationNumbers[] = [];
  for (const deliberation of session.deliberations) {
    const item = deliberation.number.value;
    const raws: Raw[] = [];
    const blocks: DeliberationNumbers['blocks'] = [];
    let lists = 0;
    let tables = 0;
    let lastOrdered: number | undefined;
    const scan = (node: Nodes, list?: { id: number; index: number }, table?: TableSite, known?: string) => {
      const map = TextMap.of(node, session.source, locator);
      const masked = known ?? mask(map.text);
      const block = blocks.length;
      const entry: DeliberationNumbers['blocks'][number] = {
        kind: table ? 'cell' : 'paragraph',
        text: masked.replaceAll(FILLER, ''),
      };
      if (list) entry.list = list;
      blocks.push(entry);
      for (const found of findFrenchNumbers(masked)) {
        const from = found.index;
        const to = from + found.raw.length;
        const position = map.position(from, to);
        const start = position.start.offset ?? 0;
        const end = position.end.offset ?? start;
        const number: FrenchNumber = {
          value: found.value,
          decimals: found.decimals,
          raw: found.raw,
          unit: found.unit,
          position,
        };
        if (found.tax) number.tax = found.tax;
        const around = sentenceAround(masked, from, to);
        const raw: Raw = { number, start, end, ...around, block };
        // Part of a number written with points (« 142.248,76 », « 2 033 729.68 »): not a number this rule can read.
        if ((masked[from - 1] === '.' && isDigit(masked[from - 2])) || (masked[to] === '.' && isDigit(masked[to + 1])))
          raw.unreadable = true;
        if (list) raw.list = list;
        if (table) raw.table = table;
        raws.push(raw);
      }
    };
    const visit = (node: Nodes, list?: { id: number; index: number }): void => {
      if (node.type === 'table') {
        visitTable(node, tables++);
        return;
      }
      if (node.type === 'paragraph' || node.type === 'heading') {
        scan(node, list);
        return;
      }
      if (node.type === 'list') {
        // An ordered list interrupted by a table or a comment and resumed (« 2. … ») is the same list.
        const resumed = node.ordered === true && (node.start ?? 1) > 1 && lastOrdered !== undefined;
        const id = resumed ? lastOrdered! : lists++;
        const first = resumed ? (node.start ?? 1) - 1 : 0;
        if (node.ordered) lastOrdered = id;
        node.children.forEach((child, index) => {
          for (const inner of child.children) visit(inner, { id, index: first + index });
        });
        return;
      }
      if ('children' in node) for (const child of node.children) visit(child, list);
    };
    const visitTable = (node: Table, tableIndex: number) => {
      const masks = node.children.map((row) =>
        row.children.map((cell) => mask(TextMap.of(cell, session.source, locator).text)),
      );
      const texts = masks.map((row) => row.map((masked) => masked.replaceAll(FILLER, '').trim()));
      // Two-level headers (« Section » over « Chapitre », « Dépenses » over « Réel | Ordre »): every leading row without
      // a cell that is only a number is a header row; a column's header is their texts joined.
      let head = 0;
      while (head < texts.length && !(texts[head] ?? []).some((text) => parseFrenchNumber(text) !== undefined)) head++;
      head = Math.max(1, head);
      const headerTexts: string[] = [];
      const headers = (column: number) =>
        (headerTexts[column] ??= texts
          .slice(0, head)
          .map((row) => row[column] ?? '')
          .filter((text) => text !== '')
          .join(' '));
      node.children.forEach((row, rowIndex) => {
        const cells = texts[rowIndex] ?? [];
        const rowLabel = cells.find((text) => text !== '') ?? '';
        row.children.forEach((cell, column) => {
          scan(
            cell,
            undefined,
            { table: tableIndex, row: rowIndex, column, rowLabel, header: headers(column), cells, head },
            masks[rowIndex]![column],
          );
        });
      });
    };
    for (let index = deliberation.children.start; index < deliberation.children.end; index++) {
      const node = session.tree.children[index];
      if (node) visit(node);
    }
    const nums: Num[] = raws.map((raw, order) => {
      const num = toNum(raw, item, order);
      const annotation = annotations.get(raw.start);
      if (annotation) num.annotation = annotation;
      return num;
    });
    result.push({ item, nums, blocks });
  }
  return result;
}
