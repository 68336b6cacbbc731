import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  add,
  compare,
  contains,
  div,
  fromLiteral,
  fromWritten,
  isArithError,
  meets,
  mul,
  point,
  powInt,
  roundedRange,
  sub,
  type Interval,
} from '../../../src/check/arith/interval.js';
import { parseFrenchNumber } from '../../../src/model/numbers.js';

function written(text: string): Interval {
  const parsed = parseFrenchNumber(text);
  if (!parsed) throw new Error(`not a number: ${text}`);
  return fromWritten(parsed);
}

/** An exact value, and the same value rounded (half up) to `decimals`, as an author would write it. */
const exactAndRounded = fc
  .record({
    cents: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
    scale: fc.integer({ min: 0, max: 6 }),
    decimals: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ cents, scale, decimals }) => {
    const exact = new Decimal(cents.toString()).div(new Decimal(10).pow(scale));
    const rounded = exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
    return { exact, interval: fromWritten({ value: rounded, decimals }) };
  });

describe('the interval of a written number', () => {
  test('"7,37" stands for [7,365 ; 7,375]', () => {
    const a = written('7,37');
    expect(a.lo.toString()).toBe('7.365');
    expect(a.hi.toString()).toBe('7.375');
    expect(a.nominal.toString()).toBe('7.37');
  });

  test('"43 478" stands for [43 477,5 ; 43 478,5]; "3 %" for [0,025 ; 0,035]', () => {
    expect([written('43 478').lo.toString(), written('43 478').hi.toString()]).toEqual(['43477.5', '43478.5']);
    const rate = written('3%');
    expect([rate.lo.toString(), rate.hi.toString(), rate.nominal.toString()]).toEqual(['0.025', '0.035', '0.03']);
  });

  test('a literal typed in an expression is exact: "20 %" is 0,2', () => {
    const rate = fromLiteral(parseFrenchNumber('20 %')!);
    expect(rate.lo.eq(rate.hi)).toBe(true);
    expect(rate.lo.toString()).toBe('0.2');
  });
});

describe('interval arithmetic contains every exact result', () => {
  const ops: Array<[string, (a: Interval, b: Interval) => Interval, (a: Decimal, b: Decimal) => Decimal]> = [
    ['+', add, (a, b) => a.add(b)],
    ['−', sub, (a, b) => a.sub(b)],
    ['×', mul, (a, b) => a.mul(b)],
  ];
  for (const [name, op, exactOp] of ops) {
    test(`${name}: the exact value of any rounding of the operands lies in the computed interval`, () => {
      fc.assert(
        fc.property(exactAndRounded, exactAndRounded, (a, b) => {
          const Big = Decimal.clone({ precision: 100 });
          expect(contains(op(a.interval, b.interval), exactOp(new Big(a.exact), new Big(b.exact)))).toBe(true);
        }),
      );
    });
  }

  test('÷: the exact quotient lies in the interval (or the divisor may be 0)', () => {
    fc.assert(
      fc.property(exactAndRounded, exactAndRounded, (a, b) => {
        const quotient = div(a.interval, b.interval);
        if (isArithError(quotient)) {
          expect(contains(b.interval, 0)).toBe(true);
          return;
        }
        // The interval's bounds are rounded outward at 40 digits; compare with a 60-digit quotient.
        const Big = Decimal.clone({ precision: 60 });
        expect(contains(quotient, Big.div(a.exact, b.exact))).toBe(true);
      }),
    );
  });

  test('division by an interval containing 0 is a « division par zéro » value, never a throw', () => {
    const result = div(point(1), written('0'));
    expect(isArithError(result) && result.code).toBe('division-by-zero');
    expect(isArithError(div(point(1), point(0)))).toBe(true);
  });

  test('integer powers, odd and even, across 0', () => {
    const a = written('-1,0'); // [−1,05 ; −0,95]
    const square = powInt(a, 2);
    expect(isArithError(square)).toBe(false);
    if (!isArithError(square)) expect([square.lo.toString(), square.hi.toString()]).toEqual(['0.9025', '1.1025']);
    const around = powInt(interval2('-1', '2'), 2);
    if (!isArithError(around)) expect([around.lo.toString(), around.hi.toString()]).toEqual(['0', '4']);
    const inverse = powInt(point(2), -2);
    if (!isArithError(inverse)) expect(inverse.lo.toString()).toBe('0.25');
  });
});

function interval2(lo: string, hi: string): Interval {
  return { lo: new Decimal(lo), hi: new Decimal(hi), nominal: new Decimal(lo) };
}

describe('comparisons', () => {
  test('a written sum of correctly rounded addends is never reported', () => {
    fc.assert(
      fc.property(
        fc.array(exactAndRounded, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 3 }),
        (addends, decimals) => {
          const exactSum = addends.reduce((sum, a) => sum.add(a.exact), new Decimal(0));
          const writtenSum = fromWritten({
            value: exactSum.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP),
            decimals,
          });
          const computed = addends.slice(1).reduce((sum, a) => add(sum, a.interval), addends[0]!.interval);
          expect(compare(writtenSum, '=', computed).holds).toBe(true);
        },
      ),
    );
  });

  test('= holds when the intervals meet: 7,37 = 320 319,16 / 43 478', () => {
    const quotient = div(written('320 319,16'), written('43 478'));
    expect(isArithError(quotient)).toBe(false);
    if (!isArithError(quotient)) expect(compare(written('7,37'), '=', quotient).holds).toBe(true);
    if (!isArithError(quotient))
      expect(compare(written('7,40'), '=', quotient)).toMatchObject({ holds: false, crossed: 'hi' });
  });

  test('564 614,75 is not 2 133,85 + 562 480,90 + 27', () => {
    const sum = add(add(written('2 133,85'), written('562 480,90')), point(27));
    expect(compare(written('564 614,75'), '=', sum)).toMatchObject({ holds: false, crossed: 'lo' });
    expect(meets(written('564 614,75'), add(written('2 133,85'), written('562 480,90')))).toBe(true);
  });

  test('inequalities use the generous bound', () => {
    expect(compare(written('10'), '<=', written('9')).holds).toBe(true); // 9,5 ≤ 9,5
    expect(compare(written('11'), '<=', written('9'))).toMatchObject({ holds: false, crossed: 'hi' });
    expect(compare(written('8'), '>=', written('9')).holds).toBe(true);
    expect(compare(written('7'), '>', written('9'))).toMatchObject({ holds: false, crossed: 'lo' });
    expect(compare(written('9'), '<', written('9')).holds).toBe(true);
  });

  test('≈ widens by an absolute or relative tolerance', () => {
    const tenPercent = { value: new Decimal(10), relative: true };
    expect(compare(written('25 000'), '≈', written('27 000'), tenPercent).holds).toBe(true);
    expect(compare(written('25 000'), '≈', written('30 000'), tenPercent)).toMatchObject({
      holds: false,
      crossed: 'lo',
    });
    expect(compare(written('25 000'), '≈', written('26 000'), { value: new Decimal(999), relative: false }).holds).toBe(
      true,
    );
    expect(
      compare(written('25 000'), '≈', written('27 000'), { value: new Decimal(1000), relative: false }).holds,
    ).toBe(false);
  });

  test('the values an interval can show at a precision', () => {
    expect(roundedRange(written('1 700 000'), 0)).toMatchObject({ single: false });
    const sum = add(written('2 133,85'), written('562 480,90'));
    const range = roundedRange(sum, 2);
    expect(range.lo.toString()).toBe('564614.74');
    expect(range.hi.toString()).toBe('564614.76');
  });
});
