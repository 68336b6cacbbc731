/**
 * Vote sentences as real PVs write them: formes relevées dans les PV publiés d'une commune du Gard (254 passages de
 * vote, comptés par un analyseur public de ces PV). One test per form, the false votes that analyser met, the counts
 * written in a form that is not French, and a session using these sentences checked by `vote-count` and `vote-names`.
 */
import { describe, expect, it } from 'vitest';
import { isVoteText, readVoteText } from '../../src/parse/vote-forms.js';
import { formatMessage, ruleById, runRules } from '../rules/harness.js';
import { parseText } from './helpers.js';

type Read = Record<string, number | string[] | boolean>;

function read(text: string, options: { maxCount?: number } = {}): Read {
  const vote = readVoteText(text, options);
  expect(vote, `« ${text} » doit se lire comme un vote`).toBeDefined();
  const result: Read = {};
  for (const count of vote!.counts) {
    if (count.number) result[count.key] = count.number.value.toNumber();
    if (count.names.length) result[`${count.key}Names`] = count.names.map((entry) => entry.name);
    if (count.impliedLabel) result[`${count.key}Implied`] = true;
  }
  return result;
}

describe('formes relevées dans les PV publiés d’une commune du Gard', () => {
  it('« Le Conseil Municipal, après en avoir délibéré, par 12 voix « Pour » et 1 abstention (M. DUPONT) : » (94 fois)', () => {
    expect(
      read('Le Conseil Municipal, après en avoir délibéré, par 12 voix « Pour » et 1 abstention (M. DUPONT) :'),
    ).toEqual({ for: 12, abstentions: 1, abstentionsNames: ['M. DUPONT'] });
    expect(
      readVoteText('Le Conseil Municipal, après en avoir délibéré, par 12 voix « Pour » et 1 abstention (M. DUPONT) :'),
    ).toMatchObject({ outcome: 'adoptee', unanimous: false });
  });

  it('« adopté par 13 voix pour et 1 voix contre (Jean Pierre ESPAZE) » (64 fois)', () => {
    expect(read('adopté par 13 voix pour et 1 voix contre (Jean Pierre ESPAZE)')).toEqual({
      for: 13,
      against: 1,
      againstNames: ['Jean Pierre ESPAZE'],
    });
  });

  it('« Le Conseil Municipal, après en avoir délibéré, par 11 voix « Pour » : » (45 fois)', () => {
    expect(read('Le Conseil Municipal, après en avoir délibéré, par 11 voix « Pour » :')).toEqual({ for: 11 });
    // Straight quotes and curly quotes too.
    expect(read('Le Conseil Municipal, après en avoir délibéré, par 11 voix "Pour" :')).toEqual({ for: 11 });
    expect(read('Le Conseil Municipal, après en avoir délibéré, par 11 voix “Pour” :')).toEqual({ for: 11 });
  });

  it('« Le conseil municipal par 3 voix contre (MF, JPE et AR) et 10 voix pour » (21 fois, l’opposition d’abord)', () => {
    expect(read('Le conseil municipal par 3 voix contre (MF, JPE et AR) et 10 voix pour')).toEqual({
      against: 3,
      againstNames: ['MF', 'JPE', 'AR'],
      for: 10,
    });
  });

  it('« par 1 « abstention » et 11 voix » (10 fois, « pour » sous-entendu)', () => {
    expect(read('par 1 « abstention » et 11 voix')).toEqual({ abstentions: 1, for: 11, forImplied: true });
    // Only when no « pour » is written: then « voix » alone is not the votes for.
    expect(read('par 11 voix pour, 1 « abstention » et 2 voix')).toEqual({ for: 11, abstentions: 1 });
  });

  it('« par 1 voix contre (Jean Pierre ESPAZE), 1 abstention (…) et 11 voix pour, adopte » (9 fois)', () => {
    expect(read('par 1 voix contre (Jean Pierre ESPAZE), 1 abstention (Mme ROUVERET) et 11 voix pour, adopte')).toEqual(
      { against: 1, againstNames: ['Jean Pierre ESPAZE'], abstentions: 1, abstentionsNames: ['Mme ROUVERET'], for: 11 },
    );
  });

  it('« par 3 abstentions (M. ESPAZE et Mme⏎ROUVERET) et 11 voix « Pour » : », un retour à la ligne dans la parenthèse', () => {
    expect(read('par 3 abstentions (M. ESPAZE et Mme\nROUVERET) et 11 voix « Pour » :')).toEqual({
      abstentions: 3,
      abstentionsNames: ['M. ESPAZE', 'Mme ROUVERET'],
      for: 11,
    });
  });

  it('« à l’unanimité par 13 voix pour »', () => {
    expect(readVoteText('à l’unanimité par 13 voix pour')).toMatchObject({ unanimous: true, outcome: 'adoptee' });
    expect(read('à l’unanimité par 13 voix pour')).toEqual({ for: 13 });
  });

  it('no false vote: a number followed by « pour » or « contre » that is not a count', () => {
    expect(isVoteText('Vu les articles L.153-36 à L.153-48 du code de l’urbanisme pour le PLUi,')).toBe(false);
    expect(isVoteText('BUDGET 2024 pour la commune')).toBe(false);
    expect(isVoteText('Le total des dépenses 2016 contre 2015 est en baisse.')).toBe(false);
    expect(isVoteText('Le marché est attribué par 2024 pour la commune.')).toBe(false);
    // A count needs a vote word right after « par N ».
    expect(isVoteText('Le terrain est divisé par 3 lots.')).toBe(false);
    // A year is never a count, even in a vote sentence.
    expect(read('Adopté par 12 voix pour. Le budget 2024 pour la commune est voté.')).toEqual({ for: 12 });
  });

  it('a sentence without a verb is a vote only with a count no larger than the body’s seats', () => {
    expect(isVoteText('par 12 voix « Pour » :', { maxCount: 15 })).toBe(true);
    expect(isVoteText('par 120 voix « Pour » :', { maxCount: 15 })).toBe(false);
  });
});

