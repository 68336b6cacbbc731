/**
 * The SCDL « Délibérations » (OpenDataFrance, schema.data.gouv.fr, version 2.1.5): one row per deliberation, the 17
 * columns in the schema's order, every value read from the checked session model — nothing guessed. A required value
 * the session or the organisation does not give is left empty and reported as a problem, with the place to write it.
 * The mapping, column by column, is documented in docs/publication.md.
 */
import { stringify } from 'csv-stringify/sync';
import type { VFileMessage } from 'vfile-message';
import { extraitName } from '../model/document-names.js';
import { attendanceAt, membersInOffice, votersAt } from '../model/attendance.js';
import type { Deliberation, FrenchNumber, Position, Session } from '../model/types.js';
import { level2Code, lookupMatiere, scdlMatiereName } from '../model/actes-nomenclature.js';
import { delibId } from '../model/delib-id.js';
import { publicationFacts } from '../parse/matiere.js';

export const SCDL_VERSION = '2.1.5';

export const SCDL_COLUMNS = [
  'COLL_NOM',
  'COLL_SIRET',
  'DELIB_ID',
  'DELIB_DATE',
  'DELIB_MATIERE_CODE',
  'DELIB_MATIERE_NOM',
  'DELIB_OBJET',
  'BUDGET_ANNEE',
  'BUDGET_NOM',
  'PREF_ID',
  'PREF_DATE',
  'VOTE_EFFECTIF',
  'VOTE_REEL',
  'VOTE_POUR',
  'VOTE_CONTRE',
  'VOTE_ABSTENTION',
  'DELIB_URL',
] as const;

export type ScdlColumn = (typeof SCDL_COLUMNS)[number];
export type ScdlValues = Record<ScdlColumn, string>;

/** The columns the schema requires (« Valeur obligatoire »). */
export const SCDL_REQUIRED: readonly ScdlColumn[] = [
  'COLL_NOM',
  'COLL_SIRET',
  'DELIB_ID',
  'DELIB_DATE',
  'DELIB_MATIERE_CODE',
  'DELIB_MATIERE_NOM',
  'DELIB_OBJET',
];

export interface ScdlProblem {
  column: ScdlColumn;
  /** French: what is missing and where to write it. */
  message: string;
  place: Position;
  /** Set when the place is in the organisation file. */
  file?: string;
  /** True for a required column left empty: the row is not valid against the schema. */
  required: boolean;
}

export interface ScdlRow {
  deliberation: number;
  values: ScdlValues;
  problems: ScdlProblem[];
}

/** Rules whose findings on a vote mean its figures were not verified. */
const VOTE_RULES = new Set(['vote-count', 'vote-outcome']);

function integer(number: FrenchNumber | undefined): string {
  if (!number) return '';
  return number.value.isInteger() ? number.value.toFixed(0) : '';
}

function within(message: VFileMessage, position: Position): boolean {
  const line = message.line ?? undefined;
  return line !== undefined && line >= position.start.line && line <= position.end.line;
}

/** The extrait's public address: `<publication-url>/<session>/extraits/NN-<slug>.pdf`, each segment URL-encoded. */
export function extraitUrl(session: Session, deliberation: Deliberation): string | undefined {
  const base = session.organisation.publicationUrl?.value;
  if (!base) return undefined;
  const relative = [session.id, 'extraits', `${extraitName(deliberation)}.pdf`].map(encodeURIComponent).join('/');
  return new URL(relative, base.endsWith('/') ? base : `${base}/`).href;
}

/** The years a title names (« Compte administratif 2021 » → 2021), as BUDGET_ANNEE writes them (AAAA or AAAA/AAAA). */
function budgetYear(title: string): string {
  const years = [...new Set([...title.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu)].map((match) => match[0]))];
  if (years.length === 1) return years[0]!;
  if (years.length === 2) return [...years].sort().join('/');
  return '';
}

/**
 * How many votes a unanimous vote counts at an item: the voters' votes when the roster gives every weight; else, as the
 * documents print it, the session's stated voices (checked by attendance-stated-figures, which found nothing) less
 * what the item removes (departures, withdrawals, the ordonnateur and his proxy). Undefined when neither is known.
 */
function unanimousVotes(
  session: Session,
  deliberation: Deliberation,
  messages: readonly VFileMessage[],
): number | undefined {
  const item = votersAt(session, attendanceAt(session, deliberation.number.value, deliberation));
  if (item.exact) return item.count;
  const stated = session.stated.voices;
  if (!stated || !stated.value.isInteger()) return undefined;
  if (messages.some((message) => message.ruleId === 'attendance-stated-figures')) return undefined;
  const opening = votersAt(session, attendanceAt(session, undefined));
  return stated.value.toNumber() - (opening.count - item.count);
}

/**
 * The SCDL rows of a session. `messages` are the session's findings: a vote that a vote rule found wrong is not
 * published (its figures are not the verified ones).
 */
