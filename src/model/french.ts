/**
 * French formatting, the one module that writes French numbers, amounts, dates and plurals for every stage: the rendered
 * documents (exact numbers and money, dates, numbers and dates in words, plurals), the check's messages (at the end:
 * `frenchNumber`, `plainPlural`) and the number reader (`formatFrenchNumber`, model/numbers.ts).
 *
 * Numbers are formatted from their exact decimal value (decimal.js), never through a float: the integer part is
 * grouped by three (as `Intl.NumberFormat('fr-FR')` does), the decimals are appended as written.
 */
import { Decimal } from 'decimal.js';

/** U+202F, the narrow no-break space French typography puts between groups of digits. */
export const NARROW_NBSP = '\u202F';
/** U+00A0, the no-break space before a unit ("€", "%"). */
export const NBSP = '\u00A0';

/** Integer digits already grouped: the checks write the same amounts again and again in their messages. */
const groupedIntegers = new Map<string, string>();

/**
 * "1234567" → "1 234 567" (U+202F every three digits from the right, as `Intl.NumberFormat('fr-FR')` groups a BigInt:
 * test/model/french.test.ts compares both). Not through Intl: its first formatter loads ICU's French data, ~25 ms of a
 * cold `check` (docs/performance.md, « Cold check, round 5 »).
 */
function groupedInteger(digits: string): string {
  let grouped = groupedIntegers.get(digits);
  if (grouped === undefined) {
    if (groupedIntegers.size > 10_000) groupedIntegers.clear();
    grouped = BigInt(digits)
      .toString()
      .replace(/\B(?=(?:\d{3})+$)/g, NARROW_NBSP);
    groupedIntegers.set(digits, grouped);
  }
  return grouped;
}

/**
 * Writes an exact decimal the French way: 564614.75 → "564 614,75" (U+202F between groups, a comma before the
 * decimals, "−" U+2212 for negatives). With `decimals`, rounds half away from zero to that many places; without, keeps
 * every significant decimal of the value.
 */
export function formatNumber(value: Decimal.Value, decimals?: number): string {
  const decimal = new Decimal(value);
  const fixed = decimals === undefined ? decimal.toFixed() : decimal.toFixed(decimals, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const [integer = '0', fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = groupedInteger(integer);
  const isZero = /^0*$/.test(integer) && /^0*$/.test(fraction ?? '');
  return `${negative && !isZero ? '\u2212' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/**
 * Writes a decimal the French way with a fixed number of decimals (0 by default): 564614.75 → "564 614,75" (narrow
 * no-break spaces). Rounds half away from zero, as accountants do.
 */
export function formatFrenchNumber(value: Decimal.Value, decimals = 0): string {
  return formatNumber(value, decimals);
}

/** An amount in euros: "564 614,75 €" (2 decimals by default, U+00A0 before the sign). */
export function formatMoney(value: Decimal.Value, decimals = 2): string {
  return `${formatNumber(value, decimals)}${NBSP}€`;
}

/** A percentage as written: 16.404 → "16,404 %". */
export function formatPercent(value: Decimal.Value, decimals?: number): string {
  return `${formatNumber(value, decimals)}${NBSP}%`;
}

// ─── Dates ─────────────────────────────────────────────────────────────────────────────────────────────────────

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Reads an ISO date "2022-06-28"; throws a French error on anything else. */
export function parseIsoDate(iso: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) throw new Error(`Date invalide : « ${iso} » (attendu AAAA-MM-JJ).`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`Date invalide : « ${iso} ».`);
  }
  return { year, month, day };
}

/** "28 juin 2022"; the first of the month is written "1er juin 2022". */
export function formatDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1]} ${year}`;
}

/** Made on first use, as integerFormat. */
let weekdayFormat: Intl.DateTimeFormat | undefined;

/** "mardi 28 juin 2022". */
export function formatDateLong(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  weekdayFormat ??= new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'UTC' });
  const weekday = weekdayFormat.format(new Date(Date.UTC(year, month - 1, day)));
  return `${weekday} ${formatDate(iso)}`;
}

/** The name of a month: 6 → "juin". */
export function monthName(month: number): string {
  const name = MONTHS[month - 1];
  if (!name) throw new Error(`Mois invalide : ${month}.`);
  return name;
}

// ─── Numbers in words ──────────────────────────────────────────────────────────────────────────────────────────

const UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
];
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

export interface WordsOptions {
  /**
   * `traditional` (default, as the reference PV writes): hyphens only between tens and units below 100
   * ("deux mille vingt-deux"). `1990`: hyphens between every word ("deux-mille-vingt-deux").
   */
  spelling?: 'traditional' | '1990';
}

