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
import { Locator } from '../../parse/source.js';
import { TextMap } from '../../parse/text-map.js';

export type Kind = 'amount' | 'percent' | 'count' | 'other';

export interface TableSite {
  /** Index of the table in the deliberation (document order). */
  table: number;
  /** Row index in the table, the header row being 0. */
  row: number;
  column: number;
  /** First non-empty cell of the row, without annotations. */
  rowLabel: string;
  /** The header cell of the column. */
  header: string;
  /** Every cell text of the row. */
  cells: string[];
  /** How many header rows the table has (1, or 2 and more for a two-level header). */
  head: number;
}

export interface Num {
  number: FrenchNumber;
  /** Source offsets of the number as typed (unit and tax included). */
  start: number;
  end: number;
  item: number;
  kind: Kind;
  /** HT or TTC, written after the number, in another cell of the row or in the column header. */
  tax?: 'HT' | 'TTC';
  /** For a count: the noun after it, singular and without accents ("eleve", "habitant"). */
  noun?: string;
  /** The annotation written right after the number, if any. */
  annotation?: NumberAnnotation;
  /** The block it is in: one number per paragraph, list item paragraph or table cell. */
  block: number;
  /** When the block is a paragraph of a list item: the list and the item's index in it. */
  list?: { id: number; index: number };
  /** The sentence before and after the number (annotations removed), in the block's text. */
  before: string;
  after: string;
  table?: TableSite;
  /** Position in the deliberation's reading order. */
  order: number;
}

export interface DeliberationNumbers {
  item: number;
  nums: Num[];
  /** Blocks in order: which kind they are (a list's paragraphs carry their list id). */
  blocks: Array<{ kind: 'paragraph' | 'cell'; text: string; list?: { id: number; index: number } }>;
}

