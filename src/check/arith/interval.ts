/**
 * The interval a written number stands for, and exact interval arithmetic on it.
 *
 * As in XBRL Calculations 1.1 and statcheck, a number written with `d` decimals stands for every value that rounds
 * to it: "7,37" → [7,365 ; 7,375]. Two written numbers are consistent when their intervals meet. Every operation
 * rounds its lower bound down and its upper bound up (directed rounding at 40 significant digits), so the exact
 * result of the operation on any values of the operands always lies inside the computed interval.
 *
 * Each interval also carries a `nominal` value: the same computation on the written values themselves, used to show
 * the author the arithmetic ("2 133,85 + 562 480,90 = 564 614,75") and for parameters taken as exact (rates, terms).
 */
import { Decimal } from 'decimal.js';
import type { NumberUnit } from '../../model/types.js';

const PRECISION = 40;
/** Nominal computations: 40 significant digits, round half to even. */
export const Exact = Decimal.clone({ precision: PRECISION, rounding: Decimal.ROUND_HALF_EVEN });
/** Lower bounds: round towards −∞. */
const Down = Decimal.clone({ precision: PRECISION, rounding: Decimal.ROUND_FLOOR });
/** Upper bounds: round towards +∞. */
const Up = Decimal.clone({ precision: PRECISION, rounding: Decimal.ROUND_CEIL });

export interface Interval {
  lo: Decimal;
  hi: Decimal;
  /** The value computed from the written values (always within [lo ; hi]). */
  nominal: Decimal;
}

/** An arithmetic failure, as a value (never thrown). */
export interface ArithError {
  kind: 'arith-error';
  code: 'division-by-zero' | 'domain';
  /** French, for the author. */
  message: string;
}

export function isArithError(value: unknown): value is ArithError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'arith-error';
}

export function arithError(code: ArithError['code'], message: string): ArithError {
  return { kind: 'arith-error', code, message };
}

/** An exact value: a literal typed in an expression ("1,2", "20 %" → 0,2), a default rate, a count. */
export function point(value: Decimal.Value): Interval {
  const v = new Exact(value);
  return { lo: v, hi: v, nominal: v };
}

export function interval(lo: Decimal.Value, hi: Decimal.Value, nominal?: Decimal.Value): Interval {
  const l = new Exact(lo);
  const h = new Exact(hi);
  if (l.gt(h)) throw new RangeError(`interval: lower bound ${l.toString()} above upper bound ${h.toString()}`);
  const n = nominal === undefined ? Exact.div(Exact.add(l, h), 2) : new Exact(nominal);
  return { lo: l, hi: h, nominal: n };
}

const halfUnits: Decimal[] = [];

/** Half a unit of the last written decimal: 0,005 for "7,37", 0,5 for "43 478". */
export function halfUnit(decimals: number): Decimal {
  // Made once per number of decimals: every written number of every rule asks for it (decimals are immutable).
  return (halfUnits[decimals] ??= new Exact(10).pow(-decimals).div(2));
}

/**
 * The interval a written number stands for: value ± ½·10^−decimals, a percentage divided by 100
 * ("3 %" → [0,025 ; 0,035], nominal 0,03).
 */
export function fromWritten(number: { value: Decimal; decimals: number; unit?: NumberUnit }): Interval {
  const half = halfUnit(number.decimals);
  const scale = number.unit === '%' ? 100 : 1;
  const v = new Exact(number.value);
  return {
    lo: Down.div(Exact.sub(v, half), scale),
    hi: Up.div(Exact.add(v, half), scale),
    nominal: Exact.div(v, scale),
  };
}

/** The exact value a literal typed in an expression stands for ("20 %" → 0,2). */
export function fromLiteral(number: { value: Decimal; unit?: NumberUnit }): Interval {
  return point(number.unit === '%' ? Exact.div(number.value, 100) : number.value);
}

export function isPoint(a: Interval): boolean {
  return a.lo.eq(a.hi);
}

export function contains(a: Interval, value: Decimal.Value): boolean {
  return a.lo.lte(value) && a.hi.gte(value);
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: Down.add(a.lo, b.lo), hi: Up.add(a.hi, b.hi), nominal: Exact.add(a.nominal, b.nominal) };
}

