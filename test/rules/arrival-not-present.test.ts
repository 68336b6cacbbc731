/**
 * Issue 11: an arriving member need not be in `presents` (accepted, docs/format.md); the votes of each item count only
 * those present at that item.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, ruleById, runRules } from './harness.js';

const source = (votes1: string, votes2: string) => `---
organisation:
  nom: Commune de Saint-Martin
  forme: commune
  delegues:
    - { nom: MARTIN Anne }
    - { nom: DURAND Paul }
    - { nom: PETIT Louise }
    - { nom: LEROY Marc }
date: 2023-03-14
heure: 20h30
president: MARTIN Anne
secretaires: [DURAND Paul]
presents:
  - { nom: MARTIN Anne }
  - { nom: DURAND Paul }
  - { nom: PETIT Louise }
absents: [LEROY Marc]
mouvements:
  - { arrivee: LEROY Marc, avant: 2 }
---

## Délibérations

### 1. Budget

${votes1}

### 2. Tarifs

${votes2}
`;

const rules = ['vote-count', 'vote-names', 'attendance-unknown-person', 'attendance-duplicate'].map(ruleById);

describe('arrival of a member who was not present', () => {
  it('votes from the item he arrives at, not before', async () => {
    const file = await runRules(
      source('Adopté par 3 voix pour.', 'Adopté par 3 voix pour et 1 contre (M. LEROY).'),
      rules,
    );
    expect(file.messages.map(formatMessage)).toEqual([]);
  });

  it('a vote that counts him before he arrives is reported', async () => {
    const file = await runRules(
      source('Adopté par 3 voix pour et 1 contre (M. LEROY).', 'Adopté par 4 voix pour.'),
      rules,
    );
    expect(file.messages.map(formatMessage)).toEqual([
      expect.stringMatching(/Le vote compte 4 votants mais le point 1 a 3 votants\.\s+vote-count$/u),
      expect.stringMatching(
        /« M\. LEROY » est nommé parmi les votes contre du point 1, mais n’y est ni présent ni représenté\.\s+vote-names$/u,
      ),
    ]);
  });
});
