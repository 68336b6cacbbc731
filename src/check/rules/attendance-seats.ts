import type { PersonRef } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { keyOf, nameOf, presumedSubstitute, rows, ruleDocs } from './shared.js';

const id = 'attendance-seats';

/**
 * For every body: the members the PV names (present, represented, excused, absent, arriving) against the seats in
 * office (`delegues-en-exercice`, else `annonce.en-exercice`) and against the roster: more names than seats is an
 * error; a roster member the PV never names is a warning (an absent member must be listed, L2121-15).
 * Bodies with colleges are counted by composition-total.
 */
export const attendanceSeats: Rule = {
  meta: {
    id,
    description: 'Le procès-verbal nomme chaque membre en exercice, et pas plus de membres que de sièges.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const organisation = session.organisation;
    const named = new Map<string, PersonRef>();
    const add = (ref: PersonRef | undefined) => {
      if (ref && !named.has(keyOf(ref))) named.set(keyOf(ref), ref);
    };
    // A suppléant whose titulaire the PV does not name sits in a seat another name already counts.
    for (const row of rows(session)) if (!presumedSubstitute(session, row)) add(row.substituteFor ?? row.person);
    // Who presides is there, even when the PV does not list them among the présents.
    add(session.president);
    for (const row of rows(session)) row.proxies.forEach(add);
    session.attendance?.excused.forEach(add);
    session.attendance?.absent.forEach(add);
    for (const movement of session.attendance?.movements ?? []) add(movement.person);
    if (named.size === 0) return;
    const frontmatter = session.tree?.children[0]?.position?.start ?? { line: 1, column: 1 };

    const seats = organisation.colleges?.length
      ? undefined
      : (organisation.delegatesInOffice?.value ?? session.stated?.inOffice?.value.toNumber());
    const how = organisation.delegatesInOffice ? 'delegues-en-exercice de l’organisme' : 'en exercice annoncés';
    if (seats !== undefined) {
      if (seats !== undefined && named.size > seats) {
        const beyond = [...named.values()][seats]!;
        report({
          message: `Le procès-verbal nomme ${named.size} membres différents pour ${seats} sièges en exercice : ${nameOf(session, beyond)} est le ${seats + 1}e.`,
          place: beyond.position,
          expected: `≤ ${seats}`,
          actual: String(named.size),
          note: `présents, représentés, excusés, absents et arrivées, sans double compte : ${named.size} ; sièges (${how}) : ${seats}`,
        });
      }
    }

    const roster = organisation.roster ?? [];
    const namedKeys = new Set([...named.values()].map((ref) => ref.delegate?.key ?? keyOf(ref)));
    const missing = roster.filter((delegate) => !namedKeys.has(delegate.key));
    // Fewer names than seats, beyond the roster members the warning below names: seats nobody is named for.
    if (seats !== undefined && named.size + missing.length < seats) {
      const unnamed = seats - named.size - missing.length;
      report({
        message: `Le procès-verbal nomme ${named.size} membres différents pour ${seats} sièges en exercice : ${unnamed > 1 ? `${unnamed} sièges n’ont` : '1 siège n’a'} pas de nom (ni présent, ni représenté, ni excusé, ni absent).`,
        place: frontmatter,
        expected: String(seats),
        actual: String(named.size),
        note: `présents, représentés, excusés, absents et arrivées, sans double compte : ${named.size}${missing.length ? ` ; membres de la liste non nommés : ${missing.length}` : ''} ; sièges (${how}) : ${seats} ; un absent doit être nommé (article L2121-15 du CGCT).`,
        severity: 'warn',
      });
    }
    if (roster.length === 0 || missing.length === 0) return;
    report({
      message:
        `${missing.length > 1 ? `${missing.length} membres de la liste ne sont` : '1 membre de la liste n’est'} nommé${missing.length > 1 ? 's' : ''} ni présent, ni représenté, ni excusé, ni absent : ` +
        `${missing.map((delegate) => delegate.name).join(', ')}.`,
      place: frontmatter,
      note: `${roster.length} membres dans la liste de ${organisation.name.value}, ${roster.length - missing.length} nommés par la séance ; un absent doit être nommé (article L2121-15 du CGCT).`,
      severity: 'warn',
    });
  },
};
