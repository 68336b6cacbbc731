import { displayName } from '../../model/names.js';
import type { Rule } from '../rule.js';
import { keyOf, rows, ruleDocs } from './shared.js';

const id = 'proxy-giver-absent';

/** L2121-20: a member prevented from attending gives a proxy to a member who attends. */
export const proxyGiverAbsent: Rule = {
  meta: {
    id,
    description: 'Qui donne pouvoir est excusé ou absent ; qui le reçoit est présent.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const attendance = session.attendance;
    const present = new Map(rows(session).map((row) => [keyOf(row.person), row.person]));
    // A member named only in the sentence of their proxy, or under « Représentés » / « Procuration », is thereby
    // said to be away: the PV need not list them again among the excused or the absent.
    for (const row of rows(session)) {
      for (const giver of row.proxies) {
        const key = keyOf(giver);
        if (present.has(key)) {
          report({
            message: `${displayName(giver.name)} donne pouvoir à ${displayName(row.person.name)} mais figure parmi les présents (ligne ${present.get(key)!.position.start.line}).`,
            place: giver.position,
          });
        }
      }
    }
    // A member leaving during the session may give a proxy, to a member still there.
    for (const movement of attendance?.movements ?? []) {
      if (movement.kind !== 'depart' || !movement.proxyTo) continue;
      const holder = movement.proxyTo;
      const item = movement.item.value;
      const key = keyOf(holder);
      const arrival = attendance.movements.find((other) => other.kind === 'arrivee' && keyOf(other.person) === key);
      const departure = attendance.movements.find(
        (other) => other.kind === 'depart' && keyOf(other.person) === key && other.item.value <= item,
      );
      const there =
        (present.has(key) && !(arrival && arrival.item.value > item)) ||
        (arrival !== undefined && arrival.item.value <= item);
      if (!there || departure) {
        report({
          message: `${displayName(holder.name)} reçoit le pouvoir de ${displayName(movement.person.name)} au point ${item} mais n’est pas présent à ce moment.`,
          place: holder.position,
        });
      }
    }
  },
};
