import { attendanceAt, keyOf } from '../../model/attendance.js';
import { isInitials, matchInitials } from '../../model/initials.js';
import { matchName, nameKey } from '../../model/names.js';
import type { VoteCountKey } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { ruleDocs } from './shared.js';

const id = 'vote-names';

const LABELS: Record<VoteCountKey, string> = {
  for: 'pour',
  against: 'contre',
  abstentions: 'abstentions',
  notVoting: 'ne prenant pas part au vote',
  blank: 'blancs',
};

/**
 * Votes by name (« Contre : MM. DUPONT et MARTIN », « 2 abstentions (Mme X, M. Y) »): each name designates one member
 * of the roster, present or represented at that item, named once; a count and its names agree.
 */
export const voteNames: Rule = {
  meta: {
    id,
    description:
      'Les votants nommés sont des membres présents ou représentés au point, et leur nombre est celui annoncé.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const roster = session.organisation?.roster ?? [];
    for (const deliberation of session.deliberations) {
      const vote = deliberation.vote;
      if (!vote?.names) continue;
      const item = deliberation.number.value;
      const attendance = attendanceAt(session, item, deliberation);
      const voters = new Map<string, string>();
      for (const sitting of attendance.sitting) {
        voters.set(keyOf(sitting.person), 'présent');
        for (const proxy of sitting.proxies) voters.set(keyOf(proxy.giver), `représenté par ${sitting.person.name}`);
      }
      const seen = new Map<string, VoteCountKey>();
      for (const [key, names] of Object.entries(vote.names) as Array<
        [VoteCountKey, NonNullable<typeof vote.names>[VoteCountKey]]
      >) {
        if (!names) continue;
        const count = vote[key];
        if (count && !vote.impliedCounts?.includes(key) && !count.value.equals(names.length)) {
          report({
            message: `Le vote annonce ${count.raw} ${LABELS[key]} mais nomme ${names.length} ${names.length > 1 ? 'personnes' : 'personne'} : ${names.map((entry) => entry.name).join(', ')}.`,
            place: count.position,
            expected: String(names.length),
            actual: count.raw,
          });
        }
        for (const entry of names) {
          const matched = roster.length ? matchName(entry.name, roster) : {};
          // « MF, JPE et AR »: initials designate the one member whose names begin with them; when none or several
          // do, they are kept as written, without a finding (the count still has to equal the names).
          if (!matched.match && isInitials(entry.name)) {
            const member = matchInitials(entry.name, roster);
            if (!member) continue;
            matched.match = member;
          }
          if (roster.length && !matched.match) {
            report({
              message: matched.ambiguous
                ? `« ${entry.name} » (${LABELS[key]}) peut désigner ${matched.ambiguous.map((delegate) => `« ${delegate.name} »`).join(' ou ')} : écrivez aussi le prénom.`
                : `« ${entry.name} » (${LABELS[key]}) n’est pas dans la liste des membres de ${session.organisation.name.value}.`,
              place: entry.position,
              severity: 'warn',
            });
            continue;
          }
          const personKey = matched.match?.key ?? nameKey(entry.name);
          const earlier = seen.get(personKey);
          if (earlier) {
            report({
              message: `« ${entry.name} » est nommé deux fois dans le vote du point ${item} (${LABELS[earlier]} et ${LABELS[key]}).`,
              place: entry.position,
            });
          }
          seen.set(personKey, key);
          const hasAttendance = attendance.sitting.length > 0;
          if (hasAttendance && !voters.has(personKey)) {
            report({
              message: `« ${entry.name} » est nommé parmi les votes ${LABELS[key]} du point ${item}, mais n’y est ni présent ni représenté.`,
              place: entry.position,
              note: `votants du point ${item} : ${attendance.sitting.length} présents et ${attendance.sitting.reduce((sum, sitting) => sum + sitting.proxies.length, 0)} pouvoirs`,
            });
          }
        }
      }
    }
  },
};