const members = [
  'MARTIN Anne',
  'ESPAZE Jean Pierre',
  'ROUVERET Claire',
  'FABRE Marie',
  'RIVIERE Alain',
  'DURAND Paul',
  'PETIT Louise',
  'LEROY Marc',
  'DUPONT Jean',
  'BLANC Sophie',
  'NOEL Henri',
  'GIRARD Lucie',
  'MOREL Yves',
  'ROUX Hélène',
];

const organisation = `organisation:
  nom: Commune de Lasalle-sur-Gard
  forme: commune
  delegues:
${members.map((name) => `    - { nom: ${name} }`).join('\n')}`;

const session = (vote: string) => `---
${organisation}
date: 2024-03-12
heure: 18h30
president: MARTIN Anne
presents:
${members.map((name) => `  - { nom: ${name} }`).join('\n')}
---

## Délibérations

### 1. Tarifs de la cantine

${vote}

- DÉCIDE de fixer le prix du repas à 3,50 € ;
- AUTORISE le Maire à signer tout document.
`;

async function findings(vote: string, rule: string): Promise<string[]> {
  const file = await runRules(session(vote), [ruleById(rule)]);
  const errors = file.messages.filter((message) => message.fatal && message.ruleId !== rule).map(formatMessage);
  expect(errors, 'la séance doit se lire sans erreur').toEqual([]);
  return file.messages.filter((message) => message.ruleId === rule).map((message) => message.reason);
}

