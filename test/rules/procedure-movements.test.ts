import { describe, expect, it } from 'vitest';
import { procedureRules } from '../../src/check/rules/procedure.js';
import { runRules } from './harness.js';

const session = (movements: string, vote: string) => `---
organisation:
  nom: Syndicat pondéré
  president: MARTIN Anne
  delegues:
    - { nom: MARTIN Anne, voix: 6 }
    - { nom: DURAND Paul, voix: 1 }
    - { nom: PETIT Louise, voix: 1 }
    - { nom: LEROY Marc, voix: 2 }
instance: Comité syndical
date: 2022-06-28
heure: 17h30
lieu: à la mairie
president: DURAND Paul
secretaires: [DURAND Paul]
presents:
  - { nom: MARTIN Anne, voix: 6 }
  - { nom: DURAND Paul, pouvoir: PETIT Louise, voix: 2 }
  - { nom: LEROY Marc, voix: 2 }
excuses: [PETIT Louise]
${movements}---

## Délibérations

### 1. Budget

Adoptée à l'unanimité

### 2. Compte administratif 2021

${vote}

La séance est levée à 19h00
`;

async function findings(text: string, id: string) {
  const file = await runRules(text, procedureRules);
  return file.messages.filter((message) => message.ruleId === id).map((message) => message.reason);
}

describe('weighted votes, movements and the compte administratif', () => {
  it('counts weighted voices without the ordonnateur', async () => {
    expect(await findings(session('', 'Adoptée par 4 voix pour'), 'vote-count')).toEqual([]);
    expect(await findings(session('', 'Adoptée par 10 voix pour'), 'vote-count')).toEqual([
      'Le vote compte 10 voix mais le point 2 a 4 voix.',
    ]);
    expect(await findings(session('', 'Adoptée par 10 voix pour'), 'proxy-compte-administratif')).toHaveLength(1);
  });

  it('applies a departure before the item, with the proxy given on leaving', async () => {
    const leaving = 'mouvements:\n  - { depart: LEROY Marc, avant: 2, pouvoir-a: MARTIN Anne }\n';
    // MARTIN withdraws as ordonnateur, with the proxy she holds: only DURAND and PETIT's proxy vote.
    expect(await findings(session(leaving, 'Adoptée par 2 voix pour'), 'vote-count')).toEqual([]);
  });

  it('accepts a member withdrawing from an item stated as not taking part', async () => {
    const text = session(
      'mouvements:\n  - { retrait: LEROY Marc, point: 2 }\n',
      'Adoptée par 2 voix pour, 2 ne prend pas part au vote',
    );
    expect(await findings(text, 'vote-count')).toEqual([]);
  });

  it('adopts a compte administratif on a tie', async () => {
    expect(await findings(session('', 'Adoptée par 2 voix pour et 2 voix contre'), 'vote-outcome')).toEqual([]);
    expect(await findings(session('', 'Rejetée par 2 voix pour et 2 voix contre'), 'vote-outcome')).toHaveLength(1);
  });
});
