/**
 * The contract every check follows, in the spirit of remark-lint and ESLint: a rule has metadata (its id, a French
 * one-line description, its default severity, its documentation) and a `check` function that reads the session model
 * and reports findings. The engine (./engine.ts) turns findings into vfile messages, applies the configured severity
 * and the silencing comments, and sorts them.
 */
import type { Point, Position, Session } from '../model/types.js';

export type Severity = 'error' | 'warn' | 'info';

export interface RuleMeta {
  /** kebab-case, stable: "attendance-row-voices". */
  id: string;
  /** French, one line: « Les voix de chaque ligne de présence… ». */
  description: string;
  /** Default severity, overridden by the config file and the session's `minutier.rules`. */
  severity: Severity;
  /** Path of the rule's documentation in the repository: 'docs/rules/<id>.md'. */
  docs: string;
}

export interface Finding {
  /** French, the sentence a reader sees. */
  message: string;
  /** Where: the offending value (the voices number, the name). */
  place: Position | Point;
  /** Set when the place is in another file (the organisation file); the engine relocates the message. */
  file?: string;
  /** What the rule computed ("2"). */
  expected?: string;
  /** What the PV states ("1"). */
  actual?: string;
  /** The computation, in French: "DEFRANCE Hervé (voix inconnues, au moins 1) + DEBEUGNY François (au moins 1) ≥ 2". */
  note?: string;
  /** A replacement the author could accept ("DECLÉ Paul-Éric"). */
  suggestion?: string;
  /**
   * Annotations to write, each replacing a span (an insertion when the span is empty): a relation-suggested finding
   * names the numbers and declares the relation. They never touch a number; `minutier check --fix` applies them.
   */
  edits?: Array<{ place: Position; text: string }>;
  /** Overrides the rule's severity for this finding only (e.g. an info beside the rule's warnings). */
  severity?: Severity;
}

export interface RuleContext {
  session: Session;
  report: (finding: Finding) => void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
