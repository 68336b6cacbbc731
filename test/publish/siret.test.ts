import { describe, expect, it } from 'vitest';
import { isValidSiret, siretProblem } from '../../src/model/siret.js';

describe('SIRET', () => {
  it.each([
    ['21860194600013', true], // the SCDL documentation's example (Ville de Poitiers)
    ['73282932000074', true],
    ['35600000000048', true], // La Poste's siège: an ordinary Luhn number
    ['35600000049837', true], // a La Poste establishment: not Luhn, digits adding up to 45, a multiple of 5
    ['35600000049838', false], // La Poste, digits adding up to 46
    ['21860194600014', false], // wrong key
    ['2186019460001', false], // 13 digits
    ['218 601 946 00013', false], // spaces: written in one piece
  ])('%s → %s', (value, valid) => {
    expect(isValidSiret(value)).toBe(valid);
  });

  it('says why, in French', () => {
    expect(siretProblem('2186019460001')).toMatch(/14 chiffres d'un seul tenant.*il en a 13/u);
    expect(siretProblem('218 601 946 00013')).toMatch(/sans espace/u);
  });
});