export function scdlRows(session: Session, messages: readonly VFileMessage[] = []): ScdlRow[] {
  const organisation = session.organisation;
  const orgFile = organisation.file;
  const orgPlace = (position: Position) => ({ place: position, ...(orgFile ? { file: orgFile } : {}) });
  const inOffice = membersInOffice(organisation);
  return session.deliberations.map((deliberation) => {
    const problems: ScdlProblem[] = [];
    const problem = (column: ScdlColumn, message: string, where: { place: Position; file?: string }) =>
      problems.push({ column, message, required: SCDL_REQUIRED.includes(column), ...where });
    const facts = publicationFacts(session, deliberation);
    const number = deliberation.number.value;

    const siret = organisation.siret?.value ?? '';
    if (!siret) {
      problem(
        'COLL_SIRET',
        `COLL_SIRET vide : l'organisme ne donne pas son SIRET (clé « siret: » de son fichier).`,
        orgPlace(organisation.name.position),
      );
    }
    const id = delibId(session, deliberation);
    if (!id.value) {
      problem(
        'DELIB_ID',
        `DELIB_ID vide pour la délibération n° ${number} : le modèle « delib-id » demande le numéro de la séance (clé « numero: » de l'en-tête).`,
        { place: session.date.position },
      );
    }
    let code = '';
    let name = '';
    if (facts.matiere) {
      const matiere = lookupMatiere(facts.matiere.value, organisation.matieres);
      if (matiere) {
        code = level2Code(matiere.code);
        name = scdlMatiereName(matiere);
      } else {
        problem(
          'DELIB_MATIERE_CODE',
          `DELIB_MATIERE_CODE vide pour la délibération n° ${number} : la matière « ${facts.matiere.value} » n'est pas dans la nomenclature ACTES.`,
          {
            place: facts.matiere.position,
          },
        );
      }
    } else {
      problem(
        'DELIB_MATIERE_CODE',
        `DELIB_MATIERE_CODE et DELIB_MATIERE_NOM vides pour la délibération n° ${number} : ajoutez « <!-- matiere: 7.1 --> » (le code ACTES) sous son titre.`,
        { place: deliberation.number.position },
      );
    }

    const budgetAct = code === '7.1' || deliberation.kind === 'compte-administratif' || facts.budget !== undefined;

    const effectif = inOffice ? String(inOffice.value) : '';
    let reel = '';
    let pour = '';
    let contre = '';
    let abstention = '';
    const present = session.attendance.room.length + session.attendance.remote.length > 0;
    if (present) {
      const voters = votersAt(session, attendanceAt(session, number, deliberation));
      reel = String(voters.present + voters.represented);
      const vote = deliberation.vote;
      if (vote) {
        const flagged = messages.some(
          (message) => message.ruleId && VOTE_RULES.has(message.ruleId) && within(message, vote.position),
        );
        if (flagged) {
          problem(
            'VOTE_POUR',
            `VOTE_POUR, VOTE_CONTRE et VOTE_ABSTENTION vides pour la délibération n° ${number} : le contrôle du vote y signale une erreur, ses chiffres ne sont pas publiés.`,
            {
              place: vote.position,
            },
          );
        } else if (vote.for || vote.against || vote.abstentions) {
          // A figure the sentence does not state is 0 only when the stated ones account for every vote of the item.
          const stated = [vote.for, vote.against, vote.abstentions, vote.notVoting, vote.blank]
            .filter((figure) => figure !== undefined)
            .reduce((sum, figure) => sum + figure.value.toNumber(), 0);
          const none = voters.exact && stated === voters.count ? '0' : '';
          pour = vote.for ? integer(vote.for) : none;
          contre = vote.against ? integer(vote.against) : none;
          abstention = vote.abstentions ? integer(vote.abstentions) : none;
        } else if (vote.unanimous) {
          // « à l'unanimité »: every vote of the item, for (or against), none otherwise.
          const all = unanimousVotes(session, deliberation, messages);
          if (all !== undefined) {
            pour = vote.outcome === 'adoptee' ? String(all) : '0';
            contre = vote.outcome === 'adoptee' ? '0' : String(all);
            abstention = '0';
          }
        }
      }
    }

    const values: ScdlValues = {
      COLL_NOM: organisation.name.value,
      COLL_SIRET: siret,
      DELIB_ID: id.value ?? '',
      DELIB_DATE: session.date.value,
      DELIB_MATIERE_CODE: code,
      DELIB_MATIERE_NOM: name,
      DELIB_OBJET: deliberation.title.value,
      BUDGET_ANNEE: budgetAct ? budgetYear(deliberation.title.value) : '',
      BUDGET_NOM: facts.budget?.value ?? '',
      PREF_ID: '',
      PREF_DATE: '',
      VOTE_EFFECTIF: effectif,
      VOTE_REEL: reel,
      VOTE_POUR: pour,
      VOTE_CONTRE: contre,
      VOTE_ABSTENTION: abstention,
      DELIB_URL: extraitUrl(session, deliberation) ?? '',
    };
    return { deliberation: number, values, problems };
  });
}

/** The CSV the schema asks for: UTF-8, comma, a header line with the 17 column names, one line per row. */
export function scdlCsv(rows: readonly ScdlValues[]): string {
  return stringify(
    rows.map((row) => SCDL_COLUMNS.map((column) => row[column])),
    { header: true, columns: [...SCDL_COLUMNS], record_delimiter: 'unix' },
  );
}
