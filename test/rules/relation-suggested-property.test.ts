/**
 * A property, as the issue asks: sentences, lists and tables drawn at random whose relations hold (announced sums,
 * lists followed by a total, HT/TTC, percentages, unit costs, table totals, balances) never make relation-suggested warn.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFrenchNumber } from '../../src/model/numbers.js';
import { allRules } from '../../src/check/rules/index.js';
import { runRules } from './harness.js';

const header = `---
organisation: { nom: Syndicat mixte exemple }
instance: Comité syndical
date: 2022-06-28
heure: 17h30
lieu: à Amiens
president: M. DUPONT Jean
---

### 1. Plan de financement

`;

const french = (value: Decimal, decimals: number) => formatFrenchNumber(value, decimals).replace(/\u202F/gu, ' ');
/** Amounts in cents, from 1,00 € to 9 999 999,99 €. */
const cents = fc.integer({ min: 100, max: 999_999_999 }).map((value) => new Decimal(value).div(100));
const euros = fc.integer({ min: 1, max: 9_999_999 }).map((value) => new Decimal(value));
const amount = fc.oneof(cents, euros);
const labels = [
  'État',
  'Région',
  'Département',
  'autofinancement',
  'emprunt',
  'Lot 1',
  'Lot 2',
  'Lot 3',
  'DETR',
  'FEDER',
];

const decimalsOf = (values: Decimal[]) => (values.some((value) => !value.isInteger()) ? 2 : 0);

const announcedSum = fc
  .array(amount, { minLength: 2, maxLength: 4 })
  .map((parts) => {
    const total = parts.reduce((a, b) => a.add(b), new Decimal(0));
    const d = decimalsOf(parts);
    const list = parts.map((part, index) => `${labels[index]} : ${french(part, d)} €`);
    return fc.constantFrom(
      `Le projet est financé par ${list.join(', ')}, soit un total de ${french(total, d)} €.\n`,
      `Le programme est estimé à ${french(total, d)} € HT.\n\nL'opération est scindée en ${parts.length} parties :\n\n${parts.map((part, index) => `${index + 1}. ${french(part, d)} € HT pour la partie ${index + 1}.`).join('\n')}\n`,
      `${list.map((line) => `- ${line}`).join('\n')}\n\nTotal : ${french(total, d)} €\n`,
    );
  })
  .chain((arbitrary) => arbitrary);

const taxes = fc
  .tuple(amount, fc.constantFrom(['0.2', ''], ['0.1', ' (TVA à 10 %)'], ['0.055', ' (TVA à 5,5 %)']))
  .map(([ht, [rate, words]]) => {
    const ttc = ht.mul(new Decimal(1).add(rate)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return `Les travaux sont estimés à ${french(ht, 2)} € HT, soit ${french(ttc, 2)} € TTC${words}.\n`;
  });

const percentage = fc.tuple(amount, fc.integer({ min: 1, max: 99 })).map(([base, percent]) => {
  const share = base.mul(percent).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return `La Région accorde ${percent} % du montant de ${french(base, 2)} €, soit ${french(share, 2)} €.\n`;
});

const unitCost = fc
  .tuple(fc.array(cents, { minLength: 2, maxLength: 6 }), fc.integer({ min: 10, max: 90_000 }))
  .map(([rows, pupils]) => {
    const total = rows.reduce((a, b) => a.add(b), new Decimal(0));
    const per = total.div(pupils).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return `Ce sont ${french(new Decimal(pupils), 0)} élèves qui disposent d'un compte.\n\n| Objet | Montant € TTC |\n|--|--|\n${rows
      .map((row, index) => `| ${labels[index]} | ${french(row, 2)} |`)
      .join('\n')}\n| TOTAL | ${french(total, 2)} |\n| Somme due par élève | ${french(per, 2)} |\n`;
  });

const budgetTable = fc.array(fc.tuple(cents, cents), { minLength: 2, maxLength: 6 }).map((rows) => {
  const lines = rows.map(
    ([voted, carried], index) =>
      `| ${labels[index]} | ${french(voted, 2)} | ${french(carried, 2)} | ${french(voted.add(carried), 2)} |`,
  );
  const column = (k: 0 | 1) => rows.reduce((a, row) => a.add(row[k]), new Decimal(0));
  const all = column(0).add(column(1));
  return `| | Crédits votés | Reports | Totaux |\n|--|--|--|--|\n${lines.join('\n')}\n| TOTAL | ${french(column(0), 2)} | ${french(column(1), 2)} | ${french(all, 2)} |\n`;
});

const balance = fc.tuple(cents, cents).map(([spending, income]) => {
  const result = income.sub(spending);
  const words = result.isNegative() ? 'un déficit' : 'un excédent';
  return `Section de fonctionnement : Dépenses = ${french(spending, 2)} € ; Recettes = ${french(income, 2)} € ; d'où ${words} de ${french(result.abs(), 2)} €.\n`;
});

describe('relation-suggested, on random consistent sentences and tables', () => {
  it('never warns', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(announcedSum, taxes, percentage, unitCost, budgetTable, balance), {
          minLength: 1,
          maxLength: 3,
        }),
        async (blocks) => {
          const source = `${header}${blocks.join('\n')}\nAdoptée à l'unanimité\n`;
          const file = await runRules(source, allRules);
          const problems = file.messages.filter(
            (message) => message.fatal !== undefined && /^(relation-|table-total)/u.test(message.ruleId ?? ''),
          );
          expect(
            problems.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`),
            source,
          ).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
