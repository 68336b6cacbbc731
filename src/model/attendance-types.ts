/**
 * Who attended a session (the attendance tables, the movements during it) and the figures the PV states about it.
 */
import type { FrenchNumber, Located, Position } from './located.js';
import type { PersonRef } from './organisation-types.js';

export type AttendanceMode = 'salle' | 'teleconference';

/** One row of an attendance table: a present member, the proxy they hold, and the voices the PV states. */
export interface AttendanceRow {
  person: PersonRef;
  mode: AttendanceMode;
  /** The absent member whose proxy this member holds (one per row; a second proxy takes a second entry). */
  proxies: PersonRef[];
  /** Voices the PV states for this row (the member plus the proxies held). */
  voices?: FrenchNumber;
  /** A suppléant sitting for a titular delegate. */
  substituteFor?: PersonRef;
  position: Position;
}

export type MovementKind = 'arrivee' | 'depart' | 'retrait';

/**
 * A change during the session: a member arriving before item N, leaving before item N,
 * or withdrawing from the vote of item N only (a conflict of interest, the ordonnateur for the compte administratif).
 */
export interface Movement {
  kind: MovementKind;
  person: PersonRef;
  /** The deliberation number it applies from (arrivee, depart) or to (retrait). */
  item: Located<number>;
  /** For a departure: the member who receives their proxy, if any. */
  proxyTo?: PersonRef;
  position: Position;
}

export interface Attendance {
  room: AttendanceRow[];
  remote: AttendanceRow[];
  excused: PersonRef[];
  absent: PersonRef[];
  movements: Movement[];
}

/** The figures the PV states, so that they can be checked against the attendance. */
export interface StatedFigures {
  present?: FrenchNumber;
  represented?: FrenchNumber;
  voices?: FrenchNumber;
  /** Members in office, when the PV states it. */
  inOffice?: FrenchNumber;
  /** Members not present (excused, absent, represented alike), when the PV states it: « Absents : 3 ». */
  absent?: FrenchNumber;
  /** « Votants : 17 »: present plus represented. */
  voters?: FrenchNumber;
  /** « Suffrages exprimés : 15 »: the votants less blank and abstentions, when the PV states it. */
  cast?: FrenchNumber;
  /** « Majorité absolue : 8 »: more than half of the suffrages exprimés (else of the votants). */
  absoluteMajority?: FrenchNumber;
  /** "Le quorum est atteint" (true) or not (false), when the PV states it. */
  quorumReached?: Located<boolean>;
}
