/**
 * A number of a deliberation as the relation-suggested rule reads it: its value, its kind, its tax, the words around
 * it, where it sits (a sentence, a list item, a table cell).
 */
import type { FrenchNumber, NumberAnnotation } from '../../model/types.js';
import { foldText } from '../../model/fold.js';

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

/**
 * Folded texts already seen: the shapes fold the same words around each number many times (once per shape that
 * reads them). Emptied when it grows large, so a long run does not keep every sentence.
 */
const folded = new Map<string, string>();

export function fold(text: string): string {
  let result = folded.get(text);
  if (result === undefined) {
    if (folded.size > 20_000) folded.clear();
    result = foldText(text);
    folded.set(text, result);
  }
  return result;
}
