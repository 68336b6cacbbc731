/**
 * The typed model of one session (séance), produced by `src/parse/` and read by `src/check/` and `src/render/`.
 *
 * Every value an author typed keeps its source position (1-based line and column, 0-based offset, as unist),
 * so that any finding can point at the exact place in the session file — or in the organisation file, for
 * values that come from it (see `Located.file`).
 */
import type { Decimal } from 'decimal.js';
import type { Position } from 'unist';
import type { Root, Table } from 'mdast';

export type { Position, Point } from 'unist';

/** A value and where it was written. `file` is set only when it is not the session file itself. */
export interface Located<T> {
  value: T;
  position: Position;
  file?: string;
}

/** Units a French amount can carry as authors type them ("564 614,75 €", "3%", "1 746 700€ HT"). */
export type NumberUnit = '€' | '%' | undefined;

/**
 * A number as an author typed it, parsed exactly.
 * `value` is the exact decimal (a percentage keeps its written value: "3%" → 3, unit '%').
 * `decimals` is the written precision: "7,37" → 2, "43 478" → 0, "16,404 %" → 3. The checks derive
 * the interval a written number stands for from it ("7,37" means [7,365 ; 7,375)).
 */
export interface FrenchNumber {
  value: Decimal;
  decimals: number;
  /** The exact characters of the number and its unit, as typed ("1 746 700€ HT"). */
  raw: string;
  unit: NumberUnit;
  /** "HT" or "TTC" when the author wrote it right after the amount. */
  tax?: 'HT' | 'TTC';
  position: Position;
  file?: string;
}

/** A person as written somewhere, and the roster delegate it was matched to (undefined when none matched). */
export interface PersonRef {
  /** As typed, e.g. "PARSIS LAURENT", "Mme Margaux DELETRE". */
  name: string;
  /** Normalised key for matching (see src/model/names.ts): no case, accents, civilité, hyphen or order differences. */
  key: string;
  position: Position;
  file?: string;
  delegate?: Delegate;
}

// ─── Organisation (organisations/<id>.yml, or inline in the frontmatter) ───────────────────────────────────────

export interface College {
  id: string;
  /** As the statuts name it, ready for a sentence: "Le Département de la Somme", "Les EPCI de moins de 30 000 habitants". */
  name: Located<string>;
  /** How many member bodies make up this college (default 1). */
  members: Located<number>;
  /** Delegates each member body designates. */
  delegatesPerMember: Located<number>;
  /** Voices of each delegate; `stated: false` when the statuts do not say it (then 1 is assumed). */
  voicesPerDelegate: Located<number> & { stated: boolean };
}

export interface Delegate {
  /** Canonical spelling, "NOM Prénom". */
  name: string;
  key: string;
  civilite?: 'M.' | 'Mme';
  college?: string;
  /** Voices of this delegate: explicit, else its college's, else undefined (unknown: at least one is assumed). */
  voices?: number;
  position: Position;
  file?: string;
}

export type QuorumBase = 'membres' | 'voix';
export type QuorumCount = 'presents' | 'presents-et-representes';

export interface QuorumRule {
  /** Count members (délégués) or weighted voices. */
  base: QuorumBase;
  /** Who counts: only those physically present, or present and represented. */
  count: QuorumCount;
  /** The fraction to exceed (strictly more than): 1/2 by default, 1/3 under the temporary regimes. */
  fraction: { numerator: number; denominator: number };
  /** The statuts' words, quoted in the PV: « le Comité syndical ne délibère valablement que lorsque … ». */
  text?: string;
  /** "article 13 du règlement intérieur". */
  source?: string;
  /** True when the organisation (or a dated regime) states the rule; false for the CGCT default. */
  stated?: boolean;
  position: Position;
  file?: string;
}

export interface ProxyRule {
  /** How many proxies one member may hold (1 by default, 2 under the temporary regimes). */
  maxPerHolder: number;
  source?: string;
  /** True when the organisation (or a dated regime) states the rule; false for the CGCT default. */
  stated?: boolean;
  position: Position;
  file?: string;
}

export interface Organisation {
  id: string;
  /** "Somme Numérique". */
  name: Located<string>;
  /** "syndicat mixte", "commune", "communauté de communes". */
  kind?: Located<string>;
  /** Default instance, "Comité syndical". */
  instance?: Located<string>;
  /** The président of the body (the ordonnateur, who withdraws for the compte administratif). */
  president?: PersonRef;
  colleges: College[];
  /** Total of voices stated by the statuts ("104 voix pour la totalité des délégués"). */
  totalVoices?: Located<number>;
  /** Delegates in office, when the statuts or the roster say it; else computed from the colleges. */
  delegatesInOffice?: Located<number>;
  substitutesAllowed?: boolean;
  roster: Delegate[];
  quorum: QuorumRule;
  proxies: ProxyRule;
  /** Jours francs between convocation and session (5 by default for EPCI and syndicats). */
  convocationDays: Located<number>;
  /** Dated regimes the organisation declares (`regimes:`), which apply to sessions of their dates. */
  regimes?: DatedRegime[];
  /** Folder of the organisation's own templates, relative to the organisation file (render issue). */
  templates?: string;
  /** Path of the organisation file, when it is a file. */
  file?: string;
  /** Open-data publication (docs/publication.md): SIRET (14 digits, Luhn checked), public base URL of the documents,
   * DELIB_ID pattern, the organisation's own names of ACTES matières (code → name). */
  siret?: Located<string>;
  publicationUrl?: Located<string>;
  delibIdPattern?: Located<string>;
  /** Where the composition is stated (`composition-source:`, "article 7 des statuts"), trimmed. */
  compositionSource?: Located<string>;
  matieres?: Record<string, string>;
}

