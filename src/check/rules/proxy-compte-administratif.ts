import type { Session } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { attendanceAt, nameOf, ordonnateurOf, ruleDocs, voteCounts, votersAt, votersUnit } from './shared.js';

const id = 'proxy-compte-administratif';

/**
 * L2121-14 and L1612-12: for the compte administratif the ordonnateur withdraws; he is counted neither present nor in
 * the vote, and the proxy he gave is not used.
 */
export const proxyCompteAdministratif: Rule = {
  meta: {
    id,
    description: 'Au vote du compte administratif, l’ordonnateur ne vote pas et son pouvoir n’est pas utilisé.',
    severity: 'warn',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const ordonnateur = ordonnateurOf(session);
    if (!ordonnateur) return;
    for (const deliberation of session.deliberations) {
      if (deliberation.kind !== 'compte-administratif' || !deliberation.vote) continue;
      const vote = deliberation.vote;
      const item = deliberation.number.value;
      const without = attendanceAt(session, item, deliberation);
      const withAll = attendanceAt(session, item);
      const counted = votersAt(session, without);
      const everyone = votersAt(session, withAll);
      if (!without.excluded.length) continue;
      const who = nameOf(session, ordonnateur);
      const counts = voteCounts(vote);
      if (counts.stated) {
        if (counts.total > counted.count && counts.total === everyone.count && counted.exact) {
          report({
            message: `Le vote du compte administratif compte ${votersUnit(everyone, counts.total)} : l’ordonnateur ${who} et les pouvoirs qu’il donne ou détient n’y prennent pas part, ${votersUnit(counted)} seulement.`,
            place: vote.position,
            expected: String(counted.count),
            actual: String(counts.total),
            note: `${counts.explain} ; ${without.excluded.join(' ; ')}`,
          });
        }
        continue;
      }
      if (vote.unanimous) {
        // Start from what the PV itself announces when nothing moved before this item, so the figure reads like the PV's.
        const removed = everyone.count - counted.count;
        const announced = announcedAtOpening(session, everyone.unit);
        const base = announced !== undefined && !session.attendance.movements.length ? announced : everyone.count;
        const exact = announced !== undefined ? true : counted.exact;
        const remaining = base - removed;
        report({
          message: `L’unanimité du compte administratif porte sur ${exact ? '' : 'au moins '}${votersUnit(counted, remaining)} : ${without.excluded.join(' ; ')}.`,
          place: vote.position,
          note: `${votersUnit(everyone, base)}${announced === undefined ? '' : everyone.unit === 'voix' ? ' annoncées' : ' annoncés'} − ${votersUnit(everyone, removed)} de l’ordonnateur ${who}${without.unusedProxy ? ` (procuration détenue par ${nameOf(session, without.unusedProxy.holder)})` : ''} = ${remaining}`,
          severity: 'info',
        });
      }
    }
  },
};

function announcedAtOpening(session: Session, unit: 'voix' | 'membres'): number | undefined {
  const stated = session.stated ?? {};
  if (unit === 'voix') return stated.voices?.value.toNumber();
  if (stated.present === undefined) return undefined;
  return stated.present.value.toNumber() + (stated.represented?.value.toNumber() ?? 0);
}
