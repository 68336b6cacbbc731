/**
 * Who sits and votes, at the opening and at each item of a session: the members present, the proxies they exercise,
 * the voices they carry by the roster, once arrivals, departures and withdrawals are applied, and without the
 * ordonnateur and his proxy for the compte administratif (L2121-14). Shared by the checks and the documents.
 */
import { displayName, nameKey } from './names.js';
import type { AttendanceRow, Deliberation, Delegate, Organisation, PersonRef, Session } from './types.js';

export function rows(session: Session): AttendanceRow[] {
  return [...(session.attendance?.room ?? []), ...(session.attendance?.remote ?? [])];
}

/** The identity of a person: the roster delegate's key when the name was matched (« DUPONT » alone), else its own. */
export function keyOf(ref: PersonRef): string {
  return ref.delegate?.key || ref.key || nameKey(ref.name);
}

/** The roster delegate a reference designates: the parser's match, else the same name key. */
export function delegateOf(session: Session, ref: PersonRef): Delegate | undefined {
  if (ref.delegate) return ref.delegate;
  const key = keyOf(ref);
  return session.organisation?.roster?.find((delegate) => (delegate.key || nameKey(delegate.name)) === key);
}

/** How a person is named in explanations: the roster's spelling when known, else as typed. */
export function nameOf(session: Session, ref: PersonRef): string {
  return delegateOf(session, ref)?.name ?? displayName(ref.name);
}

export interface Voices {
  value: number;
  /** False when the roster does not give this person's voices: `value` is then the minimum, one. */
  known: boolean;
}

export function personVoices(session: Session, ref: PersonRef): Voices {
  const voices = delegateOf(session, ref)?.voices;
  return voices === undefined ? { value: 1, known: false } : { value: voices, known: true };
}

/** True when the organisation weighs voices (a college or a delegate with more than one voice). */
export function isWeighted(organisation: Organisation): boolean {
  return (
    organisation.colleges.some((college) => college.voicesPerDelegate.value > 1) ||
    organisation.roster.some((delegate) => (delegate.voices ?? 1) > 1)
  );
}

export function seatsOf(organisation: Organisation): number | undefined {
  if (!organisation.colleges.length) return undefined;
  return organisation.colleges.reduce(
    (sum, college) => sum + college.members.value * college.delegatesPerMember.value,
    0,
  );
}

/**
 * Where a figure of the organisation comes from: the statuts' own statement, the composition's product (`complete`
 * when every college states the factor), or the roster. The PV prints only the first two; the checks use all three.
 */
export type FigureSource = 'statuts' | 'composition' | 'liste';

/** Members in office: stated, else the seats the colleges provide, else the roster's size. */
export function membersInOffice(
  organisation: Organisation,
): { value: number; how: string; source: FigureSource } | undefined {
  if (organisation.delegatesInOffice)
    return { value: organisation.delegatesInOffice.value, how: 'en exercice', source: 'statuts' };
  const seats = seatsOf(organisation);
  if (seats !== undefined) return { value: seats, how: 'sièges prévus par la composition', source: 'composition' };
  if (organisation.roster.length)
    return { value: organisation.roster.length, how: 'délégués de la liste', source: 'liste' };
  return undefined;
}

/** The total of voices: stated by the statuts, else the colleges' product, else the roster's sum. */
export function totalVoicesOf(
  organisation: Organisation,
): { value: number; how: string; source: FigureSource; complete: boolean } | undefined {
  if (organisation.totalVoices)
    return { value: organisation.totalVoices.value, how: 'voix des statuts', source: 'statuts', complete: true };
  if (organisation.colleges.length) {
    const total = organisation.colleges.reduce(
      (sum, college) =>
        sum + college.members.value * college.delegatesPerMember.value * college.voicesPerDelegate.value,
      0,
    );
    const complete = organisation.colleges.every((college) => college.voicesPerDelegate.stated);
    return { value: total, how: 'voix de la composition', source: 'composition', complete };
  }
  if (organisation.roster.length) {
    const value = organisation.roster.reduce((sum, delegate) => sum + (delegate.voices ?? 1), 0);
    return { value, how: 'voix de la liste', source: 'liste', complete: true };
  }
  return undefined;
}