/** 0–99, hyphenated the traditional way ("vingt et un", "soixante et onze", "quatre-vingts", "quatre-vingt-un"). */
function belowHundred(n: number, final: boolean): string[] {
  if (n <= 16) return [UNITS[n]!];
  if (n < 20) return [`dix-${UNITS[n - 10]}`];
  let tens = Math.floor(n / 10);
  let unit = n % 10;
  // 70–79 and 90–99 count on from soixante and quatre-vingt.
  if (tens === 7 || tens === 9) {
    unit += 10;
    tens -= 1;
  }
  const tensWord = tens === 8 ? 'quatre-vingt' : TENS[tens]!;
  if (unit === 0) return [tens === 8 && final ? 'quatre-vingts' : tensWord];
  if ((unit === 1 || unit === 11) && tens !== 8) return [tensWord, 'et', UNITS[unit]!];
  return [`${tensWord}-${unit < 17 ? UNITS[unit]! : `dix-${UNITS[unit - 10]!}`}`];
}

/** 0–999 as a list of words; `final` says whether nothing follows (then "cents" and "quatre-vingts" agree). */
function belowThousand(n: number, final: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds > 0) {
    if (hundreds > 1) words.push(UNITS[hundreds]!);
    words.push(hundreds > 1 && rest === 0 && final ? 'cents' : 'cent');
  }
  if (rest > 0 || hundreds === 0) words.push(...belowHundred(rest, final));
  return words;
}

/**
 * A whole number from 0 to 999 999 in French words: 2022 → "deux mille vingt-deux", 71 → "soixante et onze",
 * 80 → "quatre-vingts", 81 → "quatre-vingt-un", 200 → "deux cents", 201 → "deux cent un", 1000 → "mille".
 * `mille` never takes an s; "cent" and "vingt" take one only at the end of the number.
 */
export function numberToWords(n: number, options: WordsOptions = {}): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) {
    throw new Error(`Nombre hors des limites de l'écriture en lettres : ${n}.`);
  }
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (thousands > 0) {
    if (thousands > 1) words.push(...belowThousand(thousands, false));
    words.push('mille');
  }
  if (rest > 0 || thousands === 0) words.push(...belowThousand(rest, true));
  return words.join(options.spelling === '1990' ? '-' : ' ');
}

/** The day of the month as the opening of a PV says it: "premier", "deux", … "vingt-huit", "trente et un". */
export function dayToWords(day: number, options: WordsOptions = {}): string {
  return day === 1 ? 'premier' : numberToWords(day, options);
}

/**
 * The date and hour as the opening of a PV writes them: "L’an deux mille vingt-deux, le vingt-huit juin à 17h30".
 * The hour stays as typed.
 */
export function openingDateInWords(iso: string, time?: string, options: WordsOptions = {}): string {
  const { year, month, day } = parseIsoDate(iso);
  const date = `L’an ${numberToWords(year, options)}, le ${dayToWords(day, options)} ${monthName(month)}`;
  return time ? `${date} à ${time.trim()}` : date;
}

// ─── Plurals ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The regular plural of a noun or adjective: words ending in s, x or z do not change ("voix", "pouvoir" → "pouvoirs"). */
export function pluralOf(singular: string): string {
  return singular
    .split(' ')
    .map((word) => (/[sxz]$/.test(word) || word.length < 3 ? word : `${word}s`))
    .join(' ');
}

/** French plural: 0 and 1 are singular. "1 voix", "64 voix", "1 délégué", "6 délégués". */
export function plural(count: Decimal.Value, singular: string, pluralForm = pluralOf(singular)): string {
  const value = new Decimal(count);
  const form = value.abs().lt(2) ? singular : pluralForm;
  return `${formatNumber(value)}${NBSP}${form}`;
}

/** Just the noun in the right number: (6, "délégué") → "délégués". */
export function agree(count: Decimal.Value, singular: string, pluralForm = pluralOf(singular)): string {
  return new Decimal(count).abs().lt(2) ? singular : pluralForm;
}

/** "d’une voix" / "de 6 voix": the phrase after "disposent chacun". */
export function ofVoices(count: number): string {
  return count === 1 ? 'd’une voix' : `de ${plural(count, 'voix')}`;
}

// ─── In the check's messages ───────────────────────────────────────────────────────────────────────────────────

/** A number as the check's messages write it: "2,5", "14,67" (at most 2 decimals, no grouping). */
export function frenchNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2))).replace('.', ',');
}

/** A count and its noun as the check's messages write them, as typed: "1 voix", "2 voix", "1 membre", "3 membres". */
export function plainPlural(
  count: number | string,
  singular: string,
  pluralForm = singular.endsWith('x') ? singular : `${singular}s`,
): string {
  return `${count} ${Number(count) > 1 || Number(count) < -1 ? pluralForm : singular}`;
}
