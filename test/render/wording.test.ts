/**
 * Wording per kind of body (issue 11): the vocabulary follows the organisation's `forme`, and nothing is printed that
 * the session or organisation does not state (no quorum statement, proxy rule or secretary line unless stated).
 */
import { describe, expect, it } from 'vitest';
import { renderListeDeliberations, renderSessionHtml } from '../../src/render/index.js';
import { bodyKind, presidingTitle } from '../../src/model/vocabulary.js';
import { parseText } from '../parse/helpers.js';

function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/gu, '')
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&nbsp;|[\u00A0\u202F]/gu, ' ')
    .replace(/\s+/gu, ' ');
}

const village = `---
organisation:
  nom: Commune de Saint-Martin
  forme: commune
  delegues:
    - { nom: MARTIN Anne }
    - { nom: DURAND Paul }
    - { nom: PETIT Louise }
date: 2022-06-28
presents:
  - { nom: MARTIN Anne, pouvoir: PETIT Louise }
  - { nom: DURAND Paul }
excuses: [PETIT Louise]
annonce: { presents: 2, representes: 1 }
---

## Délibérations

### 1. Budget primitif 2022

Adopté à l'unanimité
`;

describe('wording per kind', () => {
  it('reads the kind of a forme', () => {
    expect(bodyKind('commune')).toBe('commune');
    expect(bodyKind('communauté de communes')).toBe('communaute');
    expect(bodyKind("communauté d'agglomération")).toBe('communaute');
    expect(bodyKind('syndicat mixte')).toBe('syndicat');
    expect(bodyKind(undefined, 'Commune de Saint-Martin')).toBe('commune');
  });

  it('a village without heure, lieu, président, secrétaire, quorum rule or proxy rule: nothing invented', async () => {
    const { session, file } = await parseText(village);
    expect(file.messages.filter((message) => message.fatal)).toEqual([]);
    const html = text(renderSessionHtml(session!).html);
    expect(html).toContain('le Conseil municipal de la commune de Saint-Martin s’est réuni.');
    expect(html).not.toContain('Commune de Saint-Martin s');
    expect(html).not.toContain('commune de Commune');
    expect(html).not.toMatch(/Pouvoirs \(/u);
    expect(html).not.toMatch(/secrétaire/iu);
    expect(html).not.toContain(': —');
    expect(html).not.toContain('présidée par');
    expect(html).toContain('2 élus présents et 1 conseiller municipal représenté');
    expect(html).not.toMatch(/délégué/iu);
    expect(renderSessionHtml(session!).html).not.toContain('>Voix</th>');
    const liste = text(renderListeDeliberations(session!).html);
    expect(liste).not.toMatch(/Président de séance :/u);
    expect(liste).not.toMatch(/Secrétaire/u);
    expect(liste).toContain('Séance du mardi 28 juin 2022 ');
  });

  it('a conseil communautaire speaks of conseillers communautaires', async () => {
    const source = village
      .replace('Commune de Saint-Martin', 'Communauté de communes du Val')
      .replace('forme: commune', 'forme: communauté de communes')
      .replace('annonce: { presents: 2, representes: 1 }', 'annonce: { presents: 2, representes: 1, en-exercice: 3 }');
    const { session } = await parseText(source);
    const html = text(renderSessionHtml(session!).html);
    expect(html).toContain('le Conseil communautaire de la communauté de communes du Val s’est réuni');
    expect(html).toContain('1 conseiller communautaire représenté');
    const liste = text(renderListeDeliberations(session!).html);
    expect(liste).toContain('Conseillers en exercice : 3');
  });

  it('a vote list with names is read and printed once, as written, under the vote (issue 10, item 11)', async () => {
    const source = village.replace(
      "Adopté à l'unanimité",
      'Adopté à la majorité :\n\n- Pour : 1\n- Abstentions : 2 (MM. DURAND et MARTIN)',
    );
    const { session } = await parseText(source);
    const vote = session!.deliberations[0]!.vote!;
    expect(vote.abstentions?.value.toNumber()).toBe(2);
    const html = text(renderSessionHtml(session!).html);
    expect(html.match(/Abstentions : 2 \(MM\. DURAND et MARTIN\)/gu)).toHaveLength(1);
    expect(html.match(/Pour : 1/gu)).toHaveLength(1);
    expect(html.indexOf('Adopté à la majorité')).toBeLessThan(html.indexOf('Pour : 1'));
    const liste = text(renderListeDeliberations(session!).html);
    expect(liste).toContain('Adopté à la majorité : Pour : 1 ; Abstentions : 2 (MM. DURAND et MARTIN)');
  });

  it('a vote sentence is printed as written, with no line of figures the author did not write under it', async () => {
    const source = village.replace("Adopté à l'unanimité", 'Adopté par 2 voix pour et 1 abstention (M. DURAND).');
    const { session } = await parseText(source);
    expect(session!.deliberations[0]!.vote!.for?.value.toNumber()).toBe(2);
    const pv = renderSessionHtml(session!).html;
    expect(text(pv)).toContain('Adopté par 2 voix pour et 1 abstention (M. DURAND).');
    expect(text(pv)).not.toMatch(/Pour : 2|Abstention : 1/u);
    expect(pv).not.toContain('vote-figures');
  });

  it('a PV without deliberations gets no empty « Délibérations » part it did not write', async () => {
    const source = village.replace(/## Délibérations[\s\S]*$/u, 'La séance est ouverte.\n');
    const { session } = await parseText(source);
    expect(session!.deliberations).toHaveLength(0);
    const pv = text(renderSessionHtml(session!).html);
    expect(pv).toContain('La séance est ouverte.');
    expect(pv).not.toContain('Délibérations');
  });

  describe('who presides, in the words of the body', () => {
    const withPresident = (source: string, president: string, organisationPresident = '') =>
      source
        .replace('forme: commune', `forme: commune${organisationPresident}`)
        .replace('presents:', `president: ${president}\nsecretaires: [DURAND Paul]\npresents:`)
        .replace('- { nom: MARTIN Anne }', '- { nom: MARTIN Anne, civilite: Mme }');

    async function signed(source: string) {
      const { session } = await parseText(source);
      return {
        pv: text(renderSessionHtml(session!).html),
        liste: text(renderListeDeliberations(session!).html),
        title: presidingTitle(session!),
      };
    }

    it('the maire presiding her conseil municipal: « La Maire », from the roster’s civilité', async () => {
      const { pv, liste } = await signed(withPresident(village, 'MARTIN Anne', '\n  president: MARTIN Anne'));
      expect(pv).toContain('La Maire MARTIN Anne');
      expect(pv).not.toContain('Président de séance');
      expect(liste).toContain('Présidente de séance : MARTIN Anne, maire');
    });

    it('the civilité written on the session’s president says it too: « M. DURAND Paul », the maire', async () => {
      const { pv, liste } = await signed(
        withPresident(village, 'M. DURAND Paul', '\n  president: DURAND Paul').replace(
          'secretaires: [DURAND Paul]',
          'secretaires: [MARTIN Anne]',
        ),
      );
      expect(pv).toContain('Le Maire M. DURAND Paul');
      expect(liste).toContain('Président de séance : M. DURAND Paul, maire');
    });

    it('someone else than the maire presides: « La Présidente de séance », not « maire »', async () => {
      const { pv, liste } = await signed(withPresident(village, 'Mme MARTIN Anne', '\n  president: DURAND Paul'));
      expect(pv).toContain('La Présidente de séance Mme MARTIN Anne');
      expect(liste).toContain('Présidente de séance : Mme MARTIN Anne ');
      expect(liste).not.toContain(', maire');
    });

    it('no civilité anywhere: the masculine default, never guessed from a first name', async () => {
      const source = withPresident(village, 'PETIT Louise', '').replace(
        '- { nom: MARTIN Anne, civilite: Mme }',
        '- { nom: MARTIN Anne }',
      );
      const { pv, title } = await signed(source);
      expect(title?.feminine).toBe(false);
      expect(pv).toContain('Le Président de séance PETIT Louise');
    });

    it('a conseil communautaire: « La Présidente de séance »', async () => {
      const source = withPresident(village, 'Mme MARTIN Anne', '\n  president: MARTIN Anne')
        .replace('Commune de Saint-Martin', 'Communauté de communes du Val')
        .replace('forme: commune', 'forme: communauté de communes');
      const { pv, liste } = await signed(source);
      expect(pv).toContain('La Présidente de séance Mme MARTIN Anne');
      expect(liste).toContain('Présidente de séance : Mme MARTIN Anne ');
    });
  });
});
