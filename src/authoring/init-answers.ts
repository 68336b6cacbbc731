/** What `minutier init` asks: the kinds of body, the answers, and how flags given as text are read. */
import { fileSlug } from '../model/document-names.js';
import { ORGANISATION_ID } from '../parse/organisation.js';
import { AuthoringError } from './shared.js';

/** The kinds of body, with the forme written in the organisation file and the usual instance. */
export const FORMES = [
  { forme: 'commune', kind: 'commune', instance: 'Conseil municipal' },
  { forme: 'communauté de communes', kind: 'communaute', instance: 'Conseil communautaire' },
  { forme: "communauté d'agglomération", kind: 'communaute', instance: 'Conseil communautaire' },
  { forme: 'communauté urbaine', kind: 'communaute', instance: 'Conseil communautaire' },
  { forme: 'métropole', kind: 'communaute', instance: 'Conseil de la métropole' },
  { forme: 'syndicat intercommunal', kind: 'syndicat', instance: 'Comité syndical' },
  { forme: 'syndicat mixte', kind: 'syndicat', instance: 'Comité syndical' },
] as const;

/** Short names accepted by --forme. */
const SHORT: Record<string, string> = {
  commune: 'commune',
  communaute: 'communauté de communes',
  'communaute-de-communes': 'communauté de communes',
  'communaute-d-agglomeration': "communauté d'agglomération",
  'communaute-urbaine': 'communauté urbaine',
  metropole: 'métropole',
  syndicat: 'syndicat mixte',
  'syndicat-mixte': 'syndicat mixte',
  'syndicat-intercommunal': 'syndicat intercommunal',
};

export interface CollegeAnswer {
  id: string;
  nom: string;
  delegues: number;
  voix?: number;
  membres?: number;
}

export interface InitValues {
  dir: string;
  nom?: string;
  forme?: string;
  id?: string;
  instance?: string;
  president?: string;
  habitants?: number;
  sieges?: number;
  colleges?: CollegeAnswer[];
  membres?: string[];
  quorum?: 'presents' | 'presents-et-representes';
  seuil?: string;
  pouvoirs?: number;
  joursFrancs?: number;
  /** The dependency written in package.json (default: ^<this version>). */
  minutier?: string;
  force: boolean;
}

export interface InitResult {
  dir: string;
  id: string;
  written: string[];
}

/** A completed `init`: every answer given (the organisation's president, population and seats stay optional). */
export type InitAnswers = Required<Omit<InitValues, 'president' | 'habitants' | 'sieges'>> & InitValues;

export function resolveForme(value: string): (typeof FORMES)[number] {
  const key = fileSlug(value);
  const forme = SHORT[key] ?? FORMES.find((f) => fileSlug(f.forme) === key)?.forme;
  const found = FORMES.find((f) => f.forme === forme);
  if (!found) {
    throw new AuthoringError(
      `--forme : « ${value} » inconnue ; choisissez commune, communaute, syndicat, ou l'une de : ${FORMES.map((f) => f.forme).join(', ')}.`,
    );
  }
  return found;
}

/** "DUPONT Jean; Mme MARTIN Anne" or one per line → names, civilité kept. */
export function splitNames(text: string): string[] {
  return text
    .split(/[;\n]/u)
    .map((n) => n.replace(/\s+/gu, ' ').trim())
    .filter((n) => n !== '' && !n.startsWith('#'));
}

/** `id;nom;délégués par membre[;voix par délégué[;membres]]` */
export function parseCollege(spec: string): CollegeAnswer {
  const parts = spec.split(';').map((p) => p.trim());
  const [id, nom, delegues, voix, membres] = parts;
  const integer = (text: string | undefined) => (text === undefined || text === '' ? undefined : Number(text));
  const college: CollegeAnswer = { id: id ?? '', nom: nom ?? '', delegues: integer(delegues) ?? NaN };
  const v = integer(voix);
  const m = integer(membres);
  if (v !== undefined) college.voix = v;
  if (m !== undefined) college.membres = m;
  const bad = [college.delegues, v, m].some((n) => n !== undefined && (!Number.isInteger(n) || n < 1));
  if (!ORGANISATION_ID.test(college.id) || college.nom === '' || bad) {
    throw new AuthoringError(
      `--college « ${spec} » : écrivez « id;nom;délégués par membre;voix par délégué;membres », par exemple ` +
        '« departement;Le Département de la Somme;6;6 » (id en minuscules et tirets ; nombres entiers positifs).',
    );
  }
  return college;
}

export function positive(text: string, what: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 1)
    throw new AuthoringError(`${what} : « ${text} » n'est pas un nombre entier positif.`);
  return n;
}
