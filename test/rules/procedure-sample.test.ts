import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { procedureRules } from '../../src/check/rules/procedure.js';
import { formatMessage, runRules } from './harness.js';

const SAMPLE = 'sessions/2022-06-28-comite-syndical.md';
const source = readFileSync(SAMPLE, 'utf8');
const lineOf = (needle: string) => source.split('\n').findIndex((line) => line.includes(needle)) + 1;

async function check(text: string) {
  const file = await runRules(text, procedureRules, SAMPLE);
  return file.messages.filter((message) => procedureRules.some((rule) => rule.meta.id === message.ruleId));
}

describe('procedural rules on the 28 June 2022 sample', () => {
  it('finds what a careful reader finds, and nothing else', async () => {
    const messages = await check(source);
    const byRule = (id: string) => messages.filter((message) => message.ruleId === id);

    const [row] = byRule('attendance-row-voices');
    expect(byRule('attendance-row-voices')).toHaveLength(1);
    expect(row!.line).toBe(lineOf('DEFrance Hervé, pouvoir: DEBEUGNY'));
    expect(row!.reason).toBe('Cette ligne annonce 1 voix pour 2 délégués : il en faut au moins 2.');
    expect(row!.note).toBe('DEFRANCE Hervé (voix inconnues, au moins 1) + DEBEUGNY François (au moins 1) ≥ 2');
    expect(row!.fatal).toBe(true);

    const [seats] = byRule('composition-total');
    expect(seats!.reason).toBe(
      'Le procès-verbal nomme 46 délégués différents pour 44 sièges prévus par la composition : MASSET Jacques est le 45e.',
    );
    expect(seats!.fatal).toBe(false);

    expect(byRule('attendance-name-variant').map((message) => message.actual)).toEqual([
      'PARSIS LAURENT',
      'DECLÉ Paul-Eric',
      'DEFrance Hervé',
      'DESCHAMPS -DERCHEU Thierry',
    ]);

    const [info] = byRule('proxy-compte-administratif');
    expect(info!.fatal).toBeUndefined();
    expect(info!.reason).toBe(
      "L’unanimité du compte administratif porte sur 63 voix : la procuration de VARLET Philippe détenue par PARSIS Laurent n'est pas utilisée.",
    );

    // The quorum is reached (25 présents ou représentés of 44), the stated figures match the lists.
    expect(byRule('quorum')).toEqual([]);
    expect(byRule('attendance-stated-figures')).toEqual([]);
    expect(messages).toHaveLength(7);
  });

  it('changing one row’s voices fires attendance-row-voices on that line, and the stated total', async () => {
    const changed = source.replace(
      '{ nom: PENAUD Guy, pouvoir: ROY Mathilde, voix: 12 }',
      '{ nom: PENAUD Guy, pouvoir: ROY Mathilde, voix: 11 }',
    );
    const messages = await check(changed);
    const line = lineOf('PENAUD Guy, pouvoir: ROY Mathilde');
    const row = messages.find((message) => message.ruleId === 'attendance-row-voices' && message.line === line);
    expect(row && formatMessage(row)).toMatch(
      /Cette ligne annonce 11 voix ; ces 2 délégués en ont 12 selon la liste des délégués\./,
    );
    expect(row!.note).toBe('PENAUD Guy (6 voix) + ROY Mathilde (6 voix) = 12');
    const figures = messages.find((message) => message.ruleId === 'attendance-stated-figures');
    expect(figures!.line).toBe(lineOf('  voix: 64'));
    expect(figures!.reason).toBe('Le procès-verbal annonce 64 voix mais la somme des lignes de présence fait 63.');
  });

  it('says the quorum is reached when the PV states it is not, with the computation', async () => {
    const changed = source.replace('  voix: 64\n', '  voix: 64\n  quorum-atteint: false\n');
    const [quorum] = (await check(changed)).filter((message) => message.ruleId === 'quorum');
    expect(quorum!.reason).toBe(
      'Le procès-verbal annonce le quorum non atteint, mais il l’est à l’ouverture : 25 pour un seuil de plus de 22.',
    );
    expect(quorum!.note).toContain('13 présents + 12 représentés = 25 ; il en faut plus de 1/2 de 44');
  });
});
