/**
 * Reading French numbers (their writing is in french.ts): French numbers as authors type them, parsed exactly: "564 614,75 €", "1 746 700€ HT", "7,40€", "43 478", "3%",
 * "16,404 %". Digits are grouped by thousands with an ordinary space, a no-break space (U+00A0) or a narrow no-break
 * space (U+202F); the decimal separator is the comma. The written precision is kept (`decimals`): the checks derive
 * from it the interval a rounded number stands for.
 */
import { Decimal } from 'decimal.js';
import type { NumberUnit } from './types.js';
import { formatFrenchNumber } from './french.js';

/** Re-exported for the callers that read and write numbers together; the formatting lives in french.ts. */
export { formatFrenchNumber };

export interface ParsedNumber {
  value: Decimal;
  decimals: number;
  unit: NumberUnit;
  tax?: 'HT' | 'TTC';
  /** The characters matched, unit and tax included. */
  raw: string;
}

export interface FoundNumber extends ParsedNumber {
  /** UTF-16 index of the first character in the scanned text. */
  index: number;
}

const GROUP = '[ \\u00A0\\u202F]';
const SIGN = '[-\\u2212]';
const INTEGER = `\\d{1,3}(?:${GROUP}\\d{3})+(?!\\d)|\\d+`;
const UNIT = `${GROUP}?(?<unit>€|%)`;
const TAX = `${GROUP}?(?<tax>HT|TTC)(?![\\p{L}\\d])`;
/** A number with its optional unit and HT/TTC mention. Not anchored; use with the `u` flag. */
const NUMBER_SOURCE = `(?<sign>${SIGN})?(?<integer>${INTEGER})(?:,(?<fraction>\\d+))?(?:${UNIT})?(?:${TAX})?`;

const whole = new RegExp(`^${NUMBER_SOURCE}$`, 'u');
// A number must not be glued to a preceding letter, digit or decimal comma ("n°2021-1465" yields 2021 and 1465).
const scanner = new RegExp(`(?<![\\p{L}\\d,])${NUMBER_SOURCE}`, 'gu');

