import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { fromWritten } from '../../../src/check/arith/interval.js';
import {
  evaluate,
  instalment,
  isExprError,
  parseExpression,
  references,
  staticProblems,
  type Binding,
  type Expr,
} from '../../../src/check/expr/index.js';
import { parseFrenchNumber } from '../../../src/model/numbers.js';

function bind(text: string): Binding {
  const parsed = parseFrenchNumber(text)!;
  return { value: fromWritten(parsed), text };
}

const env = new Map<string, Binding>([
  ['part_1068', bind('2 133,85')],
  ['solde_002', bind('562 480,90')],
  ['partie_2_ttc', bind('1 560 000')],
  ['total_ent', bind('320 319,16')],
  ['eleves', bind('43 478')],
  ['emprunt', bind('400 000,00')],
  ['taux', bind('3 %')],
  ['zéro', bind('0')],
]);

function parsed(text: string): Expr {
  const expr = parseExpression(text);
  if (isExprError(expr)) throw new Error(expr.message);
  return expr;
}

function value(text: string) {
  const result = evaluate(parsed(text), env);
  if (isExprError(result)) throw new Error(result.message);
  return result;
}

describe('parsing', () => {
  test('French numbers, names with accents and dots, precedence and unary minus', () => {
    const expr = parsed('1 300 000 + somme(a.b; élèves_2) × −2');
    expect(expr).toMatchObject({ type: 'binary', operator: '+', left: { type: 'number', raw: '1 300 000' } });
    expect(expr.type === 'binary' && expr.right).toMatchObject({
      type: 'binary',
      operator: '*',
      left: { type: 'call', name: 'somme', args: [{ name: 'a.b' }, { name: 'élèves_2' }] },
      right: { type: 'unary', operator: '-' },
    });
    expect(references(expr).map((node) => node.name)).toEqual(['a.b', 'élèves_2']);
  });

  test('every node knows its place in the text', () => {
    const expr = parsed('part_1068 + solde_002');
    const [first, second] = references(expr);
    expect([first?.start, first?.end, second?.start, second?.end]).toEqual([0, 9, 12, 21]);
  });

  test('syntax errors are positioned values', () => {
    expect(parseExpression('a + ')).toMatchObject({ code: 'syntax', start: 4 });
    expect(parseExpression('(a + b')).toMatchObject({ code: 'syntax', start: 6 });
    expect(parseExpression('somme(a, b)')).toMatchObject({
      code: 'syntax',
      start: 7,
      message: expect.stringContaining('« ; »'),
    });
    expect(parseExpression('1.5')).toMatchObject({ code: 'syntax', message: expect.stringContaining('virgule') });
    expect(parseExpression('a b')).toMatchObject({ code: 'syntax', start: 2 });
    expect(parseExpression('a $ b')).toMatchObject({ code: 'syntax', start: 2, end: 3 });
  });
});

describe('evaluation', () => {
  test('a sum, shown with the operands’ values', () => {
    const result = value('part_1068 + solde_002');
    expect(result.shown).toBe('2 133,85 + 562 480,90');
    expect(result.value.nominal.toString()).toBe('564614.75');
    expect([result.value.lo.toString(), result.value.hi.toString()]).toEqual(['564614.74', '564614.76']);
  });

  test('literals are exact, percentages are divided by 100', () => {
    expect(value('1 300 000 × (1 + 20 %)').value.lo.toString()).toBe('1560000');
    expect(value('taux').value.nominal.toString()).toBe('0.03');
  });

  test('ttc, ht, tva and fctva with their default rates', () => {
    expect(value('ttc(1 300 000)').value.nominal.toString()).toBe('1560000');
    expect(value('ht(1 560 000)').value.nominal.toString()).toBe('1300000');
    expect(value('tva(1 300 000; 5,5 %)').value.nominal.toString()).toBe('71500');
    expect(value('fctva(partie_2_ttc)').value.nominal.toFixed(2)).toBe('255902.40');
  });

  test('the loan: one instalment, the annual charge, rate 0', () => {
    const monthly = value('echeance(emprunt; taux; 15; 12)');
    expect(monthly.value.nominal.toFixed(2)).toBe('2762.33');
    const annual = value('annuite(emprunt; taux; 15; 12)');
    expect(annual.value.nominal.toFixed(2)).toBe('33147.92');
    expect(annual.value.lo.toFixed(2, Decimal.ROUND_HALF_UP)).toBe('33147.92');
    expect(annual.value.hi.toFixed(2, Decimal.ROUND_HALF_UP)).toBe('33147.92');
    expect(annual.details[0]).toContain('prêt de 400 000,00 € à 3 % sur 15 ans, 12 échéances par an');
    // Yearly instalments by default: 400 000 × 0,03 / (1 − 1,03^−15) = 33 506,64.
    expect(value('annuite(emprunt; taux; 15)').value.nominal.toFixed(2)).toBe('33506.63');
    expect(value('annuite(1 200; 0 %; 1; 12)').value.nominal.toString()).toBe('1200');
    expect((instalment(new Decimal(1200), new Decimal(0), new Decimal(1), new Decimal(12)) as Decimal).toString()).toBe(
      '100',
    );
  });

  test('arrondi, min, max', () => {
    expect(value('arrondi(total_ent / eleves; 2)').value.nominal.toString()).toBe('7.37');
    expect(value('min(3; 1; 2)').value.nominal.toString()).toBe('1');
    expect(value('max(3; 1; 2)').value.nominal.toString()).toBe('3');
  });

  test('errors are positioned values: unknown name with the nearest, arity, division by zero', () => {
    const unknown = evaluate(parsed('part_1086 + 1'), env);
    expect(unknown).toMatchObject({ code: 'unknown-name', start: 0, end: 9, suggestion: 'part_1068' });
    expect(evaluate(parsed('1 + ttc(1; 2; 3)'), env)).toMatchObject({ code: 'arity', start: 4, end: 16 });
    expect(evaluate(parsed('1 / zéro'), env)).toMatchObject({ code: 'division-by-zero', start: 4, end: 8 });
    expect(evaluate(parsed('1 / (2 - 2)'), env)).toMatchObject({
      code: 'division-by-zero',
      message: 'division par zéro',
    });
    expect(evaluate(parsed('tcc(1)'), env)).toMatchObject({ code: 'unknown-function', suggestion: 'ttc' });
    expect(staticProblems(parsed('a + b + ttc()'), env).map((problem) => problem.code)).toEqual([
      'unknown-name',
      'unknown-name',
      'arity',
    ]);
  });
});
