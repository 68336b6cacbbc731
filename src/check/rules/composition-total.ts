import type { PersonRef } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { fileOf, keyOf, nameOf, rows, ruleDocs, seatsOf } from './shared.js';

const id = 'composition-total';

/**
 * The statuts fix the colleges, their delegates and their voices (L5721-2 for a syndicat mixte ouvert): the total of
 * voices must follow from them, and a PV cannot name more delegates than the composition provides seats.
 */
export const compositionTotal: Rule = {
  meta: {
    id,
    description:
      'La composition (collèges × délégués × voix) donne le total de voix des statuts, et le PV ne nomme pas plus de délégués que de sièges.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const organisation = session.organisation;
    if (!organisation?.colleges?.length) return;
    const colleges = organisation.colleges;

    if (organisation.totalVoices) {
      const total = colleges.reduce(
        (sum, college) =>
          sum + college.members.value * college.delegatesPerMember.value * college.voicesPerDelegate.value,
        0,
      );
      if (total !== organisation.totalVoices.value) {
        const terms = colleges.map((college) => {
          const factors = [college.members.value, college.delegatesPerMember.value, college.voicesPerDelegate.value];
          return `${factors.join(' × ')}${college.voicesPerDelegate.stated ? '' : ' (voix non précisées, 1 supposée)'}`;
        });
        report({
          message: `Les statuts annoncent ${organisation.totalVoices.value} voix mais la composition en donne ${total}.`,
          place: organisation.totalVoices.position,
          ...fileOf(organisation.totalVoices),
          expected: String(total),
          actual: String(organisation.totalVoices.value),
          note: `membres × délégués × voix par collège : ${terms.join(' + ')} = ${total}`,
        });
      }
    }

    const seats = seatsOf(organisation)!;
    // Everyone the PV names as a delegate, once: present (a suppléant's titular holds the seat), proxies, excused, absent.
    const named = new Map<string, PersonRef>();
    const add = (ref: PersonRef | undefined) => {
      if (ref && !named.has(keyOf(ref))) named.set(keyOf(ref), ref);
    };
    const attendance = session.attendance;
    for (const row of rows(session)) add(row.substituteFor ?? row.person);
    const present = named.size;
    for (const row of rows(session)) row.proxies.forEach(add);
    attendance?.excused.forEach(add);
    attendance?.absent.forEach(add);
    if (named.size <= seats) return;
    const people = [...named.values()];
    const beyond = people[seats]!;
    const seatTerms = colleges.map((college) =>
      college.members.value === 1
        ? String(college.delegatesPerMember.value)
        : `${college.members.value} × ${college.delegatesPerMember.value}`,
    );
    report({
      message: `Le procès-verbal nomme ${named.size} délégués différents pour ${seats} sièges prévus par la composition : ${nameOf(session, beyond)} est le ${seats + 1}e.`,
      place: beyond.position,
      ...fileOf(beyond),
      expected: `≤ ${seats}`,
      actual: String(named.size),
      note: `${present} présents + ${named.size - present} représentés, excusés ou absents (sans double compte) = ${named.size} ; sièges : ${seatTerms.join(' + ')} = ${seats}`,
      // The seats depend on how many members each college has, which the organisation file often only supposes.
      severity: 'warn',
    });
  },
};
