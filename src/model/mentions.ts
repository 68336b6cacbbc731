/**
 * What the procès-verbal says of itself, shared by the checks and the documents: whether it speaks of the quorum
 * (article L2121-15 of the CGCT, in its version in force since 1 July 2022, lists « le quorum » among its mentions).
 */
import type { Session } from './types.js';

/**
 * The date from which L2121-15 requires the PV to mention the quorum: its version written by ordonnance n° 2021-1310
 * du 7 octobre 2021, in force on 1 July 2022 (docs/legal.md).
 */
export const QUORUM_MENTION_FROM = '2022-07-01';

/**
 * The printed PV speaks of the quorum from the session's own statements: the organisation quotes its rule, or the
 * session states its figures (présents) or the quorum (`annonce.quorum-atteint`). The « Constat du quorum » of the
 * PV is printed exactly then.
 */
export function quorumStated(session: Session): boolean {
  return (
    session.organisation.quorum.text !== undefined ||
    session.stated.present !== undefined ||
    session.stated.quorumReached !== undefined
  );
}
