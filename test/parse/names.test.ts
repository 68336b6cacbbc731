import { describe, expect, it } from 'vitest';
import { civiliteOf, displayName, isSpellingVariant, nameKey } from '../../src/model/names.js';

describe('nameKey', () => {
  it.each([
    ['DECLÉ Paul-Eric', 'DECLÉ Paul-Éric'],
    ['PARSIS LAURENT', 'Laurent PARSIS'],
    ['Mme Margaux DELETRE', 'DELETRE Margaux'],
    ['DESCHAMPS -DERCHEU Thierry', 'DESCHAMPS-DERCHEU Thierry'],
    ['DEFrance Hervé', 'DEFRANCE Hervé'],
  ])('%s = %s', (a, b) => expect(nameKey(a)).toBe(nameKey(b)));

  it('keeps different people apart', () => {
    expect(nameKey('PARSIS Laurent')).not.toBe(nameKey('JACQUES Laurent'));
  });
});

describe('isSpellingVariant', () => {
  it('flags case, accent and hyphen differences', () => {
    expect(isSpellingVariant('DECLÉ Paul-Eric', 'DECLÉ Paul-Éric')).toBe(true);
    expect(isSpellingVariant('PARSIS LAURENT', 'PARSIS Laurent')).toBe(true);
    expect(isSpellingVariant('DESCHAMPS -DERCHEU Thierry', 'DESCHAMPS-DERCHEU Thierry')).toBe(true);
  });
  it('accepts order and civilité differences', () => {
    expect(isSpellingVariant('Mme Margaux DELETRE', 'DELETRE Margaux')).toBe(false);
    expect(isSpellingVariant('Laurent PARSIS', 'PARSIS Laurent')).toBe(false);
  });
});

it('reads the civilité', () => {
  expect(civiliteOf('Mme Margaux DELETRE')).toBe('Mme');
  expect(civiliteOf('M. PARSIS Laurent')).toBe('M.');
  expect(civiliteOf('Monsieur VARLET')).toBe('M.');
  expect(displayName('M.  PARSIS  Laurent')).toBe('PARSIS Laurent');
});
