/**
 * The organisation a session belongs to (organisations/<id>.yml, or inline in the frontmatter): its colleges, its
 * roster of delegates, its quorum and proxy rules, its dated regimes; and a person as written, matched to the roster.
 */
import type { Located, Position } from './located.js';

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
  /**
   * True when the fraction itself is enough (« le tiers de leurs membres en exercice est présent »: at least one
   * third), false or absent when it must be exceeded (L2121-17, « la majorité de ses membres »: more than half).
   */
  atLeast?: boolean;
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
  /**
   * The folder of those templates, absolute, as the parse stage allowed it (inside the repository of the organisation
   * file, symbolic links followed): render loads the templates from here and checks nothing again.
   */
  templatesFolder?: string;
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

/** A legal regime (src/model/regimes.ts): the quorum and proxy rules it sets, and the text that sets them. */
export interface RegimeRule {
  quorum?: {
    seuil?: { numerator: number; denominator: number };
    compte?: 'presents' | 'presents-et-representes';
    /** The fraction itself is enough (at least), rather than strictly more. */
    auMoins?: boolean;
  };
  pouvoirs?: { maximum: number };
  source: string;
}

export interface DatedRegime extends RegimeRule {
  /** ISO dates, inclusive. */
  from: string;
  to: string;
}
