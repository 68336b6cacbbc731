/** The publication keys as an author meets them: accepted when right, refused at their place with a French reason. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseSession } from '../../src/parse/parse-session.js';

const session = (organisation: string, header = '') => `---
organisation:
  nom: Syndicat exemple
${organisation}
  president: MARTIN Anne
  delegues:
    - { nom: MARTIN Anne }
    - { nom: DURAND Paul }
instance: Comité syndical
date: 2022-06-28
heure: 17h30
lieu: à la mairie
president: MARTIN Anne
presents:
  - { nom: MARTIN Anne }
  - { nom: DURAND Paul }
${header}---

## Délibérations

### 1. Budget primitif 2022

Adoptée à l'unanimité
`;

async function parsed(text: string) {
  const file = new VFile({ path: 'sessions/exemple.md', value: text });
  const model = await parseSession(file);
  return { model, errors: file.messages.filter((m) => m.fatal).map((m) => `${m.line}:${m.column} ${m.reason}`) };
}

describe('publication keys', () => {
  it('reads siret (quoted or not), publication-url, delib-id, matieres and numero', async () => {
    const { model, errors } = await parsed(
      session(
        '  siret: 21860194600013\n  publication-url: https://www.exemple.fr/pv\n  delib-id: "DEL-{annee}-{point2}"\n  matieres: { "7.1": Décisions budgétaires et comptables }',
        'numero: 4\n',
      ),
    );
    expect(errors).toEqual([]);
    expect(model!.organisation.siret?.value).toBe('21860194600013');
    expect(model!.organisation.publicationUrl?.value).toBe('https://www.exemple.fr/pv');
    expect(model!.organisation.delibIdPattern?.value).toBe('DEL-{annee}-{point2}');
    expect(model!.organisation.matieres).toEqual({ '7.1': 'Décisions budgétaires et comptables' });
    expect(model!.number?.value).toBe(4);
  });

  it.each([
    [
      '  siret: 01234567890123',
      /4:\d+ .*SIRET « 1234567890123 » doit s'écrire en 14 chiffres.*il en a 13.*entre guillemets/u,
    ],
    ['  siret: "21860194600014"', /4:\d+ .*clé de contrôle/u],
    ['  publication-url: www.exemple.fr', /4:\d+ .*adresse web complète/u],
    ['  delib-id: "{annee}-{numero}"', /4:\d+ .*« \{numero\} » n'est pas un repère connu/u],
    ['  delib-id: "{annee}-{seance}"', /4:\d+ .*doit contenir \{point\}/u],
    ['  matieres: { "sept": Finances }', /4:\d+ .*codes? ACTES/u],
  ])('refuses %s', async (line, message) => {
    const { model, errors } = await parsed(session(line));
    expect(model).toBeUndefined();
    expect(errors.join('\n')).toMatch(message);
  });
});
