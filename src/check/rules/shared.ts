/**
 * What the procedural rules share: who is a member, how many voices a person carries, who is present and who votes
 * at each item (the attendance model itself is src/model/attendance.ts), how findings name people and places.
 */
import { distance } from 'fastest-levenshtein';
import { nameKey } from '../../model/names.js';
import type { AttendanceRow, Delegate, Located, PersonRef, Point, Position, Session } from '../../model/types.js';
import {
  rows,
  keyOf,
  delegateOf as delegateOfRef,
  nameOf,
  personVoices,
  type Voices,
  type Voters,
} from '../../model/attendance.js';
export {
  rows,
  keyOf,
  delegateOf,
  nameOf,
  type Voices,
  personVoices,
  isWeighted,
  seatsOf,
  membersInOffice,
  totalVoicesOf,
  ordonnateurOf,
  type Sitting,
  type ItemAttendance,
  attendanceAt,
  sittingVoices,
  type Voters,
  votersAt,
} from '../../model/attendance.js';

export function ruleDocs(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The messages' French writing lives in model/french.ts. */
import { frenchNumber, plainPlural as plural } from '../../model/french.js';

export { frenchNumber, plural };

/** The voices a row carries by the roster: the member's (or the titular's, for a suppléant) plus each proxy's. */
export function rowComputed(
  session: Session,
  row: AttendanceRow,
): { parts: Array<{ ref: PersonRef; voices: Voices }>; total: number; known: boolean } {
  const seat = row.substituteFor ?? row.person;
  const parts = [seat, ...row.proxies].map((ref) => ({ ref, voices: personVoices(session, ref) }));
  return {
    parts,
    total: parts.reduce((sum, part) => sum + part.voices.value, 0),
    known: parts.every((part) => part.voices.known),
  };
}

/** "PARSIS Laurent (1 voix) + VARLET Philippe (1 voix) = 2", "DEFRANCE Hervé (voix inconnues, au moins 1) + … ≥ 2". */
export function explainRow(session: Session, row: AttendanceRow): string {
  const computed = rowComputed(session, row);
  let unknownSeen = false;
  const terms = computed.parts.map(({ ref, voices }) => {
    if (voices.known) return `${nameOf(session, ref)} (${plural(voices.value, 'voix')})`;
    const text = unknownSeen ? 'au moins 1' : 'voix inconnues, au moins 1';
    unknownSeen = true;
    return `${nameOf(session, ref)} (${text})`;
  });
  return `${terms.join(' + ')} ${computed.known ? '=' : '≥'} ${computed.total}`;
}

// ─── People named in the session ───────────────────────────────────────────────────────────────────────────────

export type RefRole =
  | 'present'
  | 'pouvoir'
  | 'suppleant-de'
  | 'excuse'
  | 'absent'
  | 'mouvement'
  | 'pouvoir-mouvement'
  | 'president'
  | 'secretaire'
  | 'ordonnateur'
  | 'president-organisme';

/** Every person reference of the session, in the order they are written (frontmatter then organisation). */
export function allRefs(session: Session): Array<{ ref: PersonRef; role: RefRole }> {
  const out: Array<{ ref: PersonRef; role: RefRole }> = [];
  const push = (ref: PersonRef | undefined, role: RefRole) => {
    if (ref && ref.name) out.push({ ref, role });
  };
  push(session.president, 'president');
  for (const ref of session.secretaries ?? []) push(ref, 'secretaire');
  push(session.ordonnateur, 'ordonnateur');
  for (const row of rows(session)) {
    push(row.person, 'present');
    push(row.substituteFor, 'suppleant-de');
    for (const proxy of row.proxies) push(proxy, 'pouvoir');
  }
  for (const ref of session.attendance?.excused ?? []) push(ref, 'excuse');
  for (const ref of session.attendance?.absent ?? []) push(ref, 'absent');
  for (const movement of session.attendance?.movements ?? []) {
    push(movement.person, 'mouvement');
    push(movement.proxyTo, 'pouvoir-mouvement');
  }
  push(session.organisation?.president, 'president-organisme');
  return out.sort((a, b) => comparePlaces(a.ref, b.ref));
}

function comparePlaces(a: { position: Position; file?: string }, b: { position: Position; file?: string }): number {
  if (Boolean(a.file) !== Boolean(b.file)) return a.file ? 1 : -1;
  return a.position.start.line - b.position.start.line || a.position.start.column - b.position.start.column;
}

/** The roster delegate nearest to a name (by edit distance on the name keys), when one is reasonably close. */
/**
 * A present member the roster of titulaires does not hold, in a body whose members have suppléants
 * (`suppleants: true`), and whose name is close to no titulaire: a suppléant whose titulaire the PV does not name.
 * They sit for an absent titulaire; they are neither an unknown person nor an extra seat.
 */
export function presumedSubstitute(session: Session, row: AttendanceRow): boolean {
  return Boolean(
    session.organisation?.substitutesAllowed &&
    session.organisation.roster?.length &&
    !row.substituteFor &&
    !delegateOfRef(session, row.person) &&
    !nearestDelegate(session, row.person),
  );
}

export function nearestDelegate(session: Session, ref: PersonRef): Delegate | undefined {
  const key = keyOf(ref);
  let best: { delegate: Delegate; score: number } | undefined;
  for (const delegate of session.organisation?.roster ?? []) {
    const score = distance(key, delegate.key || nameKey(delegate.name));
    if (!best || score < best.score) best = { delegate, score };
  }
  if (!best) return undefined;
  return best.score <= Math.max(3, Math.ceil(key.length / 3)) ? best.delegate : undefined;
}

export function placeOf(
  located: { position: Position } | undefined,
  fallback: Point = { line: 1, column: 1 },
): Position | Point {
  return located?.position ?? fallback;
}

export function fileOf(located: { file?: string } | undefined): { file?: string } {
  return located?.file ? { file: located.file } : {};
}

export function lineOf(located: Located<unknown> | PersonRef | { position: Position }): number {
  return located.position.start.line;
}

// ─── Votes ─────────────────────────────────────────────────────────────────────────────────────────────────────

export function voteCounts(vote: import('../../model/types.js').Vote) {
  const parts = [
    ['pour', vote.for],
    ['contre', vote.against],
    ['abstentions', vote.abstentions],
    ['ne prennent pas part au vote', vote.notVoting],
    ['blancs', vote.blank],
  ] as const;
  const stated = parts.filter(([, number]) => number !== undefined);
  const total = stated.reduce((sum, [, number]) => sum + number!.value.toNumber(), 0);
  return {
    stated: stated.length > 0,
    total,
    explain: `${stated.map(([label, number]) => `${number!.raw} ${label}`).join(' + ')} = ${total}`,
  };
}

export function votersUnit(voters: Voters, count = voters.count): string {
  return voters.unit === 'voix' ? plural(count, 'voix') : plural(count, 'votant');
}
