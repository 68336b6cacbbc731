/**
 * The words of each kind of body, chosen by the organisation's `forme` (docs/format.md, « Le vocabulaire ») :
 * a conseil municipal has « conseillers municipaux » and a maire, a conseil communautaire « conseillers
 * communautaires » and a président, a comité syndical « délégués » and a président. Every generated sentence takes
 * its nouns from here; nothing else in the renderer names members or the body.
 */
import { delegateOf, keyOf } from './attendance.js';
import { civiliteOf } from './names.js';
import type { Organisation, Session } from './types.js';

export type BodyKind = 'commune' | 'communaute' | 'syndicat' | 'autre';

export interface Vocabulary {
  kind: BodyKind;
  /** The default instance of this kind: « Conseil municipal ». */
  instance: string;
  /** A member: « conseiller municipal » / « conseillers municipaux ». */
  member: { singular: string; plural: string };
  /** The members in office, as a figure's label: « Conseillers en exercice ». */
  inOfficeLabel: string;
  /** The head of the body: « le maire », « le président ». */
  head: string;
  /** The head when she is a woman, as the body names her: « la maire », « la présidente ». */
  headFeminine: string;
  /** The body as a noun: « la commune », « la communauté », « le syndicat ». */
  body: string;
}

const TABLE: Record<BodyKind, Vocabulary> = {
  commune: {
    kind: 'commune',
    instance: 'Conseil municipal',
    member: { singular: 'conseiller municipal', plural: 'conseillers municipaux' },
    inOfficeLabel: 'Conseillers en exercice',
    head: 'le maire',
    headFeminine: 'la maire',
    body: 'la commune',
  },
  communaute: {
    kind: 'communaute',
    instance: 'Conseil communautaire',
    member: { singular: 'conseiller communautaire', plural: 'conseillers communautaires' },
    inOfficeLabel: 'Conseillers en exercice',
    head: 'le président',
    headFeminine: 'la présidente',
    body: 'la communauté',
  },
  syndicat: {
    kind: 'syndicat',
    instance: 'Comité syndical',
    member: { singular: 'délégué', plural: 'délégués' },
    inOfficeLabel: 'Délégués en exercice',
    head: 'le président',
    headFeminine: 'la présidente',
    body: 'le syndicat',
  },
  autre: {
    kind: 'autre',
    instance: 'Assemblée',
    member: { singular: 'membre', plural: 'membres' },
    inOfficeLabel: 'Membres en exercice',
    head: 'le président',
    headFeminine: 'la présidente',
    body: 'l’organisme',
  },
};

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** The kind of a `forme` (« commune », « communauté d'agglomération », « syndicat mixte »…), else of its name. */
export function bodyKind(forme: string | undefined, name = ''): BodyKind {
  const text = fold(forme ?? '') || fold(name);
  if (/^commune\b|^ville\b|^municipalite\b/u.test(text)) return 'commune';
  if (/^communaute\b|^metropole\b|^etablissement public de cooperation|^epci\b/u.test(text)) return 'communaute';
  if (/^syndicat\b|^sivu\b|^sivom\b|^pole\b|^pays\b/u.test(text)) return 'syndicat';
  return 'autre';
}

export function vocabularyOf(organisation: Organisation): Vocabulary {
  return TABLE[bodyKind(organisation.kind?.value, organisation.name.value)];
}

/** The person who presides a session, in the words of the body (docs/format.md, « Le vocabulaire »). */
export interface PresidingTitle {
  feminine: boolean;
  /** The maire presides his own conseil municipal (the session's président is the organisation's). */
  head: boolean;
  /** Signature block: « Le Maire », « La Maire », « Le Président de séance », « La Présidente de séance ». */
  role: string;
  /** Before the name in the liste: « Président de séance », « Présidente de séance ». */
  label: string;
  /** After the name when the maire presides: « maire ». */
  quality?: string;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}

/**
 * How the documents name who presides: « la maire » / « la présidente » only when the PV says she is a woman (the
 * civilité written on the session's `president`, else the roster's `civilite`), never guessed from a first name; « le
 * maire » when the commune's maire (the organisation's `president`) presides, else « le président de séance ».
 */
export function presidingTitle(session: Session): PresidingTitle | undefined {
  const president = session.president;
  if (!president?.name.trim()) return undefined;
  const civilite = civiliteOf(president.name) ?? delegateOf(session, president)?.civilite;
  const feminine = civilite === 'Mme';
  const vocabulary = vocabularyOf(session.organisation);
  const head =
    vocabulary.kind === 'commune' &&
    session.organisation.president !== undefined &&
    keyOf(session.organisation.president) === keyOf(president);
  const presidentNoun = feminine ? 'présidente' : 'président';
  if (head) {
    const title = feminine ? vocabulary.headFeminine : vocabulary.head;
    return {
      feminine,
      head,
      role: title.split(' ').map(capitalise).join(' '),
      label: `${capitalise(presidentNoun)} de séance`,
      quality: 'maire',
    };
  }
  return {
    feminine,
    head,
    role: `${feminine ? 'La' : 'Le'} ${capitalise(presidentNoun)} de séance`,
    label: `${capitalise(presidentNoun)} de séance`,
  };
}

/** The vocabulary table, for the docs and tests. */
export const VOCABULARY: Readonly<Record<BodyKind, Vocabulary>> = TABLE;
