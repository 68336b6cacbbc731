import type { Rule } from '../rule.js';
import { frenchNumber, ruleDocs } from './shared.js';

const id = 'vote-outcome';

/**
 * L2121-20: adopted by the absolute majority of the votes cast (pour + contre); on a tie the président's vote decides,
 * except in a secret ballot. L1612-12: the compte administratif is adopted unless a majority votes against.
 */
export const voteOutcome: Rule = {
  meta: {
    id,
    description: 'Le résultat annoncé (adoptée, rejetée, à l’unanimité, à la majorité absolue) suit les voix du vote.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    for (const deliberation of session.deliberations) {
      const vote = deliberation.vote;
      if (!vote) continue;
      const against = vote.against?.value.toNumber() ?? 0;
      const abstentions = vote.abstentions?.value.toNumber() ?? 0;
      if (vote.unanimous) {
        const castOnly = /suffrages\s+exprim/iu.test(vote.text);
        if (against > 0 || (abstentions > 0 && !castOnly)) {
          report({
            message: `« À l’unanimité » ne peut compter ${against > 0 ? `${vote.against!.raw} contre` : `${vote.abstentions!.raw} abstention${abstentions > 1 ? 's' : ''}`}.`,
            place: (against > 0 ? vote.against : vote.abstentions)!.position,
            note:
              abstentions > 0 && against === 0
                ? 'avec des abstentions, écrire « à l’unanimité des suffrages exprimés »'
                : undefined,
          });
        }
        if (vote.outcome === 'rejetee' && against === 0) {
          report({
            message: 'Un vote à l’unanimité sans voix contre ne peut pas rejeter la délibération.',
            place: vote.position,
          });
        }
        continue;
      }
      if (!vote.for) continue;
      const pour = vote.for.value.toNumber();
      const cast = pour + against;
      const note = `suffrages exprimés : ${pour} pour + ${against} contre = ${cast} (abstentions et blancs ne comptent pas)`;
      let expected: 'adoptee' | 'rejetee' | 'partage';
      let why: string;
      if (deliberation.kind === 'compte-administratif') {
        expected = against * 2 > cast ? 'rejetee' : 'adoptee';
        why = 'le compte administratif est adopté sauf si une majorité vote contre';
      } else if (pour === against && cast > 0) {
        expected = vote.ballot === 'secret' ? 'rejetee' : 'partage';
        why =
          vote.ballot === 'secret'
            ? 'au scrutin secret, le partage des voix rejette'
            : 'partage des voix : la voix du président est prépondérante';
      } else {
        expected = pour * 2 > cast ? 'adoptee' : 'rejetee';
        why = `la majorité absolue des suffrages exprimés est de plus de ${frenchNumber(cast / 2)}`;
      }
      if (expected !== 'partage' && expected !== vote.outcome) {
        report({
          message: `Avec ${pour} pour et ${against} contre, la délibération est ${expected === 'adoptee' ? 'adoptée' : 'rejetée'}, pas ${vote.outcome === 'adoptee' ? 'adoptée' : 'rejetée'} : ${why}.`,
          place: vote.position,
          expected: expected === 'adoptee' ? 'adoptée' : 'rejetée',
          actual: vote.outcome === 'adoptee' ? 'adoptée' : 'rejetée',
          note,
        });
        continue;
      }
      if (vote.majority === 'absolue' && vote.outcome === 'adoptee' && !(pour * 2 > cast)) {
        report({
          message: `« À la majorité absolue » : ${pour} pour sur ${cast} suffrages exprimés n’en font pas la majorité absolue (plus de ${frenchNumber(cast / 2)}).`,
          place: vote.position,
          note,
        });
      }
      if (vote.majority === 'deux-tiers' && vote.outcome === 'adoptee' && pour * 3 < cast * 2) {
        report({
          message: `« À la majorité des deux tiers » : ${pour} pour sur ${cast} suffrages exprimés n’atteignent pas les deux tiers.`,
          place: vote.position,
          note,
        });
      }
    }
  },
};
