/** The vote grammar (src/parse/vote-sentence.ts, docs/format.md « Les votes »): one test per form. */
import { describe, expect, it } from 'vitest';
import { isVoteText, readVoteText } from '../../src/parse/vote-forms.js';
import { readNames } from '../../src/parse/vote-names.js';
import { parseText } from './helpers.js';

function counts(text: string): Record<string, number | string[]> {
  const read = readVoteText(text);
  expect(read, `« ${text} » doit se lire comme un vote`).toBeDefined();
  const result: Record<string, number | string[]> = {};
  for (const count of read!.counts) {
    if (count.number) result[count.key] = count.number.value.toNumber();
    if (count.names.length) result[`${count.key}Names`] = count.names.map((entry) => entry.name);
  }
  return result;
}

describe('vote sentences', () => {
  it('« Adopté(e)(s) », « Approuvé… », « Rejeté… » at the start', () => {
    expect(readVoteText('Adoptée à l’unanimité')).toMatchObject({ outcome: 'adoptee', unanimous: true });
    expect(readVoteText('Adoptés à l’unanimité')).toMatchObject({ outcome: 'adoptee', unanimous: true });
    expect(readVoteText('Approuvé à l’unanimité')).toMatchObject({ outcome: 'adoptee' });
    expect(readVoteText('Rejetée par 20 voix pour et 30 voix contre')).toMatchObject({ outcome: 'rejetee' });
  });

  it('« ADOPTÉ » in capitals', () => {
    expect(readVoteText('ADOPTÉ')).toMatchObject({ outcome: 'adoptee', unanimous: false, counts: [] });
    expect(readVoteText('ADOPTÉE À L’UNANIMITÉ')).toMatchObject({ outcome: 'adoptee', unanimous: true });
  });

  it('« Le conseil municipal, après en avoir délibéré, adopte à l’unanimité »', () => {
    expect(
      readVoteText('Le conseil municipal, après en avoir délibéré, adopte à l’unanimité le budget primitif.'),
    ).toMatchObject({
      outcome: 'adoptee',
      unanimous: true,
    });
    expect(readVoteText('LE CONSEIL MUNICIPAL APPROUVE A L’UNANIMITE le compte-rendu de la séance.')).toMatchObject({
      unanimous: true,
    });
  });

  it('« À l’unanimité » alone, « approuvent à l’unanimité »', () => {
    expect(readVoteText('À l’unanimité')).toMatchObject({ outcome: 'adoptee', unanimous: true });
    expect(
      readVoteText(
        'Les membres du Conseil Communautaire, après en avoir délibéré, approuvent à l’unanimité le procès-verbal.',
      ),
    ).toMatchObject({ unanimous: true });
    expect(readVoteText('LE CONSEIL MUNICIPAL DECIDE A L’UNANIMITE de vendre la parcelle.')).toMatchObject({
      unanimous: true,
    });
  });

  it('« décide à l’unanimité »', () => {
    expect(
      readVoteText('Le conseil, après en avoir délibéré, décide à l’unanimité d’autoriser le maire à signer.'),
    ).toMatchObject({
      outcome: 'adoptee',
      unanimous: true,
    });
  });

  it('« Approbation à l’unanimité des suffrages exprimés »', () => {
    expect(readVoteText('Approbation à l’unanimité des suffrages exprimés')).toMatchObject({
      outcome: 'adoptee',
      unanimous: true,
    });
  });

  it('a passive outcome: « … est approuvé à l’unanimité. », « le compte rendu est approuvé. »', () => {
    expect(readVoteText('Après lecture, le procès-verbal est approuvé à l’unanimité.')).toMatchObject({
      unanimous: true,
    });
    expect(readVoteText('Aucune remarque n’ayant été apportée, le compte rendu est approuvé.')).toMatchObject({
      outcome: 'adoptee',
    });
  });

  it('« par 20 voix pour, 3 contre et 2 abstentions »', () => {
    expect(counts('Adoptée par 20 voix pour, 3 contre et 2 abstentions')).toEqual({
      for: 20,
      against: 3,
      abstentions: 2,
    });
    expect(counts('Le conseil municipal adopte par 20 voix pour, 3 contre et 2 abstentions.')).toEqual({
      for: 20,
      against: 3,
      abstentions: 2,
    });
  });

  it('« à la majorité (2 contre : MM. X, Y) »', () => {
    expect(readVoteText('Adopté à la majorité (2 contre : MM. DUPONT, MARTIN)')).toMatchObject({ outcome: 'adoptee' });
    expect(counts('Adopté à la majorité (2 contre : MM. DUPONT, MARTIN)')).toEqual({
      against: 2,
      againstNames: ['DUPONT', 'MARTIN'],
    });
  });

  it('votes by name: « Contre : MM. DUPONT et MARTIN », « 2 abstentions (Mme X, M. Y) »', () => {
    expect(counts('Adopté à la majorité. Contre : MM. DUPONT et MARTIN')).toEqual({
      againstNames: ['DUPONT', 'MARTIN'],
    });
    expect(counts('Adoptée par 18 voix pour et 2 abstentions (Mme PETIT, M. LEROY)')).toEqual({
      for: 18,
      abstentions: 2,
      abstentionsNames: ['Mme PETIT', 'M. LEROY'],
    });
  });

  it('counts written label first: « Vote : Pour : 18 Contre : 1 (Éric VIOLLEAU) Abstention : 0 »', () => {
    expect(counts('Vote : Pour : 18\nContre : 1 (Éric VIOLLEAU) Abstention : 0')).toEqual({
      for: 18,
      against: 1,
      againstNames: ['Éric VIOLLEAU'],
      abstentions: 0,
    });
  });

  it('« ne prend pas part au vote », blancs, scrutin secret, majorité absolue', () => {
    expect(
      readVoteText('Adoptée à la majorité absolue : 50 pour, 10 contre, 4 abstentions, 1 ne prend pas part au vote'),
    ).toMatchObject({
      majority: 'absolue',
    });
    expect(
      counts('Adoptée à la majorité absolue : 50 pour, 10 contre, 4 abstentions, 1 ne prend pas part au vote'),
    ).toEqual({
      for: 50,
      against: 10,
      abstentions: 4,
      notVoting: 1,
    });
    expect(readVoteText('Rejetée au scrutin secret par 20 voix pour et 30 voix contre')).toMatchObject({
      ballot: 'secret',
    });
  });

  it('prose is not a vote', () => {
    expect(isVoteText('Le Président propose d’adopter le budget primitif 2022.')).toBe(false);
    expect(isVoteText('Le budget 2021 avait été adopté en mars.')).toBe(false);
    expect(isVoteText('Le montant est de 20 000 €.')).toBe(false);
    expect(
      isVoteText('Monsieur le Maire rappelle que la commune a décidé à l’unanimité en 2019 de rénover l’école.'),
    ).toBe(false);
    expect(isVoteText('Le compte administratif 2021 a été adopté à l’unanimité le 12 avril.')).toBe(false);
  });

  it('reads names with civilities', () => {
    expect(readNames('MM. DUPONT et MARTIN')?.map((entry) => entry.name)).toEqual(['DUPONT', 'MARTIN']);
    expect(readNames('Mme X, M. Y')?.map((entry) => entry.name)).toEqual(['Mme X', 'M. Y']);
    expect(readNames('à la majorité')).toBeUndefined();
  });
});

