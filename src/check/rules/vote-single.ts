import type { Rule } from '../rule.js';
import { ruleDocs } from './shared.js';

const id = 'vote-single';

/** One vote per deliberation: a second paragraph that reads as a vote sentence is reported where it is written. */
export const voteSingle: Rule = {
  meta: {
    id,
    description: 'Une délibération n’a qu’une phrase de vote.',
    severity: 'warn',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    for (const deliberation of session.deliberations) {
      const vote = deliberation.vote;
      for (const other of vote?.others ?? []) {
        report({
          message:
            `La délibération n° ${deliberation.number.value} a deux phrases de vote : « ${other.text} » (ligne ${other.position.start.line}) ` +
            `et « ${vote!.text} » (ligne ${vote!.position.start.line}) ; minutier retient la dernière pour la liste des délibérations et les contrôles.`,
          place: other.position,
          note: 'Gardez une seule phrase de vote par délibération, ou séparez les deux votes en deux délibérations.',
        });
      }
    }
  },
};
