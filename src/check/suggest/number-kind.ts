/**
 * What kind of quantity a number is (an amount in euros, a percentage, a count of pupils or inhabitants, or anything
 * else) and whether it is HT or TTC, from the words after it or, in a table, its column header and row.
 */
import type { FrenchNumber } from '../../model/types.js';
import { fold, type Kind, type Num, type TableSite } from './num.js';

const COUNT_NOUNS = [
  'eleve',
  'habitant',
  'poste',
  'enfant',
  'logement',
  'agent',
  'repas',
  'foyer',
  'menage',
  'lit',
  'place',
  'adherent',
  'membre',
  'commune',
  'compte',
  'licence',
  'abonne',
  'usager',
  'beneficiaire',
];

/** "élèves" → "eleve", undefined when the word is not a count noun. */
export function countNoun(word: string): string | undefined {
  const folded = fold(word).replace(/[sx]$/u, '');
  return COUNT_NOUNS.find((noun) => folded === noun);
}

function taxIn(text: string): 'HT' | 'TTC' | undefined {
  if (/\bTTC\b/u.test(text)) return 'TTC';
  if (/\bHT\b/u.test(text)) return 'HT';
  return undefined;
}

const AMOUNT_HEADER =
  /€|euro|montant|credit|budget|depense|recette|prix|cout|tarif|somme|solde|resultat|report|total|subvention|financement|emprunt|dotation|contribution|reste|realise|prevu|vote|propose|mandat|titre/u;

function classifyText(number: FrenchNumber, after: string): { kind: Kind; noun?: string } {
  if (number.unit === '%') return { kind: 'percent' };
  if (number.unit === '€' || number.tax) return { kind: 'amount' };
  const next = /^[\s\u00A0\u202F]*(euros?|EUR)\b/u.exec(after);
  if (next) return { kind: 'amount' };
  const word = /^[\s\u00A0\u202F]*([\p{L}]+)/u.exec(after)?.[1];
  const noun = word ? countNoun(word) : undefined;
  if (noun) return { kind: 'count', noun };
  return { kind: 'other' };
}

/** A number as found in a block, before its kind is known. */
export interface Raw {
  unreadable?: boolean;
  number: FrenchNumber;
  start: number;
  end: number;
  before: string;
  after: string;
  block: number;
  list?: { id: number; index: number };
  table?: TableSite;
  columnHeader?: string;
}

export function toNum(raw: Raw, item: number, order: number): Num {
  const base = {
    number: raw.number,
    start: raw.start,
    end: raw.end,
    item,
    block: raw.block,
    before: raw.before,
    after: raw.after,
    order,
  };
  let kind: Kind;
  let noun: string | undefined;
  let tax = raw.number.tax;
  const pureCell =
    raw.table !== undefined &&
    raw.table.row >= raw.table.head &&
    /^[\s\u00A0\u202F]*$/u.test(raw.after.replace(/^[\s\u00A0\u202F]*(HT|TTC)\b/u, '')) &&
    /^[\s\u00A0\u202F]*$/u.test(raw.before);
  if (raw.table && pureCell) {
    const site = raw.table;
    const header = fold(site.header);
    if (raw.number.unit === '%' || /%|taux|pourcentage/u.test(header)) kind = 'percent';
    else if (raw.number.unit === '€' || raw.number.tax || AMOUNT_HEADER.test(header) || /€/u.test(site.cells.join(' ')))
      kind = 'amount';
    else {
      const word = /([\p{L}]+)/u.exec(fold(raw.after))?.[1] ?? /nombre d[e']\s*([\p{L}]+)/u.exec(header)?.[1];
      noun = word ? countNoun(word) : undefined;
      kind = noun ? 'count' : raw.number.decimals === 2 ? 'amount' : 'other';
    }
    // A cell that is only a number with words after it ("15 ans (3 %)") is not an amount.
    if (
      kind === 'amount' &&
      raw.number.unit !== '€' &&
      /^[\s\u00A0\u202F]*[\p{L}]/u.test(raw.after) &&
      !/^[\s\u00A0\u202F]*(HT|TTC|euros?)\b/u.test(raw.after)
    )
      kind = 'other';
    tax ??= site.cells
      .map((cell) => (/^(HT|TTC)$/u.test(cell.trim()) ? (cell.trim() as 'HT' | 'TTC') : undefined))
      .find(Boolean);
    tax ??= taxIn(site.header) ?? taxIn(site.rowLabel);
  } else {
    const classified = classifyText(raw.number, raw.after);
    kind = classified.kind;
    noun = classified.noun;
  }
  if (raw.unreadable) kind = 'other';
  const num: Num = { ...base, kind };
  if (tax) num.tax = tax;
  if (noun) num.noun = noun;
  if (raw.list) num.list = raw.list;
  if (raw.table) num.table = raw.table;
  return num;
}
