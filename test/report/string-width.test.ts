import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import width, { ONE_COLUMN } from '../../src/report/string-width.js';

/** Every code point of the fast path (the class of ONE_COLUMN). */
function fastCodePoints(): number[] {
  const points: number[] = [];
  for (let point = 0; point <= 0xffff; point++) {
    if (ONE_COLUMN.test(String.fromCodePoint(point))) points.push(point);
  }
  return points;
}

describe('the terminal report measures text as string-width does', () => {
  const points = fastCodePoints();

  it('counts one column for each character of the fast path, as string-width does, alone or between letters', () => {
    expect(points.length).toBeGreaterThan(700);
    const differ = points.filter((point) => {
      const character = String.fromCodePoint(point);
      return stringWidth(character) !== 1 || stringWidth(`a${character}b`) !== 3;
    });
    expect(differ.map((point) => point.toString(16))).toEqual([]);
  });

  it('gives string-width’s width for any text, plain or not', () => {
    const plain = fc.string({ unit: fc.constantFrom(...points.map((point) => String.fromCodePoint(point))) });
    const mixed = fc.string({ unit: 'grapheme' });
    fc.assert(
      fc.property(fc.oneof(plain, mixed, fc.string({ unit: 'binary' })), (text) => {
        expect(width(text)).toBe(stringWidth(text));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves emoji, wide characters, combining marks and colours to string-width', () => {
    for (const text of ['Vote ✅', '会議', 'de\u0301libe\u0301ration', '\u001B[31mrouge\u001B[39m', '© 2024', 'a\tb']) {
      expect(ONE_COLUMN.test(text)).toBe(false);
      expect(width(text)).toBe(stringWidth(text));
    }
    expect(width('« 12 500,00 € » — ≤ 3 %')).toBe(23);
  });
});