export function neg(a: Interval): Interval {
  return { lo: a.hi.neg(), hi: a.lo.neg(), nominal: a.nominal.neg() };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: Down.sub(a.lo, b.hi), hi: Up.sub(a.hi, b.lo), nominal: Exact.sub(a.nominal, b.nominal) };
}

function extremes(
  a: Interval,
  b: Interval,
  down: (x: Decimal, y: Decimal) => Decimal,
  up: (x: Decimal, y: Decimal) => Decimal,
): { lo: Decimal; hi: Decimal } {
  // A point (lo and hi the same value object, as point() makes it) has one bound: each pair is computed once.
  const xs = a.lo === a.hi ? [a.lo] : [a.lo, a.hi];
  const ys = b.lo === b.hi ? [b.lo] : [b.lo, b.hi];
  const pairs: Array<[Decimal, Decimal]> = [];
  for (const x of xs) for (const y of ys) pairs.push([x, y]);
  return {
    lo: Exact.min(...pairs.map(([x, y]) => down(x, y))),
    hi: Exact.max(...pairs.map(([x, y]) => up(x, y))),
  };
}

export function mul(a: Interval, b: Interval): Interval {
  const { lo, hi } = extremes(
    a,
    b,
    (x, y) => Down.mul(x, y),
    (x, y) => Up.mul(x, y),
  );
  return { lo: new Exact(lo), hi: new Exact(hi), nominal: Exact.mul(a.nominal, b.nominal) };
}

/** a ÷ b; a "division par zéro" error when b's interval contains 0. */
export function div(a: Interval, b: Interval): Interval | ArithError {
  if (b.lo.lte(0) && b.hi.gte(0)) {
    return arithError(
      'division-by-zero',
      isPoint(b) ? 'division par zéro' : 'division par zéro : le diviseur peut valoir 0 à la précision écrite',
    );
  }
  const { lo, hi } = extremes(
    a,
    b,
    (x, y) => Down.div(x, y),
    (x, y) => Up.div(x, y),
  );
  return { lo: new Exact(lo), hi: new Exact(hi), nominal: Exact.div(a.nominal, b.nominal) };
}

/** aⁿ for an integer n (n < 0 is 1 ÷ a^|n|, an error when a may be 0). */
export function powInt(a: Interval, n: number): Interval | ArithError {
  if (!Number.isInteger(n)) return arithError('domain', `exposant non entier : ${n}`);
  if (n < 0) {
    const positive = powInt(a, -n);
    if (isArithError(positive)) return positive;
    return div(point(1), positive);
  }
  if (n === 0) return point(1);
  const nominal = Exact.pow(a.nominal, n);
  const even = n % 2 === 0;
  if (even && a.lo.lt(0) && a.hi.gt(0)) {
    const m = Exact.max(a.lo.abs(), a.hi.abs());
    return { lo: new Exact(0), hi: Up.pow(m, n), nominal };
  }
  if (even && a.hi.lte(0)) return { lo: Down.pow(a.hi, n), hi: Up.pow(a.lo, n), nominal };
  return { lo: Down.pow(a.lo, n), hi: Up.pow(a.hi, n), nominal };
}

export function min(values: Interval[]): Interval {
  return {
    lo: Exact.min(...values.map((v) => v.lo)),
    hi: Exact.min(...values.map((v) => v.hi)),
    nominal: Exact.min(...values.map((v) => v.nominal)),
  };
}

export function max(values: Interval[]): Interval {
  return {
    lo: Exact.max(...values.map((v) => v.lo)),
    hi: Exact.max(...values.map((v) => v.hi)),
    nominal: Exact.max(...values.map((v) => v.nominal)),
  };
}

/** Rounds half away from zero at `decimals`, as accountants do; monotonic, so bounds map to bounds. */
export function round(a: Interval, decimals: number): Interval {
  const r = (x: Decimal) => new Exact(x.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP));
  return { lo: r(a.lo), hi: r(a.hi), nominal: r(a.nominal) };
}

/**
 * Applies a function that is monotonic (in either direction) in each argument separately: its extremes over the
 * box of arguments are at the corners. `f` is evaluated at every corner and at the nominal values; the result is
 * widened outward by a relative 10^−30 to cover the rounding of `f`'s own inexact steps (pow, division).
 */