function fromMatch(groups: Record<string, string | undefined>, raw: string): ParsedNumber {
  const integer = (groups.integer ?? '0').replace(/[ \u00A0\u202F]/g, '');
  const fraction = groups.fraction ?? '';
  const negative = groups.sign !== undefined;
  const text = `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
  const parsed: ParsedNumber = {
    value: new Decimal(text),
    decimals: fraction.length,
    unit: groups.unit as NumberUnit,
    raw,
  };
  if (groups.tax === 'HT' || groups.tax === 'TTC') parsed.tax = groups.tax;
  return parsed;
}

/** Parses a whole string as one French number (surrounding white space allowed); undefined when it is not one. */
export function parseFrenchNumber(text: string): ParsedNumber | undefined {
  const trimmed = text.trim();
  const match = whole.exec(trimmed);
  if (!match?.groups) return undefined;
  return fromMatch(match.groups, trimmed);
}

const DIGIT = /\d/u;

/** Every French number in a text, in order, with its index. */
export function findFrenchNumbers(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  // Every number has a digit: a text without one (a title, a cell of words) is answered without the scanner.
  if (!DIGIT.test(text)) return found;
  for (const match of text.matchAll(scanner)) {
    if (!match.groups || match.index === undefined) continue;
    // A trailing group separator before a unit belongs to the unit, never to the number.
    found.push({ ...fromMatch(match.groups, match[0]), index: match.index });
  }
  return found;
}

/** The value a number stands for in arithmetic: a percentage is divided by 100 ("3 %" → 0,03). */
export function arithmeticValue(number: { value: Decimal; unit: NumberUnit }): Decimal {
  return number.unit === '%' ? number.value.div(100) : number.value;
}

// ─── Numbers as published PVs really write them ─────────────────────────────────────────────────────────────────
//
// `parseFrenchNumber` and `findFrenchNumbers` accept the French convention only. `readNumber` and `scanNumbers` are
// for the places where the check *uses* a number of the body (the number an annotation names, a table cell): there,
// every form a published PV uses is either read exactly, with a note when it departs from the French convention
// (`parse-number-format`, a warning), or refused with the reason (`parse-number`, an error) — never misread, never skipped
// in silence. Forms:
//   1 234,56   French (no note)               1 204 518.37   point decimal after space groups (note)
//   12.5  0.234  1234.567   point decimal: a point followed by other than three digits, or after 0, or after four
//                           digits or more, cannot be a thousands separator (note)
//   6.482.105,40  512.904,18  6.482.105   dot thousands: two points, or a point and a decimal comma (note)
//   1,234.56  1,234,567   English separators (note)
//   1.234      ambiguous: 1 234 or 1,234? (error)
//   - 318 402,56  + 512.904,18   sign separated by a space (note);  −12  –12  +12   minus, en dash, plus signs
//   -  –  —  - €   alone in a table cell: zero (the accountant's dash; no note)

/** A note on a number read in a form the French convention does not use (`parse-number-format`, warning). */
export interface ReadNumber extends FoundNumber {
  /** French sentences, empty when the number is written the French way. */
  notes: string[];
}

/** A piece of text that looks like a number but cannot be read without guessing (`parse-number`, error). */
export interface UnreadNumber {
  index: number;
  raw: string;
  reason: string;
}

export const isRead = (found: ReadNumber | UnreadNumber): found is ReadNumber => 'value' in found;

const LOOSE_GROUP = '[ \\u00A0\\u202F\\u2009]';
const LOOSE_SIGN = '[-+\\u2212\\u2013]';
const LOOSE_BODY = `(?:\\d{1,3}(?:${LOOSE_GROUP}\\d{3})+(?!\\d)|\\d+)(?:[.,]\\d+)*`;
const LOOSE_SOURCE =
  `(?<sign>${LOOSE_SIGN})?(?<gap>${LOOSE_GROUP})?(?<body>${LOOSE_BODY})` +
  `(?:${LOOSE_GROUP}?(?<unit>€|%))?(?:${LOOSE_GROUP}?(?<tax>HT|TTC)(?![\\p{L}\\d]))?`;
const looseScanner = new RegExp(`(?<![\\p{L}\\d,.])${LOOSE_SOURCE}`, 'gu');
const looseWhole = new RegExp(`^${LOOSE_SOURCE}$`, 'u');
/** A dash standing for zero in a table cell, with an optional unit. */
const DASH_ZERO = /^(?<dash>[-\u2212\u2013\u2014])(?:[ \u00A0\u202F\u2009]*(?<unit>€|%))?$/u;

/** French writing of a value for messages: ordinary spaces between thousands, a true minus sign. */
function frenchText(value: Decimal, decimals: number): string {
  return formatFrenchNumber(value, decimals).replace(/\u202F/gu, ' ');
}

type Separated = { integer: string; spaced: boolean; rest: Array<{ separator: '.' | ','; digits: string }> };

function separate(body: string): Separated {
  const head = /^(?:\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?!\d)|\d+)/u.exec(body)![0];
  const rest = [...body.slice(head.length).matchAll(/([.,])(\d+)/gu)].map((m) => ({
    separator: m[1] as '.' | ',',
    digits: m[2]!,
  }));
  return {
    integer: head.replace(/[ \u00A0\u202F\u2009]/gu, ''),
    spaced: head !== head.replace(/[ \u00A0\u202F\u2009]/gu, ''),
    rest,
  };
}

type Reading =
  { integer: string; fraction: string; form?: 'point-decimal' | 'dot-thousands' | 'english' } | { problem: string };

/** How the digits and separators of a number read, or why they cannot. */
function interpret({ integer, spaced, rest }: Separated, raw: string): Reading {
  const seps = rest.map((part) => part.separator).join('');
  const threes = (parts: typeof rest) => parts.every((part) => part.digits.length === 3);
  const shortHead = integer.length <= 3 && !spaced && !/^0\d/u.test(integer);
  if (rest.length === 0) return { integer, fraction: '' };
  if (seps === ',') return { integer, fraction: rest[0]!.digits };
  if (seps === '.') {
    const digits = rest[0]!.digits;
    // A point can be a thousands separator only between a group of one to three digits (not 0) and three digits.
    if (spaced || digits.length !== 3 || integer === '0' || integer.length > 3 || /^0/u.test(integer)) {
      return { integer, fraction: digits, form: 'point-decimal' };
    }
    const thousand = new Decimal(`${integer}${digits}`);
    const decimal = new Decimal(`${integer}.${digits}`);
    return {
      problem:
        `« ${raw} » est ambigu : ${frenchText(thousand, 0)} (le point séparant les milliers) ou ${frenchText(decimal, 3)} ` +
        `(le point marquant les décimales) ? Écrivez-le à la française : « ${frenchText(thousand, 0)} » ou « ${frenchText(decimal, 3)} ».`,
    };
  }
  if (shortHead && /^\.+,?$/u.test(seps) && seps.length >= 2) {
    const groups = seps.endsWith(',') ? rest.slice(0, -1) : rest;
    if (threes(groups)) {
      return {
        integer: integer + groups.map((part) => part.digits).join(''),
        fraction: seps.endsWith(',') ? rest.at(-1)!.digits : '',
        form: 'dot-thousands',
      };
    }
  }
  if (shortHead && /^,+\.?$/u.test(seps) && seps.length >= 2) {
    const groups = seps.endsWith('.') ? rest.slice(0, -1) : rest;
    if (threes(groups)) {
      return {
        integer: integer + groups.map((part) => part.digits).join(''),
        fraction: seps.endsWith('.') ? rest.at(-1)!.digits : '',
        form: 'english',
      };
    }
  }
  return {
    problem:
      `« ${raw} » n'est pas un nombre lisible : ses séparateurs ne suivent aucune écriture connue. ` +
      'Écrivez-le à la française, les milliers séparés par une espace et les décimales après une virgule (« 1 234,56 »).',
  };
}

