import type { Rule } from '../rule.js';
import { presidingNote } from '../../model/attendance.js';
import { attendanceAt, plural, ruleDocs, voteCounts, votersAt, votersUnit } from './shared.js';

const id = 'vote-count';

/**
 * L2121-15 and L2121-20: the result of each ballot accounts for every voter of the item, once, with the weights the
 * statuts give; for the compte administratif, without the ordonnateur and his proxy (L2121-14).
 */
export const voteCount: Rule = {
  meta: {
    id,
    description: 'Pour, contre, abstentions et non-participants font le nombre de votants du point.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    for (const deliberation of session.deliberations) {
      const vote = deliberation.vote;
      if (!vote) continue;
      const counts = voteCounts(vote);
      if (!counts.stated) continue;
      const item = deliberation.number.value;
      const attendance = attendanceAt(session, item, deliberation);
      const voters = votersAt(session, attendance);
      if (counts.total === voters.count) continue;
      // « Adopté à la majorité (2 contre : MM. X, Y) »: without « pour », the votes for are the rest of the votants.
      if (!vote.for && !vote.unanimous && counts.total < voters.count) continue;
      if (!voters.exact && counts.total > voters.count) continue;
      // Members withdrawing from this item may be stated as not taking part.
      const withdrawn = votersAt(session, { ...attendance, sitting: attendance.withdrawn }).count;
      if (
        withdrawn &&
        vote.notVoting &&
        counts.total === voters.count + withdrawn &&
        vote.notVoting.value.toNumber() >= withdrawn
      )
        continue;
      const movements = (session.attendance?.movements ?? []).filter((movement) => movement.item.value <= item);
      const notes = [
        `votants au point ${item} : ${plural(voters.present, 'présent')}${presidingNote(session, attendance)}${voters.represented ? ` et ${plural(voters.represented, 'pouvoir')}` : ''}` +
          ` = ${voters.exact ? '' : 'au moins '}${votersUnit(voters)}`,
        ...(movements.length
          ? [`${plural(movements.length, 'mouvement')} appliqué${movements.length > 1 ? 's' : ''}`]
          : []),
        ...attendance.excluded,
        `vote : ${counts.explain}`,
      ];
      report({
        message: `Le vote compte ${votersUnit(voters, counts.total)} mais le point ${item} a ${voters.exact ? '' : 'au moins '}${votersUnit(voters)}.`,
        place: vote.position,
        expected: `${voters.exact ? '' : '≥ '}${voters.count}`,
        actual: String(counts.total),
        note: notes.join(' ; '),
      });
    }
  },
};
