/**
 * A name the roster holds twice (« M. MOLOSSI » for MOLOSSI Tobias and MOLOSSI Frédéric) is settled by the rest of
 * the attendance when every other bearer is named there in full: the PV of Montreuil (4 novembre 2020) lists
 * « M. MOLOSSI » among the présents and « M. Frédéric MOLOSSI à M. Olivier STERN » among the procurations, so the
 * présent is Tobias. Nothing is guessed: the match is made only when exactly one bearer is left.
 */
import { matchName } from '../model/names.js';
import type { Delegate, PersonRef } from '../model/types.js';

export function settleByElimination(refs: PersonRef[], roster: readonly Delegate[]): void {
  let settled = true;
  while (settled) {
    settled = false;
    const named = new Set(refs.flatMap((ref) => (ref.delegate ? [ref.delegate] : [])));
    for (const ref of refs) {
      if (ref.delegate) continue;
      const { ambiguous } = matchName(ref.name, roster);
      const left = ambiguous?.filter((delegate) => !named.has(delegate));
      if (left?.length === 1) {
        ref.delegate = left[0]!;
        named.add(left[0]!);
        settled = true;
      }
    }
  }
}
