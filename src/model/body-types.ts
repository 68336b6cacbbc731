/**
 * The body of a session: its deliberations and their votes, its tables, the annotations written after its numbers.
 */
import type { Table } from 'mdast';
import type { FrenchNumber, Located, Position } from './located.js';

/** One cell of a GFM table: its text and, when it holds one, the number in it. */
export interface TableCell {
  text: string;
  position: Position;
  number?: FrenchNumber;
  /** Annotation attached in the cell, if any (see NumberAnnotation). */
  annotation?: NumberAnnotation;
}

export interface TableModel {
  /** The first row of the GFM table (it may be empty, as in the reference PV). */
  header: TableCell[];
  rows: TableCell[][];
  position: Position;
  /** The deliberation the table belongs to (its number), undefined before the first one. */
  item?: number;
  node: Table;
}

/** Operators an author may use to relate a number to an expression. */
export type RelationOperator = '=' | '<=' | '>=' | '<' | '>' | '≈';

/**
 * An annotation written right after a number, invisible in the rendered PV:
 *   564 614,75 €{#excedent_bp}                     names the number
 *   564 614,75 €{#excedent_bp = part_1068 + solde}  names it and states a relation
 *   1 400 000€ HT{= estimation_migration}          states that it equals (quotes) another amount
 *   1 138 359,40{<= estimation}                     an inequality
 *   25 000{≈ economies ± 10 %}                      an estimate, with a declared tolerance
 * The grammar of `expression` is in docs/format.md and is parsed by src/check/expr/.
 */
export interface NumberAnnotation {
  /** The `{…}` text as typed, braces included. */
  raw: string;
  name?: Located<string>;
  operator?: RelationOperator;
  /** The right-hand side, as typed, with its position (parsed by the checks). */
  expression?: Located<string>;
  /** "± 10 %" or "± 1 000": absolute (unit undefined/€) or relative (unit '%'). */
  tolerance?: FrenchNumber;
  /** The number this annotation is attached to (the one right before it). */
  number: FrenchNumber;
  position: Position;
  /** The deliberation it belongs to, undefined before the first one. */
  item?: number;
}

export type VoteOutcome = 'adoptee' | 'rejetee';

/** A voter named with a count: « Contre : MM. DUPONT et MARTIN », « 2 abstentions (Mme X, M. Y) ». */
export interface VoteName {
  /** As written, civilité included when it was written for this name alone (« Mme X »). */
  name: string;
  position: Position;
}

export type VoteCountKey = 'for' | 'against' | 'abstentions' | 'notVoting' | 'blank';

export interface Vote {
  /** The sentence as typed: "Adoptée à l'unanimité", "Adoptée par 60 voix pour, 2 contre et 2 abstentions". */
  text: string;
  position: Position;
  outcome: VoteOutcome;
  unanimous: boolean;
  /** "à la majorité absolue", "à la majorité des suffrages exprimés" when stated. */
  majority?: 'absolue' | 'relative' | 'deux-tiers' | undefined;
  ballot: 'ordinaire' | 'public' | 'secret';
  for?: FrenchNumber;
  against?: FrenchNumber;
  abstentions?: FrenchNumber;
  /** "ne prend pas part au vote". */
  notVoting?: FrenchNumber;
  blank?: FrenchNumber;
  /** The voters named with each count, as written (src/parse/vote-sentence.ts). */
  names?: Partial<Record<VoteCountKey, VoteName[]>>;
  /** Counts the PV gives only by names (« Contre : MM. DUPONT et MARTIN »): their number is the number of names. */
  impliedCounts?: VoteCountKey[];
  /** The block of counts written under the sentence (list, paragraph, table), on one line, as written. */
  countsText?: string;
  /** Other paragraphs of the same deliberation that also read as a vote sentence (one vote per item is expected). */
  others?: Array<{ text: string; position: Position }>;
}

export type DeliberationKind = 'ordinaire' | 'compte-administratif';

export interface Deliberation {
  /**
   * The order number: the written number when it is a plain integer (« 3. »), else the item's rank in the session
   * (1, 2, 3…) — the number `mouvements` (`avant`, `point`) refer to.
   */
  number: Located<number>;
  /** The number as written, without its separator: "3", "4-4", "2020/078", "DCM20161004.19" (src/parse/deliberation-number.ts). */
  label: string;
  /** The heading text before the title, as written: "3. ", "4-4 – ". */
  prefix: string;
  title: Located<string>;
  /** URL-safe slug of the title ("compte-de-gestion-2021"). */
  slug: string;
  kind: DeliberationKind;
  /** The whole section, heading included. */
  position: Position;
  /** Index range of the section's nodes in `Session.tree.children` (start inclusive, end exclusive), heading excluded. */
  children: { start: number; end: number };
  vote?: Vote;
}
