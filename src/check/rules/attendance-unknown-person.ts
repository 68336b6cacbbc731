import { displayName, matchName } from '../../model/names.js';
import type { Rule } from '../rule.js';
import { allRefs, delegateOf, fileOf, nearestDelegate, presumedSubstitute, rows, ruleDocs } from './shared.js';

const id = 'attendance-unknown-person';

/** Only delegates sit, give or hold proxies, preside or are secretaries (L2121-15, L2121-20): each name must be one. */
export const attendanceUnknownPerson: Rule = {
  meta: {
    id,
    description:
      'Chaque personne nommée (présents, pouvoirs, excusés, absents, président, secrétaire) est un délégué de la liste.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    if (!session.organisation?.roster?.length) return;
    for (const { ref, role } of allRefs(session)) {
      // A suppléant is not on the roster of titular delegates.
      if (
        role === 'present' &&
        session.attendance &&
        [...session.attendance.room, ...session.attendance.remote].some(
          (row) => row.person === ref && row.substituteFor,
        )
      )
        continue;
      // A suppléant whose titulaire the PV does not name (a body with suppléants, a name close to no titulaire).
      if (role === 'present' && rows(session).some((row) => row.person === ref && presumedSubstitute(session, row)))
        continue;
      if (delegateOf(session, ref)) continue;
      // A name several delegates bear (« MOLOSSI » for Tobias and Frédéric) is on the list: it is the first name missing.
      const { ambiguous } = matchName(ref.name, session.organisation.roster);
      if (ambiguous) {
        report({
          message: `« ${displayName(ref.name)} » peut désigner ${ambiguous.map((delegate) => `« ${delegate.name} »`).join(' ou ')} : écrivez aussi le prénom.`,
          place: ref.position,
          ...fileOf(ref),
          expected: ambiguous.map((delegate) => delegate.name).join(' ou '),
          actual: displayName(ref.name),
        });
        continue;
      }
      const nearest = nearestDelegate(session, ref);
      report({
        message: `${displayName(ref.name)} ne figure pas dans la liste des délégués${nearest ? ` ; vouliez-vous dire ${nearest.name} ?` : '.'}`,
        place: ref.position,
        ...fileOf(ref),
        ...(nearest ? { suggestion: nearest.name, expected: nearest.name } : {}),
        actual: displayName(ref.name),
      });
    }
  },
};
