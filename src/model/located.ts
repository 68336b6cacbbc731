/**
 * The values every part of the model is made of: a value with the place it was written, a number as typed.
 *
 * Every value an author typed keeps its source position (1-based line and column, 0-based offset, as unist),
 * so that any finding can point at the exact place in the session file — or in the organisation file, for
 * values that come from it (see `Located.file`).
 */
import type { Decimal } from 'decimal.js';
import type { Position } from 'unist';

export type { Position, Point } from 'unist';

/** A value and where it was written. `file` is set only when it is not the session file itself. */
export interface Located<T> {
  value: T;
  position: Position;
  file?: string;
}

/** Units a French amount can carry as authors type them ("564 614,75 €", "3%", "1 746 700€ HT"). */
export type NumberUnit = '€' | '%' | undefined;

/**
 * A number as an author typed it, parsed exactly.
 * `value` is the exact decimal (a percentage keeps its written value: "3%" → 3, unit '%').
 * `decimals` is the written precision: "7,37" → 2, "43 478" → 0, "16,404 %" → 3. The checks derive
 * the interval a written number stands for from it ("7,37" means [7,365 ; 7,375)).
 */
export interface FrenchNumber {
  value: Decimal;
  decimals: number;
  /** The exact characters of the number and its unit, as typed ("1 746 700€ HT"). */
  raw: string;
  unit: NumberUnit;
  /** "HT" or "TTC" when the author wrote it right after the amount. */
  tax?: 'HT' | 'TTC';
  position: Position;
  file?: string;
}