describe('a small commune’s session written with these sentences (14 votants)', () => {
  it('vote-count reports 12 + 1 ≠ 14 on « …, par 12 voix « Pour » et 1 abstention (M. DUPONT) : »', async () => {
    expect(
      await findings(
        'Le Conseil Municipal, après en avoir délibéré, par 12 voix « Pour » et 1 abstention (M. DUPONT) :',
        'vote-count',
      ),
    ).toEqual(['Le vote compte 13 votants mais le point 1 a 14 votants.']);
  });

  it('vote-count is silent when the counts make the votants', async () => {
    for (const vote of [
      'Le Conseil Municipal, après en avoir délibéré, par 13 voix « Pour » et 1 abstention (M. DUPONT) :',
      'Le Conseil Municipal, après en avoir délibéré, par 14 voix « Pour » :',
      'Le conseil municipal par 3 voix contre (MF, JPE et AR) et 11 voix pour',
      'par 1 « abstention » et 13 voix',
      'par 1 voix contre (Jean Pierre ESPAZE), 1 abstention (Mme ROUVERET) et 12 voix pour, adopte',
      'à l’unanimité par 14 voix pour',
    ]) {
      expect(await findings(vote, 'vote-count'), vote).toEqual([]);
    }
  });

  it('vote-count reports a mismatch in the « pour » implied by « et 11 voix »', async () => {
    expect(await findings('par 1 « abstention » et 11 voix', 'vote-count')).toHaveLength(1);
  });

  it('vote-names: initials designate the one member they fit, no « unknown person » for them', async () => {
    // MF = FABRE Marie, JPE = ESPAZE Jean Pierre, AR = RIVIERE Alain: all present.
    expect(
      await findings('Le conseil municipal par 3 voix contre (MF, JPE et AR) et 11 voix pour', 'vote-names'),
    ).toEqual([]);
    // Initials that fit no member are kept as written, without a finding; the count still has to equal the names.
    expect(
      await findings('Le conseil municipal par 3 voix contre (MF, ZZ et AR) et 11 voix pour', 'vote-names'),
    ).toEqual([]);
    expect(
      await findings('Le conseil municipal par 2 voix contre (MF, JPE et AR) et 12 voix pour', 'vote-names'),
    ).toEqual(['Le vote annonce 2 contre mais nomme 3 personnes : MF, JPE, AR.']);
  });

  it('vote-names: 3 abstentions naming two members, over a soft line break, is reported', async () => {
    expect(
      await findings('par 3 abstentions (M. ESPAZE et Mme\nROUVERET) et 11 voix « Pour » :', 'vote-names'),
    ).toEqual(['Le vote annonce 3 abstentions mais nomme 2 personnes : M. ESPAZE, Mme ROUVERET.']);
  });

  it('the vote sentence ending with « : » stays the vote, as written; the decisions under it are not votes', async () => {
    const { session: parsed, file } = await parseText(
      session('Le Conseil Municipal, après en avoir délibéré, par 14 voix « Pour » :\n\nAPPROUVE le budget 2024.'),
    );
    expect(file.messages.filter((message) => message.fatal)).toEqual([]);
    const vote = parsed!.deliberations[0]!.vote!;
    expect(vote.text).toBe('Le Conseil Municipal, après en avoir délibéré, par 14 voix « Pour » :');
    expect(vote.for?.value.toNumber()).toBe(14);
    expect(vote.others).toBeUndefined();
  });
});

describe('counts written in a form that is not French (as parse-number elsewhere)', () => {
  it('« 1.234 voix pour » is ambiguous: a parse-number error, the count left out', async () => {
    const file = await runRules(session('Adopté par 1.234 voix pour.'), []);
    const messages = file.messages.map((message) => `${message.ruleId} ${message.reason}`);
    expect(messages).toContainEqual(expect.stringMatching(/^parse-number « 1\.234 » est ambigu/u));
  });

  it('« 12.5 voix pour » is read with a parse-number-format note', async () => {
    const file = await runRules(session('Adopté par 12.5 voix pour et 2 abstentions.'), []);
    expect(file.messages.map((message) => message.ruleId)).toContain('parse-number-format');
  });
});

describe('a results table with a count in a form that is not French', () => {
  it('« 1.234 » in the table is reported once and not read as 1', async () => {
    const { session: parsed, file } = await parseText(
      session('Adopté.\n\n| Pour | Contre | Abstentions |\n|---|---|---|\n| 1.234 | 0 | 0 |'),
    );
    expect(file.messages.filter((message) => message.ruleId === 'parse-number')).toHaveLength(1);
    expect(parsed!.deliberations[0]!.vote!.for).toBeUndefined();
  });
});