/** The ordonnateur: the session's, else the organisation's président. */
export function ordonnateurOf(session: Session): PersonRef | undefined {
  return session.ordonnateur ?? session.organisation?.president;
}

// ─── Who sits and votes at an item ─────────────────────────────────────────────────────────────────────────────

/** One present member at an item: their own voices, and the proxies they exercise. */
export interface Sitting {
  person: PersonRef;
  /** The voices of the member's seat (the titular's for a suppléant). */
  own: Voices;
  proxies: Array<{ giver: PersonRef; voices: Voices }>;
  /** The row the member sits on, when they were on the attendance lists. */
  row?: AttendanceRow;
  /**
   * Who presides the session (`president`) although the PV does not list them among the présents: counted present,
   * since one presides only by being there (docs/format.md, « Qui préside est présent »).
   */
  presiding?: boolean;
}

export interface ItemAttendance {
  sitting: Sitting[];
  /** People (and proxies) left out at this item, in French, for notes: "VARLET Philippe (ordonnateur)". */
  excluded: string[];
  /** For the compte administratif: the proxy of the ordonnateur not used, and who held it. */
  unusedProxy?: { giver: PersonRef; holder: PersonRef };
  ordonnateurWithdrawn?: PersonRef;
  /** Members who withdrew from this item only (retrait), not counted as voters. */
  withdrawn: Sitting[];
}

function seatOf(session: Session, row: AttendanceRow): Sitting {
  const seat = row.substituteFor ?? row.person;
  return {
    person: row.person,
    own: personVoices(session, seat),
    proxies: row.proxies.map((giver) => ({ giver, voices: personVoices(session, giver) })),
    row,
  };
}

function seatOfPerson(session: Session, person: PersonRef): Sitting {
  return { person, own: personVoices(session, person), proxies: [] };
}

/**
 * The session's président when the PV names them only as président: not on the présents lists, not excused, absent
 * or represented, and not arriving or leaving (a movement says where they are). Such a président is present.
 */
export function presidingNotListed(session: Session): PersonRef | undefined {
  const president = session.president;
  if (!president?.name.trim()) return undefined;
  const key = keyOf(president);
  const attendance = session.attendance;
  const named = [
    ...rows(session).flatMap((row) => [row.person, ...(row.substituteFor ? [row.substituteFor] : []), ...row.proxies]),
    ...(attendance?.excused ?? []),
    ...(attendance?.absent ?? []),
    ...(attendance?.movements ?? []).map((movement) => movement.person),
  ];
  return named.some((ref) => keyOf(ref) === key) ? undefined : president;
}

/**
 * Who sits at item `item` (undefined: the opening), after arrivals, departures and withdrawals; for a compte
 * administratif, without the ordonnateur and the proxy he gave or holds.
 */
