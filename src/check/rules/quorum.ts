import { presidingNote } from '../../model/attendance.js';
import type { Session } from '../../model/types.js';
import type { Rule } from '../rule.js';
import {
  attendanceAt,
  frenchNumber,
  membersInOffice,
  plural,
  ruleDocs,
  sittingVoices,
  totalVoicesOf,
  type ItemAttendance,
} from './shared.js';

const id = 'quorum';

interface QuorumCount {
  reached: boolean;
  /** Lower bound when voices are unknown. */
  count: number;
  exact: boolean;
  threshold: string;
  /** « plus de 16,5 » (L2121-17: strictly more) or « au moins 11 » (the temporary regimes: the third is enough). */
  seuil: string;
  /** `> 16,5` or `≥ 11`. */
  expected: string;
  base: number;
  note: string;
}

/**
 * L2121-17 (or the statuts): more than a fraction of the members in office are present (or present and represented),
 * at the opening and at each item as members arrive and leave; under the temporary regimes (src/model/regimes.ts),
 * at least one third of them (« le tiers de leurs membres en exercice est présent »: 11 of 33 is enough).
 */
export const quorum: Rule = {
  meta: {
    id,
    description: 'Le quorum est atteint à l’ouverture et à chaque point, et le procès-verbal le dit justement.',
    severity: 'error',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const rule = session.organisation?.quorum;
    if (!rule) return;
    const opening = count(session, attendanceAt(session, undefined));
    if (!opening) return;
    const stated = session.stated?.quorumReached;
    const movements = session.attendance?.movements ?? [];
    if (stated && stated.value !== opening.reached && opening.exact) {
      report({
        message: stated.value
          ? `Le procès-verbal annonce le quorum atteint, mais il ne l’est pas à l’ouverture : ${opening.count} pour un seuil ${opening.seuil}.`
          : `Le procès-verbal annonce le quorum non atteint, mais il l’est à l’ouverture : ${opening.count} pour un seuil ${opening.seuil}.`,
        place: stated.position,
        expected: opening.reached ? 'atteint' : 'non atteint',
        actual: stated.value ? 'atteint' : 'non atteint',
        note: opening.note,
      });
    } else if (!opening.reached && opening.exact && !stated) {
      const first = session.deliberations[0];
      report({
        message: `Le quorum n’est pas atteint à l’ouverture : ${opening.count} pour un seuil ${opening.seuil}.`,
        place: session.stated?.present?.position ?? first?.number.position ?? session.date.position,
        expected: opening.expected,
        actual: String(opening.count),
        note: opening.note,
      });
    }
    for (const deliberation of session.deliberations) {
      if (!deliberation.vote) continue;
      const item = deliberation.number.value;
      const touched =
        movements.some((movement) => movement.item.value <= item) || deliberation.kind === 'compte-administratif';
      // Without any change since the opening, the opening's finding says it all.
      if (!touched) continue;
      const at = count(session, attendanceAt(session, item, deliberation));
      if (!at || at.reached || !at.exact) continue;
      if (!opening.reached && !movements.some((movement) => movement.item.value <= item)) continue;
      report({
        message: `Le quorum n’est pas atteint au vote du point ${item} : ${at.count} pour un seuil ${at.seuil}.`,
        place: deliberation.vote.position,
        expected: at.expected,
        actual: String(at.count),
        note: at.note,
      });
    }
  },
};

function count(session: Session, item: ItemAttendance): QuorumCount | undefined {
  const rule = session.organisation.quorum;
  const { numerator, denominator } = rule.fraction;
  const withProxies = rule.count === 'presents-et-representes';
  let total = 0;
  let exact = true;
  let base: { value: number; how: string } | undefined;
  let detail: string;
  if (rule.base === 'membres') {
    base = membersInOffice(session.organisation);
    const present = item.sitting.length;
    const represented = item.sitting.reduce((sum, sitting) => sum + sitting.proxies.length, 0);
    total = present + (withProxies ? represented : 0);
    const presiding = presidingNote(session, item);
    detail = withProxies
      ? `${plural(present, 'présent')}${presiding} + ${plural(represented, 'représenté')} = ${total}`
      : `${plural(present, 'présent')}${presiding} (les pouvoirs ne comptent pas)`;
  } else {
    base = totalVoicesOf(session.organisation);
    for (const sitting of item.sitting) {
      const own = withProxies ? sittingVoices(session, sitting, item) : sitting.own;
      total += own.value;
      exact &&= own.known;
    }
    detail = `${exact ? '' : 'au moins '}${plural(total, 'voix')} ${withProxies ? 'présentes ou représentées' : 'présentes'}`;
  }
  if (!base) return undefined;
  // Strictly more than the fraction (count × denominator > base × numerator), or at least it when the rule says so.
  const atLeast = rule.atLeast === true;
  const reached = atLeast
    ? total * denominator >= base.value * numerator
    : total * denominator > base.value * numerator;
  const threshold = (base.value * numerator) / denominator;
  const thresholdText = frenchNumber(threshold);
  const source = rule.source ? ` (${rule.source})` : '';
  return {
    reached,
    count: total,
    exact: exact || reached,
    threshold: thresholdText,
    seuil: `${atLeast ? 'd’au moins' : 'de plus de'} ${thresholdText}`,
    expected: `${atLeast ? '≥' : '>'} ${thresholdText}`,
    base: base.value,
    note: `${detail} ; il en faut ${atLeast ? 'au moins' : 'plus de'} ${numerator}/${denominator} de ${base.value} (${base.how}) = ${thresholdText}${source} : quorum ${reached ? 'atteint' : 'non atteint'}${item.excluded.length ? ` ; ${item.excluded.join(' ; ')}` : ''}`,
  };
}
