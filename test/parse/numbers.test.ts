import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFrenchNumbers, formatFrenchNumber, parseFrenchNumber } from '../../src/model/numbers.js';

describe('parseFrenchNumber', () => {
  it.each([
    ['564 614,75 €', '564614.75', 2, '€', undefined],
    ['1 746 700€ HT', '1746700', 0, '€', 'HT'],
    ['7,40€', '7.4', 2, '€', undefined],
    ['43 478', '43478', 0, undefined, undefined],
    ['3%', '3', 0, '%', undefined],
    ['16,404 %', '16.404', 3, '%', undefined],
    ['1\u00A0560\u00A0000,00 € TTC', '1560000', 2, '€', 'TTC'],
    ['320\u202F319,16', '320319.16', 2, undefined, undefined],
    ['−12,5', '-12.5', 1, undefined, undefined],
  ])('%s', (text, value, decimals, unit, tax) => {
    const parsed = parseFrenchNumber(text);
    expect(parsed).toBeDefined();
    expect(parsed!.value.equals(new Decimal(value))).toBe(true);
    expect(parsed!.decimals).toBe(decimals);
    expect(parsed!.unit).toBe(unit);
    expect(parsed!.tax).toBe(tax);
  });

  it.each(['', 'abc', '1.5', '12 34', '1 2345', '€', '1,', ',5', '12 €€'])('refuses %j', (text) => {
    expect(parseFrenchNumber(text)).toBeUndefined();
  });

  it('keeps the written precision exactly, never through a float', () => {
    expect(parseFrenchNumber('0,10')!.value.toFixed()).toBe('0.1');
    expect(parseFrenchNumber('0,10')!.decimals).toBe(2);
    expect(parseFrenchNumber('79 868 861,00')!.value.toFixed(2)).toBe('79868861.00');
  });
});

describe('findFrenchNumbers', () => {
  it('finds the numbers of a sentence with their index', () => {
    const text = 'à hauteur de 2 133,85€ pour la couverture, soit 7,40€ pour les 43 478 élèves';
    const found = findFrenchNumbers(text);
    expect(found.map((n) => n.raw)).toEqual(['2 133,85€', '7,40€', '43 478']);
    for (const n of found) expect(text.slice(n.index, n.index + n.raw.length)).toBe(n.raw);
  });

  it('does not glue numbers to words or split references', () => {
    expect(findFrenchNumbers('loi n°2021-1465 du 10 novembre').map((n) => n.raw)).toEqual(['2021', '1465', '10']);
    expect(findFrenchNumbers('REACT-EU 2014-2020').map((n) => n.raw)).toEqual(['2014', '2020']);
  });
});

describe('round trip (property)', () => {
  const separators = fc.constantFrom(' ', '\u00A0', '\u202F');
  it('formats then parses to the same exact value and precision', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 4 }),
        (units, decimals) => {
          const value = new Decimal(units.toString()).div(new Decimal(10).pow(decimals));
          const text = formatFrenchNumber(value, decimals);
          const parsed = parseFrenchNumber(text);
          expect(parsed).toBeDefined();
          expect(parsed!.value.equals(value)).toBe(true);
          expect(parsed!.decimals).toBe(decimals);
        },
      ),
    );
  });

  it('accepts any of the three group separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999 }), separators, (n, sep) => {
        const text = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep) + ',25 €';
        const parsed = parseFrenchNumber(text);
        expect(parsed?.value.equals(new Decimal(n).plus('0.25'))).toBe(true);
        expect(parsed?.unit).toBe('€');
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        parseFrenchNumber(text);
        for (const found of findFrenchNumbers(text)) expect(text.slice(found.index).startsWith(found.raw)).toBe(true);
      }),
    );
  });
});
