import type { Rule } from '../rule.js';
import { ruleDocs } from './shared.js';

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
