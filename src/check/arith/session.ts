/**
 * What the arithmetic rules share: the named numbers of a session as an evaluation environment, the parsing of each
 * annotation's expression, exact positions inside an expression, and the French writing of expected values.
 */
import type { Decimal } from 'decimal.js';
import { location } from 'vfile-location';
import type { FrenchNumber, NumberAnnotation, Position, Session } from '../../model/types.js';
import { formatFrenchNumber, parseFrenchNumber } from '../../model/numbers.js';
import {
  isExprError,
  parseExpression,
  type Binding,
  type Environment,
  type Expr,
  type ExprError,
} from '../expr/index.js';
import { fromWritten, roundedRange, type Interval, type Tolerance } from './interval.js';

/** How a written number shows in a computation: as typed, without its currency ("2 133,85", "3 %"). */
export function numberText(number: Pick<FrenchNumber, 'value' | 'decimals' | 'unit'>): string {
  const digits = formatFrenchNumber(number.value, number.decimals).replace(/\u202F/g, ' ');
  return number.unit === '%' ? `${digits} %` : digits;
}

export interface Definitions {
  /** Every name, with each annotation that defines it (more than one is an error). */
  byName: Map<string, NumberAnnotation[]>;
  /** Each name bound to its first definition's written number. */
  environment: Environment;
}

/**
 * Three rules read the names and the relations of a session (relation-holds, relation-reference, relation-suggested):
 * made once per session, read only.
 */
const definitionsMade = new WeakMap<Session, Definitions>();
const relationsMade = new WeakMap<Session, ParsedRelation[]>();

export function definitions(session: Session): Definitions {
  let made = definitionsMade.get(session);
  if (!made) definitionsMade.set(session, (made = makeDefinitions(session)));
  return made;
}

function makeDefinitions(session: Session): Definitions {
  const byName = new Map<string, NumberAnnotation[]>();
  for (const annotation of session.annotations ?? []) {
    const name = annotation.name?.value;
    if (!name) continue;
    const list = byName.get(name) ?? [];
    list.push(annotation);
    byName.set(name, list);
  }
  const environment = new Map<string, Binding>();
  for (const [name, [first]] of byName) {
    if (first) environment.set(name, { value: fromWritten(first.number), text: numberText(first.number) });
  }
  return { byName, environment };
}

export interface ParsedRelation {
  annotation: NumberAnnotation;
  /** The expression text (without a trailing "± tolérance"). */
  text: string;
  /** Offset of the expression's first character in the session source. */
  offset: number;
  expr: Expr | ExprError;
  tolerance?: Tolerance;
}

/** Where the expression text starts in the source: its recorded position, checked against the source text. */
function expressionOffset(session: Session, annotation: NumberAnnotation, text: string): number {
  const position = annotation.expression?.position;
  const start = position?.start.offset;
  if (start !== undefined && session.source.startsWith(text, start)) return start;
  const from = annotation.position.start.offset ?? 0;
  const found = session.source.indexOf(text, from);
  return found >= 0 ? found : (start ?? from);
}

const TOLERANCE = /^(?<expression>.*?)\s*±\s*(?<tolerance>[^±]+)$/su;

export function toleranceOf(number: Pick<FrenchNumber, 'value' | 'unit'>): Tolerance {
  return { value: number.value, relative: number.unit === '%' };
}

/** Every annotation stating a relation, with its expression parsed. */
export function relations(session: Session): ParsedRelation[] {
  let made = relationsMade.get(session);
  if (!made) relationsMade.set(session, (made = makeRelations(session)));
  return made;
}

function makeRelations(session: Session): ParsedRelation[] {
  const list: ParsedRelation[] = [];
  for (const annotation of session.annotations ?? []) {
    if (!annotation.operator || !annotation.expression) continue;
    const typed = annotation.expression.value;
    const offset = expressionOffset(session, annotation, typed);
    let text = typed;
    let tolerance = annotation.tolerance ? toleranceOf(annotation.tolerance) : undefined;
    const split = TOLERANCE.exec(typed);
    if (split?.groups) {
      text = split.groups.expression ?? '';
      const parsed = parseFrenchNumber(split.groups.tolerance ?? '');
      if (!tolerance && parsed) tolerance = toleranceOf(parsed);
    }
    const relation: ParsedRelation = { annotation, text, offset, expr: parseExpression(text) };
    if (tolerance) relation.tolerance = tolerance;
    list.push(relation);
  }
  return list;
}

/** The exact place of characters [start ; end) of an expression in the session file. */
export function placeIn(
  session: Session,
  relation: { offset: number },
  range: { start: number; end: number },
): Position {
  const index = location(session.source);
  const from = relation.offset + range.start;
  const to = relation.offset + Math.max(range.end, range.start);
  const start = index.toPoint(from);
  const end = index.toPoint(to) ?? start;
  if (!start || !end) return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  return { start, end };
}

export function isParsed(relation: ParsedRelation): relation is ParsedRelation & { expr: Expr } {
  return !isExprError(relation.expr);
}

// ─── Writing expected values ────────────────────────────────────────────────────────────────────────────────────

/** The thousands separator the author used in a number ("564 614,75" → ' '), narrow no-break space by default. */
function separatorOf(raw: string): string {
  return /\d([ \u00A0\u202F])\d{3}/u.exec(raw)?.[1] ?? '\u202F';
}

/** A decimal written the French way at `decimals`, with the author's own thousands separator. */
export function writeLike(raw: string, value: Decimal, decimals: number): string {
  return formatFrenchNumber(value, decimals).replace(/\u202F/g, separatorOf(raw));
}

export interface Expected {
  /** "564 614,75", or "1 700 000 (entre 1 699 999 et 1 700 001)" when the precision leaves a choice. */
  text: string;
  /** The computed value at the written precision ("1 700 000"), when the written values give exactly one. */
  single?: string;
}

/**
 * What the number should read at its written precision: the value computed from the written operands when it is
 * exact at that precision ("564 614,75", "255 902,40") or when every point of the computed interval rounds alike;
 * else the range of the possible writings ("entre 7,36 et 7,37").
 */
export function expectedAt(number: FrenchNumber, computed: Interval): Expected {
  const decimals = number.decimals;
  const range = roundedRange(computed, decimals);
  const nominal = writeLike(number.raw, computed.nominal, decimals);
  if (range.single || computed.nominal.decimalPlaces() <= decimals) return { text: nominal, single: nominal };
  return { text: `entre ${writeLike(number.raw, range.lo, decimals)} et ${writeLike(number.raw, range.hi, decimals)}` };
}

/** The number's own text with its digits replaced ("213 200,00 €" → "255 902,40 €"), for a suggestion. */
export function replaceDigits(raw: string, digits: string): string {
  return raw.replace(/[-\u2212]?\d[\d \u00A0\u202F]*(?:,\d+)?/u, (match) => {
    const trailing = /[ \u00A0\u202F]+$/u.exec(match)?.[0] ?? '';
    return digits + trailing;
  });
}