/** Annotation braces (as the parser recognises them), replaced by a filler of the same length before scanning. */
const ANNOTATION = /\{\s*(?:#|<=|>=|≤|≥|=|<|>|≈)[^{}\n]*\}/gu;
const FILLER = '\u0001';

function mask(text: string): string {
  return text.replace(ANNOTATION, (whole) => FILLER.repeat(whole.length));
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const COUNT_NOUNS = [
  'eleve',
  'habitant',
  'poste',
  'enfant',
  'logement',
  'agent',
  'repas',
  'foyer',
  'menage',
  'lit',
  'place',
  'adherent',
  'membre',
  'commune',
  'compte',
  'licence',
  'abonne',
  'usager',
  'beneficiaire',
];

/** "élèves" → "eleve", undefined when the word is not a count noun. */
export function countNoun(word: string): string | undefined {
  const folded = fold(word).replace(/[sx]$/u, '');
  return COUNT_NOUNS.find((noun) => folded === noun);
}

const SENTENCE_END = /[.!?;](?=\s|$)|\n/gu;

function sentenceAround(text: string, from: number, to: number): { before: string; after: string } {
  let start = 0;
  for (const match of text.slice(0, from).matchAll(SENTENCE_END)) start = match.index + match[0].length;
  SENTENCE_END.lastIndex = 0;
  const rest = text.slice(to);
  const end = /[.!?;](?=\s|$)|\n/u.exec(rest);
  const clean = (part: string) => part.replace(new RegExp(`${FILLER}+`, 'gu'), '');
  return { before: clean(text.slice(start, from)), after: clean(end ? rest.slice(0, end.index) : rest) };
}

function taxIn(text: string): 'HT' | 'TTC' | undefined {
  if (/\bTTC\b/u.test(text)) return 'TTC';
  if (/\bHT\b/u.test(text)) return 'HT';
  return undefined;
}

const AMOUNT_HEADER =
  /€|euro|montant|credit|budget|depense|recette|prix|cout|tarif|somme|solde|resultat|report|total|subvention|financement|emprunt|dotation|contribution|reste|realise|prevu|vote|propose|mandat|titre/u;

function classifyText(number: FrenchNumber, after: string): { kind: Kind; noun?: string } {
  if (number.unit === '%') return { kind: 'percent' };
  if (number.unit === '€' || number.tax) return { kind: 'amount' };
  const next = /^[\s\u00A0\u202F]*(euros?|EUR)\b/u.exec(after);
  if (next) return { kind: 'amount' };
  const word = /^[\s\u00A0\u202F]*([\p{L}]+)/u.exec(after)?.[1];
  const noun = word ? countNoun(word) : undefined;
  if (noun) return { kind: 'count', noun };
  return { kind: 'other' };
}

interface Raw {
  unreadable?: boolean;
  number: FrenchNumber;
  start: number;
  end: number;
  before: string;
  after: string;
  block: number;
  list?: { id: number; index: number };
  table?: TableSite;
  columnHeader?: string;
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
    const scan = (node: Nodes, list?: { id: number; index: number }, table?: TableSite) => {
      const map = new TextMap(node, session.source, locator);
      const masked = mask(map.text);
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
        if (/\d\.$/u.test(masked.slice(0, from)) || /^\.\d/u.test(masked.slice(to))) raw.unreadable = true;
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
      const texts = node.children.map((row) =>
        row.children.map((cell) =>
          mask(new TextMap(cell, session.source, locator).text)
            .replaceAll(FILLER, '')
            .trim(),
        ),
      );
      // Two-level headers (« Section » over « Chapitre », « Dépenses » over « Réel | Ordre »): every leading row without
      // a cell that is only a number is a header row; a column's header is their texts joined.
      let head = 0;
      while (head < texts.length && !(texts[head] ?? []).some((text) => parseFrenchNumber(text) !== undefined)) head++;
      head = Math.max(1, head);
      const headers = (column: number) =>
        texts
          .slice(0, head)
          .map((row) => row[column] ?? '')
          .filter((text) => text !== '')
          .join(' ');
      node.children.forEach((row, rowIndex) => {
        const cells = texts[rowIndex] ?? [];
        const rowLabel = cells.find((text) => text !== '') ?? '';
        row.children.forEach((cell, column) => {
          scan(cell, undefined, {
            table: tableIndex,
            row: rowIndex,
            column,
            rowLabel,
            header: headers(column),
            cells,
            head,
          });
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

function toNum(raw: Raw, item: number, order: number): Num {
  const base = {
    number: raw.number,
    start: raw.start,
    end: raw.end,
    item,
    block: raw.block,
    before: raw.before,
    after: raw.after,
    order,
  };
  let kind: Kind;
  let noun: string | undefined;
  let tax = raw.number.tax;
  const pureCell =
    raw.table !== undefined &&
    raw.table.row >= raw.table.head &&
    /^[\s\u00A0\u202F]*$/u.test(raw.after.replace(/^[\s\u00A0\u202F]*(HT|TTC)\b/u, '')) &&
    /^[\s\u00A0\u202F]*$/u.test(raw.before);
  if (raw.table && pureCell) {
    const site = raw.table;
    const header = fold(site.header);
    if (raw.number.unit === '%' || /%|taux|pourcentage/u.test(header)) kind = 'percent';
    else if (raw.number.unit === '€' || raw.number.tax || AMOUNT_HEADER.test(header) || /€/u.test(site.cells.join(' ')))
      kind = 'amount';
    else {
      const word = /([\p{L}]+)/u.exec(fold(raw.after))?.[1] ?? /nombre d[e']\s*([\p{L}]+)/u.exec(header)?.[1];
      noun = word ? countNoun(word) : undefined;
      kind = noun ? 'count' : raw.number.decimals === 2 ? 'amount' : 'other';
    }
    // A cell that is only a number with words after it ("15 ans (3 %)") is not an amount.
    if (
      kind === 'amount' &&
      raw.number.unit !== '€' &&
      /^[\s\u00A0\u202F]*[\p{L}]/u.test(raw.after) &&
      !/^[\s\u00A0\u202F]*(HT|TTC|euros?)\b/u.test(raw.after)
    )
      kind = 'other';
    tax ??= site.cells
      .map((cell) => (/^(HT|TTC)$/u.test(cell.trim()) ? (cell.trim() as 'HT' | 'TTC') : undefined))
      .find(Boolean);
    tax ??= taxIn(site.header) ?? taxIn(site.rowLabel);
  } else {
    const classified = classifyText(raw.number, raw.after);
    kind = classified.kind;
    noun = classified.noun;
  }
  if (raw.unreadable) kind = 'other';
  const num: Num = { ...base, kind };
  if (tax) num.tax = tax;
  if (noun) num.noun = noun;
  if (raw.list) num.list = raw.list;
  if (raw.table) num.table = raw.table;
  return num;
}