function fromLoose(groups: Record<string, string | undefined>, raw: string, index: number): ReadNumber | UnreadNumber {
  const reading = interpret(separate(groups.body!), raw.trim());
  if ('problem' in reading) return { index, raw, reason: reading.problem };
  const negative = groups.sign !== undefined && groups.sign !== '+';
  const value = new Decimal(
    `${negative ? '-' : ''}${reading.integer}${reading.fraction ? `.${reading.fraction}` : ''}`,
  );
  const decimals = reading.fraction.length;
  // The French writing is only for the notes: made when one is written (most numbers have none).
  let written: string | undefined;
  const french = () =>
    (written ??= `${frenchText(value, decimals)}${groups.unit ? ` ${groups.unit}` : ''}${groups.tax ? ` ${groups.tax}` : ''}`);
  const notes: string[] = [];
  if (reading.form === 'point-decimal') {
    notes.push(`« ${raw.trim()} » est lu ${french()} : en français, la virgule marque les décimales, pas le point.`);
  } else if (reading.form === 'dot-thousands') {
    notes.push(
      `« ${raw.trim()} » est lu ${french()} : en français, les milliers sont séparés par une espace (insécable), pas par un point.`,
    );
  } else if (reading.form === 'english') {
    notes.push(
      `« ${raw.trim()} » est lu ${french()} : il est écrit à l'anglaise ; en français, une espace sépare les milliers et la virgule marque les décimales.`,
    );
  }
  if (groups.gap !== undefined && groups.sign !== undefined) {
    notes.push(
      `« ${raw.trim()} » est lu ${french()} : le signe s'écrit collé au nombre (« ${french()} »), sans espace.`,
    );
  }
  const found: ReadNumber = { value, decimals, unit: groups.unit as NumberUnit, raw, index, notes };
  if (groups.tax === 'HT' || groups.tax === 'TTC') found.tax = groups.tax;
  return found;
}

/**
 * Every number of a text in any published form, in order: read (with notes when the form is not French) or unread
 * (with the reason). A sign separated from its number by a space is read as a sign.
 */
export function scanNumbers(text: string): Array<ReadNumber | UnreadNumber> {
  const found: Array<ReadNumber | UnreadNumber> = [];
  for (const match of text.matchAll(looseScanner)) {
    if (!match.groups || match.index === undefined) continue;
    let { index } = match;
    let raw = match[0];
    const groups = { ...match.groups };
    // A space without a sign before it is not part of the number.
    if (groups.gap !== undefined && groups.sign === undefined) {
      index += groups.gap.length;
      raw = raw.slice(groups.gap.length);
      delete groups.gap;
    }
    // In a sentence, a dash between a word and a number, spaced, is punctuation (« EIFFAGE – 156 248,91 € »): the
    // number is positive. A hyphen there may also be a minus sign typed with a space: read positive, with a note.
    let dashNote: string | undefined;
    if (
      groups.gap !== undefined &&
      (groups.sign === '-' || groups.sign === '\u2013') &&
      /[\p{L}\p{N})»"'’]\s*$/u.test(text.slice(0, index))
    ) {
      const dash = groups.sign;
      const skip = dash.length + groups.gap.length;
      index += skip;
      raw = raw.slice(skip);
      delete groups.sign;
      delete groups.gap;
      if (dash === '-') {
        dashNote = `« - ${raw.trim()} » : le tiret entre un mot et le nombre est lu comme une ponctuation, le nombre comme positif ; pour un nombre négatif, écrivez « −${raw.trim()} », le signe collé au nombre.`;
      }
    }
    const read = fromLoose(groups, raw, index);
    if (dashNote && isRead(read)) read.notes.push(dashNote);
    found.push(read);
  }
  return found;
}

/**
 * A whole text (a table cell) read as one number in any published form: read, unread with the reason, or undefined
 * when the text is not a number at all (a label). A dash alone (`-`, `–`, `—`, `- €`) is zero.
 */
export function readNumber(text: string): ReadNumber | UnreadNumber | undefined {
  const trimmed = text.trim();
  const start = text.indexOf(trimmed);
  const dash = DASH_ZERO.exec(trimmed);
  if (dash?.groups)
    return {
      value: new Decimal(0),
      decimals: 0,
      unit: dash.groups.unit as NumberUnit,
      raw: trimmed,
      index: start,
      notes: [],
    };
  const match = looseWhole.exec(trimmed);
  if (!match?.groups) return undefined;
  return fromLoose({ ...match.groups }, trimmed, start);
}