// ─── Attendance ────────────────────────────────────────────────────────────────────────────────────────────────

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

// ─── Body ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** One cell of a GFM table: its text and, when it holds one, the number in it. */
export interface TableCell {
  text: string;
  position: Position;
  number?: FrenchNumber;
  /** Annotation attached in the cell, if any (see NumberAnnotation). */
  annotation?: NumberAnnotation;
}

export interface TableModel {
  /** The first row of the GFM table (it may be empty, as in the reference PV). */
  header: TableCell[];
  rows: TableCell[][];
  position: Position;
  /** The deliberation the table belongs to (its number), undefined before the first one. */
  item?: number;
  node: Table;
}

/** Operators an author may use to relate a number to an expression. */
export type RelationOperator = '=' | '<=' | '>=' | '<' | '>' | '≈';

/**
 * An annotation written right after a number, invisible in the rendered PV:
 *   564 614,75 €{#excedent_bp}                     names the number
 *   564 614,75 €{#excedent_bp = part_1068 + solde}  names it and states a relation
 *   1 400 000€ HT{= estimation_migration}          states that it equals (quotes) another amount
 *   1 138 359,40{<= estimation}                     an inequality
 *   25 000{≈ economies ± 10 %}                      an estimate, with a declared tolerance
 * The grammar of `expression` is in docs/format.md and is parsed by src/check/expr/.
 */
export interface NumberAnnotation {
  /** The `{…}` text as typed, braces included. */
  raw: string;
  name?: Located<string>;
  operator?: RelationOperator;
  /** The right-hand side, as typed, with its position (parsed by the checks). */
  expression?: Located<string>;
  /** "± 10 %" or "± 1 000": absolute (unit undefined/€) or relative (unit '%'). */
  tolerance?: FrenchNumber;
  /** The number this annotation is attached to (the one right before it). */
  number: FrenchNumber;
  position: Position;
  /** The deliberation it belongs to, undefined before the first one. */
  item?: number;
}

export type VoteOutcome = 'adoptee' | 'rejetee';

/** A voter named with a count: « Contre : MM. DUPONT et MARTIN », « 2 abstentions (Mme X, M. Y) ». */
export interface VoteName {
  /** As written, civilité included when it was written for this name alone (« Mme X »). */
  name: string;
  position: Position;
}

export type VoteCountKey = 'for' | 'against' | 'abstentions' | 'notVoting' | 'blank';

export interface Vote {
  /** The sentence as typed: "Adoptée à l'unanimité", "Adoptée par 60 voix pour, 2 contre et 2 abstentions". */
  text: string;
  position: Position;
  outcome: VoteOutcome;
  unanimous: boolean;
  /** "à la majorité absolue", "à la majorité des suffrages exprimés" when stated. */
  majority?: 'absolue' | 'relative' | 'deux-tiers' | undefined;
  ballot: 'ordinaire' | 'public' | 'secret';
  for?: FrenchNumber;
  against?: FrenchNumber;
  abstentions?: FrenchNumber;
  /** "ne prend pas part au vote". */
  notVoting?: FrenchNumber;
  blank?: FrenchNumber;
  /** The voters named with each count, as written (src/parse/vote-sentence.ts). */
  names?: Partial<Record<VoteCountKey, VoteName[]>>;
  /** Counts the PV gives only by names (« Contre : MM. DUPONT et MARTIN »): their number is the number of names. */
  impliedCounts?: VoteCountKey[];
  /** The block of counts written under the sentence (list, paragraph, table), on one line, as written. */
  countsText?: string;
  /** Other paragraphs of the same deliberation that also read as a vote sentence (one vote per item is expected). */
  others?: Array<{ text: string; position: Position }>;
}

export type DeliberationKind = 'ordinaire' | 'compte-administratif';

export interface Deliberation {
  /**
   * The order number: the written number when it is a plain integer (« 3. »), else the item's rank in the session
   * (1, 2, 3…) — the number `mouvements` (`avant`, `point`) refer to.
   */
  number: Located<number>;
  /** The number as written, without its separator: "3", "4-4", "2020/078", "DCM20161004.19" (src/parse/deliberation-number.ts). */
  label: string;
  /** The heading text before the title, as written: "3. ", "4-4 – ". */
  prefix: string;
  title: Located<string>;
  /** URL-safe slug of the title ("compte-de-gestion-2021"). */
  slug: string;
  kind: DeliberationKind;
  /** The whole section, heading included. */
  position: Position;
  /** Index range of the section's nodes in `Session.tree.children` (start inclusive, end exclusive), heading excluded. */
  children: { start: number; end: number };
  vote?: Vote;
}

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
  keyPositions?: Partial<Record<string, Position>>;
}

export type RuleSetting = 'off' | 'warn' | 'error' | 'info';

/** A legal regime (src/model/regimes.ts): the quorum and proxy rules it sets, and the text that sets them. */
export interface RegimeRule {
  quorum?: { seuil?: { numerator: number; denominator: number }; compte?: 'presents' | 'presents-et-representes' };
  pouvoirs?: { maximum: number };
  source: string;
}

export interface DatedRegime extends RegimeRule {
  /** ISO dates, inclusive. */
  from: string;
  to: string;
}
