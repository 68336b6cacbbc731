/** Names as PVs write them (issue 11): civilities and titles, order, hyphens, a surname alone when unique. */
import { describe, expect, it } from 'vitest';
import { civiliteOf, displayName, matchName, nameKey } from '../../src/model/names.js';

const roster = ['DUPONT Jean', 'DUPONT Marie', 'MARTIN Anne', 'DESCHAMPS-DERCHEU Thierry', 'LE BRIS Yann'].map(
  (name) => ({
    name,
    key: nameKey(name),
  }),
);

describe('names', () => {
  it('strips civilities and titles beyond M. / Mme', () => {
    expect(displayName('Monsieur Jean DUPONT')).toBe('Jean DUPONT');
    expect(displayName('Madame Anne MARTIN')).toBe('Anne MARTIN');
    expect(displayName('Maître Jean DUPONT')).toBe('Jean DUPONT');
    expect(displayName('Docteur Jean DUPONT')).toBe('Jean DUPONT');
    expect(displayName('Le Président DUPONT Jean')).toBe('DUPONT Jean');
    expect(displayName('la Maire Anne MARTIN')).toBe('Anne MARTIN');
    expect(displayName('Mme le Maire Anne MARTIN')).toBe('Anne MARTIN');
    expect(displayName('LE BRIS Yann')).toBe('LE BRIS Yann');
    expect(displayName('LEMAIRE Boris')).toBe('LEMAIRE Boris');
    expect(displayName('M. Boris LEMAIRE')).toBe('Boris LEMAIRE');
    expect(displayName('LAMAIRE Léa')).toBe('LAMAIRE Léa');
    expect(civiliteOf('la Maire Anne MARTIN')).toBe('Mme');
    expect(civiliteOf('Monsieur Jean DUPONT')).toBe('M.');
  });

  it('matches first name before or after, hyphens with spaces', () => {
    expect(matchName('Jean DUPONT', roster).match?.name).toBe('DUPONT Jean');
    expect(matchName('Monsieur Jean DUPONT', roster).match?.name).toBe('DUPONT Jean');
    expect(matchName('Thierry DESCHAMPS - DERCHEU', roster).match?.name).toBe('DESCHAMPS-DERCHEU Thierry');
  });

  it('a surname alone when unique; ambiguous only when several share it', () => {
    expect(matchName('MARTIN', roster).match?.name).toBe('MARTIN Anne');
    expect(matchName('Mme MARTIN', roster).match?.name).toBe('MARTIN Anne');
    expect(matchName('DUPONT', roster).ambiguous?.map((entry) => entry.name)).toEqual(['DUPONT Jean', 'DUPONT Marie']);
    expect(matchName('DURAND', roster)).toEqual({});
    expect(matchName('J. DUPONT', roster).match?.name).toBe('DUPONT Jean');
    expect(matchName('A. MARTIN', roster).match?.name).toBe('MARTIN Anne');
  });
});
