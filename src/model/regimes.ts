/**
 * Legal regimes that depend on the date of the session (docs/format.md, « Régimes datés »): the temporary rules of the
 * health emergency laws — quorum of one third, two proxies per member — between the dates those laws fixed. An
 * organisation may declare its own dated regimes (`regimes:`), and a session may state its own legal basis
 * (`regime:`), which wins over everything.
 *
 * Precedence, for the quorum and the proxy rule separately: the session's `regime`, then the organisation's dated
 * `regimes` covering the date, then what the organisation states itself (`quorum:`, `pouvoirs:`, its statuts), then
 * the legal periods below, then the CGCT defaults (L2121-17, L2121-20).
 */
import type { DatedRegime, Organisation, Position, RegimeRule } from './types.js';

export type { DatedRegime, RegimeRule } from './types.js';

/**
 * « Le tiers de leurs membres en exercice est présent »: at least one third (11 of 33 is enough), counting only the
 * members present — proxies do not count, except between 3 April and 10 July 2020 (below).
 */
const THIRD_PRESENT = { seuil: { numerator: 1, denominator: 3 }, compte: 'presents', auMoins: true } as const;
const TWO_PROXIES = { maximum: 2 };

/**
 * The periods of the temporary regimes, as shipped (an organisation or a session may state otherwise). Each bound is
 * inclusive and comes from the text, quoted in docs/format.md (« Régimes datés »):
 * - loi n° 2020-290 du 23 mars 2020 (JO du 24 mars), article 10, in force from 24 March 2020: « les organes
 *   délibérants … ne délibèrent valablement que lorsque le tiers de leurs membres en exercice est présent […] un
 *   membre de ces organes peut être porteur de deux pouvoirs »; Légifrance gives that version from 24 March to
 *   3 April 2020;
 * - from 3 April 2020 (ordonnance n° 2020-391 du 1er avril 2020, JO du 2 avril) to the end of the first état
 *   d'urgence sanitaire (10 July 2020), the quorum counted the members present or represented (reading of Landot &
 *   associés, 27 May 2020; the ordonnance's own words are not in the texts the project could read);
 * - loi n° 2020-760 du 22 juin 2020, rewriting article 10 from 11 July 2020: « Jusqu'au 30 août 2020 […] le tiers
 *   de leurs membres en exercice est présent »;
 * - loi n° 2020-1379 du 14 novembre 2020 (JO du 15 novembre), article 6, IV: the same words, applied from
 *   16 November 2020; prorogée by lois n° 2021-160 and n° 2021-689 « jusqu'au 30 septembre 2021 »;
 * - loi n° 2021-1465 du 10 novembre 2021 (JO du 11 novembre), article 10: the same rules again, from 12 November
 *   2021 « jusqu'au 31 juillet 2022 ».
 */
export const LEGAL_REGIMES: readonly DatedRegime[] = [
  {
    from: '2020-03-24',
    to: '2020-04-02',
    quorum: THIRD_PRESENT,
    pouvoirs: TWO_PROXIES,
    source: 'loi n° 2020-290 du 23 mars 2020, article 10',
  },
  {
    from: '2020-04-03',
    to: '2020-07-10',
    quorum: { ...THIRD_PRESENT, compte: 'presents-et-representes' },
    pouvoirs: TWO_PROXIES,
    source: 'loi n° 2020-290 du 23 mars 2020, article 10, et ordonnance n° 2020-391 du 1er avril 2020',
  },
  {
    from: '2020-07-11',
    to: '2020-08-30',
    quorum: THIRD_PRESENT,
    pouvoirs: TWO_PROXIES,
    source:
      'loi n° 2020-290 du 23 mars 2020, article 10, dans sa rédaction issue de la loi n° 2020-760 du 22 juin 2020',
  },
  {
    from: '2020-11-16',
    to: '2021-09-30',
    quorum: THIRD_PRESENT,
    pouvoirs: TWO_PROXIES,
    source: 'loi n° 2020-1379 du 14 novembre 2020, article 6, prorogée par les lois n° 2021-160 et n° 2021-689',
  },
  {
    from: '2021-11-12',
    to: '2022-07-31',
    quorum: THIRD_PRESENT,
    pouvoirs: TWO_PROXIES,
    source: 'loi n° 2021-1465 du 10 novembre 2021, article 10',
  },
];

/** The regime covering a date, among dated regimes (the last declared wins when several cover it). */
export function regimeAt(regimes: readonly DatedRegime[], date: string): DatedRegime | undefined {
  return regimes.filter((regime) => regime.from <= date && date <= regime.to).at(-1);
}

/**
 * The organisation as it stands on the session's date: its quorum and proxy rule replaced by the regime that
 * applies, by the precedence above. Returns the same object when nothing changes.
 */
export function organisationAt(
  organisation: Organisation,
  date: string,
  options: { session?: RegimeRule | 'ordinaire'; sessionPosition?: Position; own?: readonly DatedRegime[] } = {},
): Organisation {
  const own = regimeAt(options.own ?? [], date);
  const legal = options.session === 'ordinaire' ? undefined : regimeAt(LEGAL_REGIMES, date);
  const session = options.session === 'ordinaire' ? undefined : options.session;
  const quorumRule = session?.quorum
    ? session
    : own?.quorum
      ? own
      : organisation.quorum.stated
        ? undefined
        : legal?.quorum
          ? legal
          : undefined;
  const proxyRule = session?.pouvoirs
    ? session
    : own?.pouvoirs
      ? own
      : organisation.proxies.stated
        ? undefined
        : legal?.pouvoirs
          ? legal
          : undefined;
  if (!quorumRule && !proxyRule) return organisation;
  const result: Organisation = { ...organisation };
  const place = (rule: RegimeRule) =>
    rule === session && options.sessionPosition ? { position: options.sessionPosition } : {};
  if (quorumRule?.quorum) {
    result.quorum = {
      ...organisation.quorum,
      ...(quorumRule.quorum.seuil ? { fraction: quorumRule.quorum.seuil } : {}),
      ...(quorumRule.quorum.compte ? { count: quorumRule.quorum.compte } : {}),
      ...(quorumRule.quorum.auMoins !== undefined ? { atLeast: quorumRule.quorum.auMoins } : {}),
      source: quorumRule.source,
      // The law's own periods are applied by the checks but are not a statement of this PV: nothing is printed.
      stated: quorumRule !== legal,
      ...place(quorumRule),
    };
    delete result.quorum.text;
    if (quorumRule === session) delete result.quorum.file;
  }
  if (proxyRule?.pouvoirs) {
    result.proxies = {
      ...organisation.proxies,
      maxPerHolder: proxyRule.pouvoirs.maximum,
      source: proxyRule.source,
      stated: proxyRule !== legal,
      ...place(proxyRule),
    };
    if (proxyRule === session) delete result.proxies.file;
  }
  return result;
}
