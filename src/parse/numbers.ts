/**
 * French numbers as authors type them, parsed exactly: "564 614,75 €", "1 746 700€ HT", "7,40€", "43 478", "3%",
 * "16,404 %". Digits are grouped by thousands with an ordinary space, a no-break space (U+00A0) or a narrow no-break
 * space (U+202F); the decimal separator is the comma. The written precision is kept (`decimals`): the checks derive
 * from it the interval a rounded number stands for.
 */
import { Decimal } from 'decimal.js';
import type { NumberUnit } from '../model/types.js';

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

/** Every French number in a text, in order, with its index. */
export function findFrenchNumbers(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const match of text.matchAll(scanner)) {
    if (!match.groups || match.index === undefined) continue;
    // A trailing group separator before a unit belongs to the unit, never to the number.
    found.push({ ...fromMatch(match.groups, match[0]), index: match.index });
  }
  return found;
}

const NARROW_NBSP = '\u202F';

/**
 * Writes a decimal the French way with a fixed number of decimals: 564614.75 → "564 614,75" (narrow no-break spaces).
 * Rounds half away from zero, as accountants do.
 */
export function formatFrenchNumber(value: Decimal.Value, decimals = 0): string {
  const fixed = new Decimal(value).toFixed(decimals, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const [integer = '0', fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, NARROW_NBSP);
  return `${negative ? '−' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** The value a number stands for in arithmetic: a percentage is divided by 100 ("3 %" → 0,03). */
export function arithmeticValue(number: { value: Decimal; unit: NumberUnit }): Decimal {
  return number.unit === '%' ? number.value.div(100) : number.value;
}
