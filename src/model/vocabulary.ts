/**
 * The words of each kind of body, chosen by the organisation's `forme` (docs/format.md, « Le vocabulaire ») :
 * a conseil municipal has « conseillers municipaux » and a maire, a conseil communautaire « conseillers
 * communautaires » and a président, a comité syndical « délégués » and a président. Every generated sentence takes
 * its nouns from here; nothing else in the renderer names members or the body.
 */
import type { Organisation } from './types.js';

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
    body: 'la commune',
  },
  communaute: {
    kind: 'communaute',
    instance: 'Conseil communautaire',
    member: { singular: 'conseiller communautaire', plural: 'conseillers communautaires' },
    inOfficeLabel: 'Conseillers en exercice',
    head: 'le président',
    body: 'la communauté',
  },
  syndicat: {
    kind: 'syndicat',
    instance: 'Comité syndical',
    member: { singular: 'délégué', plural: 'délégués' },
    inOfficeLabel: 'Délégués en exercice',
    head: 'le président',
    body: 'le syndicat',
  },
  autre: {
    kind: 'autre',
    instance: 'Assemblée',
    member: { singular: 'membre', plural: 'membres' },
    inOfficeLabel: 'Membres en exercice',
    head: 'le président',
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

/** The vocabulary table, for the docs and tests. */
export const VOCABULARY: Readonly<Record<BodyKind, Vocabulary>> = TABLE;
