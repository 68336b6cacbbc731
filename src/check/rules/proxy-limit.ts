import { displayName } from '../../model/names.js';
import type { PersonRef } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { keyOf, plural, rows, ruleDocs } from './shared.js';

const id = 'proxy-limit';

/** L2121-20: a member holds one proxy (two under the temporary regimes; the statuts may say otherwise). */
export const proxyLimit: Rule = {
  meta: {
    id,
    description: 'Un membre ne détient pas plus de pouvoirs que le règlement n’en permet.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const max = session.organisation?.proxies?.maxPerHolder ?? 1;
    const source = session.organisation?.proxies?.source;
    const held = new Map<string, PersonRef[]>();
    const check = (holder: PersonRef, giver: PersonRef, when: string) => {
      const list = [...(held.get(keyOf(holder)) ?? []), giver];
      held.set(keyOf(holder), list);
      if (list.length <= max) return;
      report({
        message: `${displayName(holder.name)} détient ${plural(list.length, 'pouvoir')}${when} ; le maximum est de ${max}.`,
        place: giver.position,
        expected: `≤ ${max}`,
        actual: String(list.length),
        note: `pouvoirs de ${list.map((ref) => displayName(ref.name)).join(', ')}${source ? ` ; maximum fixé par : ${source}` : ''}`,
      });
    };
    for (const row of rows(session)) for (const giver of row.proxies) check(row.person, giver, '');
    const departures = (session.attendance?.movements ?? [])
      .filter((movement) => movement.kind === 'depart' && movement.proxyTo)
      .sort((a, b) => a.item.value - b.item.value);
    for (const movement of departures)
      check(movement.proxyTo!, movement.person, ` à partir du point ${movement.item.value}`);
  },
};
