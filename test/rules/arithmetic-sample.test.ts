/**
 * The arithmetic rules on the reference session (the comité syndical of 28 June 2022): the PV's real findings come
 * out, nothing else; and changing one number at a time makes the right rule fire at the right line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { arithmeticRules } from '../../src/check/rules/arithmetic.js';
import { runRules } from './harness.js';

const samplePath = 'sessions/2022-06-28-comite-syndical.md';
const sample = readFileSync(path.resolve(import.meta.dirname, '../..', samplePath), 'utf8');

async function findings(source: string) {
  const file = await runRules(source, arithmeticRules, samplePath);
  return file.messages
    .filter((message) => arithmeticRules.some((rule) => rule.meta.id === message.ruleId))
    .map((message) => ({
      rule: message.ruleId,
      line: message.line,
      reason: message.reason,
      expected: message.expected?.[0],
      actual: message.actual,
      note: message.note,
      suggestion: (message as { data?: { suggestion?: string } }).data?.suggestion,
    }));
}

function lineOf(source: string, text: string): number {
  const index = source.indexOf(text);
  if (index < 0) throw new Error(`absent de l’échantillon : ${text}`);
  return source.slice(0, index).split('\n').length;
}

describe('the sample session', () => {
  test('exactly the PV’s three arithmetic faults', async () => {
    expect(await findings(sample)).toEqual([
      {
        rule: 'relation-holds',
        line: lineOf(sample, '1 746 700€ HT{#programme_ht'),
        reason: '1 746 700€ HT ne vaut pas programme_ht = partie_1_ht + partie_2_ht',
        expected: '1 700 000',
        actual: '1 746 700€ HT',
        note: '400 000 + 1 300 000 = 1 700 000, et non 1 746 700',
        suggestion: '1 700 000€ HT',
      },
      {
        rule: 'relation-holds',
        line: lineOf(sample, '33 144,00 €{= annuite'),
        reason: '33 144,00 € ne vaut pas annuite(emprunt_armoires; taux_emprunt_armoires; duree_emprunt_armoires; 12)',
        expected: '33 147,92',
        actual: '33 144,00 €',
        note:
          'annuite(400 000,00 ; 3 % ; 15 ; 12) = 33 147,92, et non 33 144,00 (prêt de 400 000,00 € à 3 % sur 15 ans, ' +
          '12 échéances par an : échéance de 2 762,3266 €, soit 12 × 2 762,3266 = 33 147,92 € par an)',
        suggestion: '33 147,92 €',
      },
      {
        rule: 'relation-holds',
        line: lineOf(sample, '213 200,00 €{#fctva_renovation'),
        reason: '213 200,00 € ne vaut pas fctva_renovation = fctva(partie_2_ttc)',
        expected: '255 902,40',
        actual: '213 200,00 €',
        note: 'fctva(1 560 000) = 255 902,40, et non 213 200,00',
        suggestion: '255 902,40 €',
      },
    ]);
  });

  const mutations: Array<{ what: string; from: string; to: string; rule: string; at: string }> = [
    {
      what: 'l’excédent affecté (point 3)',
      from: '564 614,75 €{#excedent_bp',
      to: '564 641,75 €{#excedent_bp',
      rule: 'relation-holds',
      at: '564 641,75 €{#excedent_bp',
    },
    {
      what: 'une part de l’affectation',
      from: '2 133,85€{#part_1068}',
      to: '2 313,85€{#part_1068}',
      rule: 'relation-holds',
      at: '564 614,75 €{#excedent_bp',
    },
    {
      what: 'un total du budget supplémentaire (point 6)',
      from: '| 2 175 247,58 |',
      to: '| 2 175 274,58 |',
      rule: 'table-total-column',
      at: '| 2 175 274,58 |',
    },
    {
      what: 'une dépense du service ENT (point 13)',
      from: '| Madmagz | 24 048,07 |',
      to: '| Madmagz | 24 084,07 |',
      rule: 'table-total-row',
      at: 'TOTAL dépenses année scolaire',
    },
    {
      what: 'le coût par élève',
      from: '7,37{= total_ent',
      to: '7,47{= total_ent',
      rule: 'relation-holds',
      at: '7,47{= total_ent',
    },
    {
      what: 'le nombre d’élèves',
      from: '43 792{#eleves_ent',
      to: '43 795{#eleves_ent',
      rule: 'relation-holds',
      at: '43 795{#eleves_ent',
    },
    {
      what: 'un nom mal écrit',
      from: '{#excedent_bp = part_1068 + solde_002}',
      to: '{#excedent_bp = part_1086 + solde_002}',
      rule: 'relation-reference',
      at: 'part_1086',
    },
  ];

  for (const mutation of mutations) {
    test(`changer ${mutation.what} fait réagir ${mutation.rule} à la bonne ligne`, async () => {
      expect(sample).toContain(mutation.from);
      const changed = sample.replace(mutation.from, mutation.to);
      const found = await findings(changed);
      const baseline = await findings(sample);
      const added = found.filter(
        (finding) => !baseline.some((known) => known.reason === finding.reason && known.line === finding.line),
      );
      expect(added.map(({ rule, line }) => ({ rule, line }))).toEqual([
        { rule: mutation.rule, line: lineOf(changed, mutation.at) },
      ]);
    });
  }
});
