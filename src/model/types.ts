/**
 * The typed model of one session (séance), produced by `src/parse/` and read by `src/check/` and `src/render/`: the
 * session itself here; its values (located.ts), its organisation (organisation-types.ts), its attendance
 * (attendance-types.ts) and its body (body-types.ts) beside it, all re-exported from here.
 */
import type { Root } from 'mdast';
import type { Located, Position } from './located.js';
import type { Organisation, PersonRef } from './organisation-types.js';
import type { Attendance, StatedFigures } from './attendance-types.js';
import type { Deliberation, NumberAnnotation, TableModel } from './body-types.js';

export type * from './located.js';
export type * from './organisation-types.js';
export type * from './attendance-types.js';
export type * from './body-types.js';

export interface Session {
  /** The session file's path as given (relative to the working directory when possible). */
  path: string;
  /** The session file's name without `.md`: the name of its outputs. */
  id: string;
  organisation: Organisation;
  /** Overrides the organisation's instance. */
  instance: Located<string>;
  /** The session's number in its year (`numero:`), for DELIB_ID (docs/publication.md). */
  number?: Located<number>;
  /** ISO date, "2022-06-28". */
  date: Located<string>;
  /**
   * "17h30" as typed, with `minutes` since midnight (17 × 60 + 30) when the text reads as an hour; absent when the PV
   * does not give it (a `legal-mentions` finding, L2121-15).
   */
  time?: Located<string> & { minutes?: number };
  /** Where the session was held; absent when the PV does not say it. */
  place?: Located<string>;
  /** In the room, by teleconference (with the legal basis), or both. */
  mode: Located<'presentiel' | 'teleconference' | 'mixte'>;
  teleconferenceBasis?: Located<string>;
  /** ISO date of the convocation. */
  convocation?: Located<string>;
  /** Président de séance; absent when the PV does not name one (a `legal-mentions` finding). */
  president?: PersonRef;
  /** The act delegating the presidency: "l'arrêté du 24 juin 2022 portant délégation …". */
  presidentDelegation?: Located<string>;
  secretaries: PersonRef[];
  /** ISO date of the previous session whose PV is approved at this one. */
  previousMinutesApproved?: Located<string>;
  /** The ordonnateur for the compte administratif (defaults to the organisation's président). */
  ordonnateur?: PersonRef;
  attendance: Attendance;
  stated: StatedFigures;
  /** The Markdown tree of the whole file (its first node is the YAML frontmatter). */
  tree: Root;
  /** Index range in `tree.children` of the prose before the first deliberation (the opening). */
  opening: { start: number; end: number };
  deliberations: Deliberation[];
  /** "La séance est levée à 19h00". */
  closing?: Located<string> & { time?: string };
  /** The first paragraph or heading of the body that speaks of the quorum (« Le quorum étant atteint… »). */
  quorumMention?: Located<string>;
  tables: TableModel[];
  annotations: NumberAnnotation[];
  /** Per-session rule settings from the frontmatter (`minutier: { regles: { id: off|warn|error|info } }`). */
  ruleSettings: Record<string, RuleSetting>;
  /**
   * Places where rules are silenced by comments: `<!-- minutier-disable-next-line rule-id -->` (the next non-blank
   * line), `<!-- minutier-disable rule-id -->` … `<!-- minutier-enable rule-id -->` (a range; to the end of the file
   * when not closed), and `# minutier-disable-next-line rule-id` in the frontmatter. Lines are inclusive; an empty
   * `ruleIds` silences every rule.
   */
  disabled: Array<{ ruleIds: string[]; from: number; to: number }>;
  /** The source text (BOM removed, CRLF kept as typed: positions refer to it). */
  source: string;
  /** Positions of the frontmatter's top-level keys as typed (`organisation`, `date`…): the key, not its value. */
  keyPositions: Partial<Record<string, Position>>;
}

export type RuleSetting = 'off' | 'warn' | 'error' | 'info';
