import { displayName } from '../../model/names.js';
import type { PersonRef } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { keyOf, rows, ruleDocs } from './shared.js';

const id = 'proxy-cycle';

/** L2121-20: a proxy goes from an absent member to a present one, so two members cannot hold each other's. */
export const proxyCycle: Rule = {
  meta: {
    id,
    description: 'Deux membres (ou plus) ne détiennent pas le pouvoir l’un de l’autre.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const edges: Array<{ giver: PersonRef; holder: PersonRef }> = [];
    for (const row of rows(session)) for (const giver of row.proxies) edges.push({ giver, holder: row.person });
    for (const movement of session.attendance?.movements ?? []) {
      if (movement.kind === 'depart' && movement.proxyTo)
        edges.push({ giver: movement.person, holder: movement.proxyTo });
    }
    // giver → holder; follow the chain from each edge's holder back to its giver.
    const next = new Map<string, Array<{ giver: PersonRef; holder: PersonRef }>>();
    for (const edge of edges) next.set(keyOf(edge.giver), [...(next.get(keyOf(edge.giver)) ?? []), edge]);
    const reported = new Set<string>();
    for (const edge of edges) {
      const start = keyOf(edge.giver);
      const path = findPath(next, keyOf(edge.holder), start, [edge]);
      if (!path) continue;
      const signature = path
        .map((step) => keyOf(step.giver))
        .sort()
        .join('|');
      if (reported.has(signature)) continue;
      reported.add(signature);
      const chain = path.map(
        (step) => `${displayName(step.holder.name)} détient le pouvoir de ${displayName(step.giver.name)}`,
      );
      // Report on the proxy written last: the one that closes the cycle.
      const last = path.reduce((a, b) =>
        (b.giver.position.start.offset ?? 0) > (a.giver.position.start.offset ?? 0) ? b : a,
      );
      report({
        message: `Pouvoirs croisés : ${chain.join(', et ')}.`,
        place: last.giver.position,
      });
    }
  },
};

function findPath(
  next: Map<string, Array<{ giver: PersonRef; holder: PersonRef }>>,
  from: string,
  target: string,
  path: Array<{ giver: PersonRef; holder: PersonRef }>,
): Array<{ giver: PersonRef; holder: PersonRef }> | undefined {
  if (from === target) return path;
  if (path.length > 50) return undefined;
  for (const edge of next.get(from) ?? []) {
    if (path.includes(edge)) continue;
    const found = findPath(next, keyOf(edge.holder), target, [...path, edge]);
    if (found) return found;
  }
  return undefined;
}