const header = `---
organisation:
  nom: Commune de Saint-Martin
  forme: commune
  delegues:
    - { nom: MARTIN Anne }
    - { nom: DURAND Paul }
    - { nom: PETIT Louise }
    - { nom: LEROY Marc }
    - { nom: DUPONT Jean }
date: 2022-06-28
heure: 18h30
president: MARTIN Anne
presents:
  - { nom: MARTIN Anne }
  - { nom: DURAND Paul }
  - { nom: PETIT Louise }
  - { nom: LEROY Marc }
  - { nom: DUPONT Jean }
---

## Délibérations

### 1. Budget
`;

describe('votes in a deliberation', () => {
  it('a vote list under the sentence, with names: counts read once', async () => {
    const { session } = await parseText(`${header}
Adopté à la majorité :

- Pour : 3
- Abstentions : 2 (MM. LEROY et DUPONT)
`);
    const vote = session!.deliberations[0]!.vote!;
    expect(vote.for?.value.toNumber()).toBe(3);
    expect(vote.abstentions?.value.toNumber()).toBe(2);
    expect(vote.names?.abstentions?.map((entry) => entry.name)).toEqual(['LEROY', 'DUPONT']);
  });

  it('a paragraph of counts after the sentence', async () => {
    const { session } = await parseText(`${header}
APPROUVE le budget.

Pour : 4 Contre : 0 Abstentions : 1
`);
    const vote = session!.deliberations[0]!.vote!;
    expect(vote.text).toBe('APPROUVE le budget.');
    expect([vote.for, vote.against, vote.abstentions].map((n) => n?.value.toNumber())).toEqual([4, 0, 1]);
  });

  it('a results table after the sentence', async () => {
    const { session } = await parseText(`${header}
Adopté.

| Pour | Contre | Abstentions |
|---|---|---|
| 4 | 1 | 0 |
`);
    const vote = session!.deliberations[0]!.vote!;
    expect([vote.for, vote.against, vote.abstentions].map((n) => n?.value.toNumber())).toEqual([4, 1, 0]);
  });

  it('two vote sentences in one item: the last is the vote, the other is listed', async () => {
    const { session } = await parseText(`${header}
Adopté à l'unanimité

Le conseil municipal, après en avoir délibéré, décide à l'unanimité d'autoriser le maire.
`);
    const vote = session!.deliberations[0]!.vote!;
    expect(vote.text).toMatch(/^Le conseil municipal/u);
    expect(vote.others?.map((other) => other.text)).toEqual(["Adopté à l'unanimité"]);
  });
});
