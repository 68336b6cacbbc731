import { displayName } from '../../model/names.js';
import type { PersonRef } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { keyOf, rows, ruleDocs } from './shared.js';

const id = 'proxy-single';

/** L2121-20: a member gives his vote to one other member. */
export const proxySingle: Rule = {
  meta: {
    id,
    description: 'Personne ne donne deux pouvoirs.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const given = new Map<string, { giver: PersonRef; holder: PersonRef }>();
    const gifts: Array<{ giver: PersonRef; holder: PersonRef }> = [];
    for (const row of rows(session)) for (const giver of row.proxies) gifts.push({ giver, holder: row.person });
    for (const movement of session.attendance?.movements ?? []) {
      if (movement.kind === 'depart' && movement.proxyTo)
        gifts.push({ giver: movement.person, holder: movement.proxyTo });
    }
    for (const gift of gifts) {
      const first = given.get(keyOf(gift.giver));
      if (!first) {
        given.set(keyOf(gift.giver), gift);
        continue;
      }
      report({
        message: `${displayName(gift.giver.name)} donne un second pouvoir, à ${displayName(gift.holder.name)}, après celui donné à ${displayName(first.holder.name)} (ligne ${first.giver.position.start.line}).`,
        place: gift.giver.position,
      });
    }
  },
};
