/**
 * A candidate relation between the numbers of a deliberation, and the helpers the shapes share to build one.
 */
import { totalKind } from '../arith/tables.js';
import type { DeliberationNumbers, Num } from './numbers.js';

export type Shape = 'somme' | 'ttc' | 'pourcentage' | 'par-unite' | 'fctva' | 'emprunt' | 'reprise';

export interface Candidate {
  shape: Shape;
  /** Candidates of one group are ways of writing the same relation (TVA rates, loan periodicities): one report. */
  group?: string;
  target: Num;
  operands: Num[];
  /** The expression, given how to refer to each operand. */
  expression(ref: (num: Num) => string): string;
  /**
   * When the words say the relation must hold (« scindé en », « soit un total de », HT/TTC side by side): a near miss
   * is reported as a warning. Otherwise only an exact match is reported (as a suggestion).
   */
  strong: boolean;
  /** How far a near miss may be, relative to the target (0,05 = 5 %). */
  near: number;
  /** The words that announced the relation, quoted in the message. */
  cue: string;
  /** The relation between the target and the expression; '=' unless said (an estimate covers its lots: '>='). */
  operator?: '=' | '>=' | '<=';
  /** Whether the suggested annotation names the target (`{#nom = …}`) or not (`{= …}`). */
  named: boolean;
  /** Another way to write the same relation on another number when the target already carries a relation. */
  alternative?: () => Candidate | undefined;
  /** A message replacing the generic one for a near miss (FCTVA computed on the HT amount). */
  explain?: string;
}

/** What a shape reads: the numbers of the deliberation, its blocks, its non-zero amounts, the deliberations before. */
export interface Scope {
  nums: Num[];
  blocks: DeliberationNumbers['blocks'];
  amounts: Num[];
  earlier: DeliberationNumbers[];
}

export const sum = (ref: (num: Num) => string, nums: Num[]) => nums.map(ref).join(' + ');

export function taxCompatible(a: Num, b: Num): boolean {
  return !a.tax || !b.tax || a.tax === b.tax;
}

/** Cells that the table rules check already: total rows and total columns. */
export function inTableTotal(num: Num): boolean {
  return (
    num.table !== undefined &&
    (totalKind(num.table.rowLabel) !== undefined || totalKind(num.table.header) !== undefined)
  );
}

export function sumCandidate(target: Num, parts: Num[], strong: boolean, cue: string, near: number): Candidate {
  return {
    shape: 'somme',
    target,
    operands: parts,
    expression: (ref) => sum(ref, parts),
    strong,
    near,
    cue,
    named: true,
    alternative: () => {
      const last = parts.at(-1);
      if (!last || parts.length < 1) return undefined;
      const others = parts.slice(0, -1);
      return {
        shape: 'somme',
        target: last,
        operands: [target, ...others],
        expression: (ref) => [ref(target), ...others.map(ref)].join(' - '),
        strong: false,
        near: 0,
        cue,
        named: true,
      };
    },
  };
}