export function attendanceAt(session: Session, item: number | undefined, deliberation?: Deliberation): ItemAttendance {
  const movements = session.attendance?.movements ?? [];
  const at = item ?? 0;
  const byKey = new Map<string, Sitting>();
  for (const row of rows(session)) {
    const key = keyOf(row.person);
    const existing = byKey.get(key);
    if (existing) existing.proxies.push(...seatOf(session, row).proxies);
    else byKey.set(key, seatOf(session, row));
  }
  const presiding = presidingNotListed(session);
  if (presiding) byKey.set(keyOf(presiding), { ...seatOfPerson(session, presiding), presiding: true });
  const ordered = [...movements].sort((a, b) => a.item.value - b.item.value);
  for (const movement of ordered) {
    const key = keyOf(movement.person);
    if (movement.kind === 'arrivee') {
      if (at < movement.item.value) byKey.delete(key);
      else if (!byKey.has(key))
        byKey.set(key, { person: movement.person, own: personVoices(session, movement.person), proxies: [] });
    } else if (movement.kind === 'depart' && at >= movement.item.value) {
      const leaving = byKey.get(key);
      byKey.delete(key);
      if (movement.proxyTo) {
        const holder = byKey.get(keyOf(movement.proxyTo));
        holder?.proxies.push({
          giver: movement.person,
          voices: leaving?.own ?? personVoices(session, movement.person),
        });
      }
    }
  }
  const withdrawn: Sitting[] = [];
  for (const movement of movements) {
    if (movement.kind !== 'retrait' || movement.item.value !== at) continue;
    const key = keyOf(movement.person);
    const sitting = byKey.get(key);
    if (sitting) {
      withdrawn.push(sitting);
      byKey.delete(key);
    }
  }
  const result: ItemAttendance = { sitting: [...byKey.values()], excluded: [], withdrawn };
  if (deliberation?.kind === 'compte-administratif') {
    const ordonnateur = ordonnateurOf(session);
    if (ordonnateur) {
      const key = keyOf(ordonnateur);
      const present = result.sitting.find((sitting) => keyOf(sitting.person) === key);
      const alreadyWithdrawn = result.withdrawn.find((sitting) => keyOf(sitting.person) === key);
      if (present) {
        result.sitting = result.sitting.filter((sitting) => sitting !== present);
        result.ordonnateurWithdrawn = present.person;
        result.excluded.push(`${nameOf(session, ordonnateur)} (ordonnateur) ne prend pas part au vote`);
        for (const proxy of present.proxies) {
          result.excluded.push(`la procuration de ${nameOf(session, proxy.giver)} qu'il détient n'est pas utilisée`);
        }
      } else if (alreadyWithdrawn) {
        result.ordonnateurWithdrawn = alreadyWithdrawn.person;
      }
      for (const sitting of result.sitting) {
        const index = sitting.proxies.findIndex((proxy) => keyOf(proxy.giver) === key);
        if (index < 0) continue;
        const [proxy] = sitting.proxies.splice(index, 1);
        result.unusedProxy = { giver: proxy!.giver, holder: sitting.person };
        result.excluded.push(
          `la procuration de ${nameOf(session, proxy!.giver)} détenue par ${nameOf(session, sitting.person)} n'est pas utilisée`,
        );
      }
    }
  }
  return result;
}

/** « dont le président de séance, … » when the président is counted present without being listed, else ''. */
export function presidingNote(session: Session, item: ItemAttendance): string {
  const presiding = item.sitting.find((sitting) => sitting.presiding);
  return presiding
    ? ` (dont ${nameOf(session, presiding.person)}, qui préside la séance sans figurer dans la liste des présents)`
    : '';
}

/** Each sitting member's voices at an item: the roster's when known; else the row's stated voices; else a minimum. */
export function sittingVoices(session: Session, sitting: Sitting, item: ItemAttendance): Voices {
  const computed = sitting.own.value + sitting.proxies.reduce((sum, proxy) => sum + proxy.voices.value, 0);
  const known = sitting.own.known && sitting.proxies.every((proxy) => proxy.voices.known);
  if (known) return { value: computed, known: true };
  // The row's stated voices say what the roster does not, when they are possible and the row is intact at this item.
  const row = sitting.row;
  const stated = row?.voices?.value.toNumber();
  const intact =
    row !== undefined &&
    sitting.proxies.length === row.proxies.length &&
    sitting.proxies.every((proxy, index) => proxy.giver === row.proxies[index]);
  if (stated !== undefined && intact && Number.isInteger(stated) && stated >= computed)
    return { value: stated, known: true };
  void item;
  return { value: computed, known: false };
}

export interface Voters {
  /** Weighted voices when the organisation weighs them, else members (present + proxies). */
  count: number;
  /** False when some voices are unknown: `count` is then a minimum. */
  exact: boolean;
  unit: 'voix' | 'membres';
  present: number;
  represented: number;
}

export function votersAt(session: Session, item: ItemAttendance): Voters {
  const present = item.sitting.length;
  const represented = item.sitting.reduce((sum, sitting) => sum + sitting.proxies.length, 0);
  if (!isWeighted(session.organisation)) {
    return { count: present + represented, exact: true, unit: 'membres', present, represented };
  }
  let count = 0;
  let exact = true;
  for (const sitting of item.sitting) {
    const voices = sittingVoices(session, sitting, item);
    count += voices.value;
    exact &&= voices.known;
  }
  return { count, exact, unit: 'voix', present, represented };
}
