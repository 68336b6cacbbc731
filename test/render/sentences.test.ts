import { describe, expect, it } from 'vitest';
import type { College, Organisation } from '../../src/model/types.js';
import { collegeSentence, ofOrganisation, townOf, withArticle } from '../../src/render/sentences.js';

const position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const located = <T>(value: T) => ({ value, position });

function college(name: string, members: number, delegates: number, voices?: number): College {
  return {
    id: 'x',
    name: located(name),
    members: located(members),
    delegatesPerMember: located(delegates),
    voicesPerDelegate: { ...located(voices ?? 1), stated: voices !== undefined },
  };
}

describe('sentences', () => {
  it('writes a college as the reference PV', () => {
    expect(collegeSentence(college('Le Département de la Somme', 1, 6, 6))).toBe(
      'Le Département de la Somme désigne 6\u00A0délégués qui disposent chacun de 6\u00A0voix',
    );
    expect(collegeSentence(college('Les EPCI de moins de 30 000 habitants', 8, 2, 1))).toBe(
      'Les EPCI de moins de 30 000 habitants désignent 2\u00A0délégués qui disposent chacun d’une voix',
    );
    expect(collegeSentence(college('Les EPCI de plus de 50 000 habitants', 1, 4))).toBe(
      'Les EPCI de plus de 50 000 habitants désignent 4\u00A0délégués',
    );
    expect(collegeSentence(college('La commune de Camon', 1, 1, 3))).toBe(
      'La commune de Camon désigne 1\u00A0délégué qui dispose de 3\u00A0voix',
    );
  });

  it('puts the right article and preposition', () => {
    expect(withArticle('Comité syndical')).toBe('le Comité syndical');
    expect(withArticle('Assemblée générale')).toBe('l’Assemblée générale');
    expect(withArticle('Commission permanente')).toBe('la Commission permanente');
    const organisation = (kind: string | undefined, name: string) =>
      ({ name: located(name), ...(kind ? { kind: located(kind) } : {}) }) as Organisation;
    expect(ofOrganisation(organisation('syndicat mixte', 'Somme Numérique'))).toBe('du syndicat mixte Somme Numérique');
    expect(ofOrganisation(organisation('commune', 'Amiens'))).toBe('de la commune d’Amiens');
    expect(ofOrganisation(organisation('communauté de communes', 'du Vimeu'))).toBe(
      'de la communauté de communes du Vimeu',
    );
    expect(ofOrganisation(organisation(undefined, 'Somme Numérique'))).toBe('de Somme Numérique');
  });

  it('finds the town of a place', () => {
    expect(townOf('dans la salle de réunion de Somme numérique à Amiens')).toBe('Amiens');
    expect(townOf('à la mairie de Boulogne-sur-Mer')).toBeUndefined();
    expect(townOf('en salle du conseil à Saint-Valery-sur-Somme')).toBe('Saint-Valery-sur-Somme');
  });
});