export function monotonic(args: Interval[], f: (values: Decimal[]) => Decimal | ArithError): Interval | ArithError {
  let corners: Decimal[][] = [[]];
  for (const arg of args) {
    const ends = isPoint(arg) ? [arg.lo] : [arg.lo, arg.hi];
    corners = corners.flatMap((corner) => ends.map((end) => [...corner, end]));
  }
  const results: Decimal[] = [];
  for (const corner of corners) {
    const value = f(corner);
    if (isArithError(value)) return value;
    results.push(value);
  }
  const nominal = f(args.map((arg) => arg.nominal));
  if (isArithError(nominal)) return nominal;
  const lo = Exact.min(...results);
  const hi = Exact.max(...results);
  const slack = (x: Decimal) => Up.mul(x.abs(), '1e-30');
  return { lo: Down.sub(lo, slack(lo)), hi: Up.add(hi, slack(hi)), nominal: new Exact(nominal) };
}

// ─── Comparisons ────────────────────────────────────────────────────────────────────────────────────────────────

export type Comparison = '=' | '<=' | '>=' | '<' | '>' | '≈';

/** A declared tolerance: absolute ("± 1 000"), or relative to the expected value ("± 10 %"). */
export interface Tolerance {
  value: Decimal;
  relative: boolean;
}

/** Widens b by the tolerance: ± value, or ± value % of |b| at each bound. */
export function widen(b: Interval, tolerance: Tolerance): Interval {
  if (tolerance.relative) {
    const rate = Exact.div(tolerance.value.abs(), 100);
    return {
      lo: Down.sub(b.lo, Up.mul(b.lo.abs(), rate)),
      hi: Up.add(b.hi, Up.mul(b.hi.abs(), rate)),
      nominal: b.nominal,
    };
  }
  const t = tolerance.value.abs();
  return { lo: Down.sub(b.lo, t), hi: Up.add(b.hi, t), nominal: b.nominal };
}

export interface ComparisonResult {
  holds: boolean;
  /** The interval a was compared against (b, widened by the tolerance for ≈). */
  against: Interval;
  /**
   * When it fails, the bound of `against` that a crosses: 'lo' when a lies below it (a is too small),
   * 'hi' when a lies above it (a is too large).
   */
  crossed?: 'lo' | 'hi';
}

/**
 * Compares the written number's interval `a` with the expression's interval `b`:
 * `=` holds when they meet; `<=` when lower(a) ≤ upper(b); `<` when lower(a) < upper(b);
 * `>=` when upper(a) ≥ lower(b); `>` when upper(a) > lower(b); `≈` is `=` against b widened by the tolerance.
 */
export function compare(a: Interval, op: Comparison, b: Interval, tolerance?: Tolerance): ComparisonResult {
  const against = op === '≈' && tolerance ? widen(b, tolerance) : b;
  const below = a.hi.lt(against.lo);
  const above = a.lo.gt(against.hi);
  switch (op) {
    case '=':
    case '≈':
      if (below) return { holds: false, against, crossed: 'lo' };
      if (above) return { holds: false, against, crossed: 'hi' };
      return { holds: true, against };
    case '<=':
      return a.lo.lte(against.hi) ? { holds: true, against } : { holds: false, against, crossed: 'hi' };
    case '<':
      return a.lo.lt(against.hi) ? { holds: true, against } : { holds: false, against, crossed: 'hi' };
    case '>=':
      return a.hi.gte(against.lo) ? { holds: true, against } : { holds: false, against, crossed: 'lo' };
    case '>':
      return a.hi.gt(against.lo) ? { holds: true, against } : { holds: false, against, crossed: 'lo' };
  }
}

/** Two written numbers (or computed intervals) are equal when their intervals meet. */
export function meets(a: Interval, b: Interval): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi);
}

/**
 * The values an interval can show when written with `decimals` decimals (half away from zero):
 * one value when every point of the interval rounds alike, else the two extreme roundings.
 */
export function roundedRange(a: Interval, decimals: number): { lo: Decimal; hi: Decimal; single: boolean } {
  const lo = a.lo.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const hi = a.hi.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  return { lo, hi, single: lo.eq(hi) };
}
