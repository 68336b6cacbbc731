import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/model/fold.js';

/** The definition foldText answers faster. */
const reference = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('folding a text for matching words', () => {
  it('removes accents and lowers the case', () => {
    expect(foldText('Délibéré à l’UNANIMITÉ')).toBe('delibere a l’unanimite');
    expect(foldText('Adoptée par 12 voix « Pour »')).toBe('adoptee par 12 voix « pour »');
    expect(foldText('Ça ŒUVRE naïve')).toBe('ca œuvre naive');
  });

  it('gives the definition for every character below U+0300 and a few beyond', () => {
    for (let code = 0; code < 0x3a0; code++) {
      const text = `A${String.fromCharCode(code)}é`;
      expect(foldText(text)).toBe(reference(text));
    }
    for (const text of ['e\u0301te\u0301', 'ÉTÉ ΣΑΣ', 'İstanbul', 'Ǆemal', 'ﬁn', '漢字 é', '😀 Été']) {
      expect(foldText(text)).toBe(reference(text));
    }
  });

  it('gives the definition on random text', () => {
    const char = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0x2ff }),
      fc.integer({ min: 0x300, max: 0x36f }),
      fc.integer({ min: 0x370, max: 0xffff }).filter((code) => code < 0xd800 || code > 0xdfff),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), (codes) => {
        const text = String.fromCharCode(...codes);
        expect(foldText(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});
