import type { Rule } from '../rule.js';
import { ruleDocs } from './shared.js';
import { numberingOf } from '../../parse/deliberation-number.js';

const id = 'deliberation-numbering';

/** R2121-9: each affaire has an order number within the session: 1, 2, 3… */
export const deliberationNumbering: Rule = {
  meta: {
    id,
    description: 'Les délibérations sont numérotées 1, 2, 3… dans l’ordre, sans trou ni répétition.',
    severity: 'warn',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const labels = session.deliberations.map((deliberation) => deliberation.label ?? String(deliberation.number.value));
    const numbering = numberingOf(labels);
    if (numbering.kind !== 'entiers') {
      // Numbers as bodies write them (« 18-1 », « 2020/078 »): repeated numbers always, order and gaps only when
      // they share a prefix and end with a sequence.
      const first = new Map<string, number>();
      session.deliberations.forEach((deliberation, k) => {
        const label = labels[k]!;
        const line = first.get(label);
        if (line !== undefined) {
          report({
            message: `La délibération n° ${label} est numérotée une seconde fois (déjà ligne ${line}).`,
            place: deliberation.number.position,
          });
        } else first.set(label, deliberation.number.position.start.line);
        if (numbering.kind !== 'prefixe' || k === 0) return;
        const previous = numbering.values[k - 1]!;
        const value = numbering.values[k]!;
        if (value === previous + 1 || value === previous) return;
        const expectedLabel = `${numbering.prefix}${String(previous + 1).padStart(labels[k - 1]!.length - numbering.prefix.length, '0')}`;
        report({
          message:
            value > previous
              ? `La délibération n° ${label} suit la n° ${labels[k - 1]} : ${value - previous === 2 ? `la n° ${expectedLabel} manque` : `${value - previous - 1} numéros manquent`} (${previous} + 1 = ${previous + 1}, pas ${value}).`
              : `La délibération n° ${label} vient après la n° ${labels[k - 1]} : les numéros doivent croître.`,
          place: deliberation.number.position,
          expected: expectedLabel,
          actual: label,
        });
      });
      return;
    }
    const seen = new Map<number, number>();
    let expected = 1;
    for (const deliberation of session.deliberations) {
      const number = deliberation.number.value;
      const line = deliberation.number.position.start.line;
      const first = seen.get(number);
      if (first !== undefined) {
        report({
          message: `La délibération n° ${number} est numérotée une seconde fois (déjà ligne ${first}) ; la suivante serait la n° ${expected}.`,
          place: deliberation.number.position,
          expected: String(expected),
          actual: String(number),
        });
      } else if (number !== expected) {
        report({
          message:
            number > expected
              ? `La délibération n° ${number} suit la n° ${expected - 1 || 'aucune'} : ${number - expected === 1 ? `la n° ${expected} manque` : `les n° ${expected} à ${number - 1} manquent`}.`
              : `La délibération n° ${number} vient après la n° ${expected - 1} : les numéros doivent croître.`,
          place: deliberation.number.position,
          expected: String(expected),
          actual: String(number),
        });
      }
      if (first === undefined) seen.set(number, line);
      expected = Math.max(expected, number + 1);
    }
  },
};
