import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import {
  agree,
  dayToWords,
  formatDate,
  formatDateLong,
  formatMoney,
  formatNumber,
  formatPercent,
  numberToWords,
  ofVoices,
  openingDateInWords,
  plural,
} from '../../src/model/french.js';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('formatNumber / formatMoney', () => {
  it('groups thousands with U+202F and writes a decimal comma', () => {
    expect(formatNumber(new Decimal('564614.75'))).toBe(`564${NNBSP}614,75`);
    expect(formatNumber('79868861.00', 2)).toBe(`79${NNBSP}868${NNBSP}861,00`);
    expect(formatNumber(104)).toBe('104');
    expect(formatNumber(0)).toBe('0');
  });

  it('is exact beyond float precision', () => {
    expect(formatNumber(new Decimal('12345678901234567890.12'))).toBe(
      `12${NNBSP}345${NNBSP}678${NNBSP}901${NNBSP}234${NNBSP}567${NNBSP}890,12`,
    );
    expect(formatNumber(new Decimal('0.1').plus('0.2'))).toBe('0,3');
  });

  it('groups the integer part as Intl.NumberFormat fr-FR does (without loading ICU)', () => {
    const intl = new Intl.NumberFormat('fr-FR', { useGrouping: true, maximumFractionDigits: 0 });
    const integers = ['0', '7', '42', '999', '1000', '1234', '99999', '100000', '1000000', '1234567890123456789012'];
    for (let length = 1; length <= 25; length++) integers.push('9'.repeat(length), `1${'0'.repeat(length)}`);
    for (const integer of integers) {
      const grouped = intl.format(BigInt(integer)).replace(/[\u00A0 ]/g, NNBSP);
      expect(formatNumber(integer)).toBe(grouped);
      expect(formatNumber(`-${integer}.5`)).toBe(`\u2212${grouped},5`);
    }
  });

  it('rounds half away from zero when asked for fixed decimals', () => {
    expect(formatNumber('7.365', 2)).toBe('7,37');
    expect(formatNumber('-7.365', 2)).toBe('\u22127,37');
    expect(formatNumber('-0.001', 2)).toBe('0,00');
  });

  it('writes money with a no-break space before the euro sign', () => {
    expect(formatMoney('1560000')).toBe(`1${NNBSP}560${NNBSP}000,00${NBSP}€`);
    expect(formatMoney('7.4')).toBe(`7,40${NBSP}€`);
    expect(formatMoney('45532', 0)).toBe(`45${NNBSP}532${NBSP}€`);
    expect(formatPercent('16.404')).toBe(`16,404${NBSP}%`);
  });
});

describe('dates', () => {
  it('writes dates in French', () => {
    expect(formatDate('2022-06-28')).toBe('28 juin 2022');
    expect(formatDate('2022-05-30')).toBe('30 mai 2022');
    expect(formatDate('2023-01-01')).toBe('1er janvier 2023');
    expect(formatDate('2022-08-15')).toBe('15 août 2022');
    expect(formatDateLong('2022-06-28')).toBe('mardi 28 juin 2022');
  });

  it('rejects impossible dates', () => {
    expect(() => formatDate('2022-02-30')).toThrow(/Date invalide/);
    expect(() => formatDate('28/06/2022')).toThrow(/Date invalide/);
  });

  it('writes the opening of a PV in words, as the reference PV', () => {
    expect(openingDateInWords('2022-06-28', '17h30')).toBe('L’an deux mille vingt-deux, le vingt-huit juin à 17h30');
    expect(openingDateInWords('2021-03-01')).toBe('L’an deux mille vingt et un, le premier mars');
    expect(openingDateInWords('1999-12-31', '9h')).toBe(
      'L’an mille neuf cent quatre-vingt-dix-neuf, le trente et un décembre à 9h',
    );
  });
});

describe('numberToWords', () => {
  const cases: Array<[number, string]> = [
    [0, 'zéro'],
    [1, 'un'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [28, 'vingt-huit'],
    [31, 'trente et un'],
    [61, 'soixante et un'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [72, 'soixante-douze'],
    [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [90, 'quatre-vingt-dix'],
    [91, 'quatre-vingt-onze'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [101, 'cent un'],
    [180, 'cent quatre-vingts'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [280, 'deux cent quatre-vingts'],
    [1000, 'mille'],
    [1001, 'mille un'],
    [1980, 'mille neuf cent quatre-vingts'],
    [2000, 'deux mille'],
    [2022, 'deux mille vingt-deux'],
    [2080, 'deux mille quatre-vingts'],
    [9999, 'neuf mille neuf cent quatre-vingt-dix-neuf'],
    [80000, 'quatre-vingt mille'],
    [200000, 'deux cent mille'],
  ];
  it.each(cases)('%i → %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it('follows the 1990 rules on request', () => {
    expect(numberToWords(2022, { spelling: '1990' })).toBe('deux-mille-vingt-deux');
    expect(numberToWords(21, { spelling: '1990' })).toBe('vingt-et-un');
    expect(numberToWords(200, { spelling: '1990' })).toBe('deux-cents');
  });

  it('says "premier" for the first day', () => {
    expect(dayToWords(1)).toBe('premier');
    expect(dayToWords(28)).toBe('vingt-huit');
  });

  it('refuses what it cannot write', () => {
    expect(() => numberToWords(-1)).toThrow();
    expect(() => numberToWords(1.5)).toThrow();
  });
});

describe('plurals', () => {
  it('agrees nouns with counts, 0 and 1 singular', () => {
    expect(plural(1, 'voix')).toBe(`1${NBSP}voix`);
    expect(plural(64, 'voix')).toBe(`64${NBSP}voix`);
    expect(plural(1, 'délégué')).toBe(`1${NBSP}délégué`);
    expect(plural(6, 'délégué')).toBe(`6${NBSP}délégués`);
    expect(plural(12, 'délégué représenté')).toBe(`12${NBSP}délégués représentés`);
    expect(plural(0, 'pouvoir')).toBe(`0${NBSP}pouvoir`);
    expect(agree(13, 'élu présent')).toBe('élus présents');
  });

  it('says "d’une voix" and "de 6 voix"', () => {
    expect(ofVoices(1)).toBe('d’une voix');
    expect(ofVoices(6)).toBe(`de 6${NBSP}voix`);
  });
});
