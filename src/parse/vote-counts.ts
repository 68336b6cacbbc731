/**
 * The figures of a vote: each count a text states (« 20 voix pour », « Pour : 19 », « 2 contre : MM. X, Y »,
 * « Contre : MM. DUPONT et MARTIN »), its label and the names listed with it.
 */
import { isRead, scanNumbers, type ReadNumber } from '../model/numbers.js';
import { readNames } from './vote-names.js';
import { foldText } from '../model/fold.js';

export type CountKey = 'for' | 'against' | 'abstentions' | 'notVoting' | 'blank';

/** One count read in a text: its number (absent when only names are given) and the names it lists. */
export interface TextCount {
  key: CountKey;
  /** The number as found in the text (index in the text), when written and readable. */
  number?: ReadNumber;
  /** A number written in the count's place that cannot be read without guessing (« 1.234 voix pour »): the reason. */
  unreadable?: string;
  /** « et 11 voix » with no label: the votes for, when no « pour » is written in the text. */
  impliedLabel?: boolean;
  /** The names listed with the count, with their index in the text. */
  names: Array<{ name: string; from: number; to: number }>;
  /** Where the count is written (for a count given only by names: the names). */
  from: number;
  to: number;
}

export function fold(text: string): string {
  return foldText(text);
}

/** Quotes around a label (« Pour », "abstention", “contre”). */
const QUOTES = /[«»"“”]/gu;

/** The text with its quotes read as spaces (same length, same indexes): « 11 voix « Pour » » reads « 11 voix   Pour  ». */
export function unquoted(text: string): string {
  return text.replace(QUOTES, ' ');
}

/**
 * The largest number read as a count when the body's seats are unknown: no assembly has a thousand members, and a
 * year before a vote word (« le total des dépenses 2016 contre … ») is not a count.
 */
export const MAX_COUNT = 999;

/** The label of a count: « pour », « voix contre », « abstention(s) », « ne prend pas part au vote », « blancs ». */
export function classify(label: string): CountKey | undefined {
  const text = fold(unquoted(label)).trim();
  if (/^(?:voix\s+)?pour\b/u.test(text)) return 'for';
  if (/^(?:voix\s+)?contre\b/u.test(text)) return 'against';
  if (/^abstentions?\b/u.test(text)) return 'abstentions';
  if (
    /^(?:ne\s+prend|ne\s+prennent|n'ont\s+pas\s+pris|n’ont\s+pas\s+pris|n'a\s+pas\s+pris|n’a\s+pas\s+pris|ne\s+participe|non[-\s]participation)/u.test(
      text,
    )
  ) {
    return 'notVoting';
  }
  if (/^(?:(?:bulletins?|votes?)\s+)?(?:blancs?|nuls?)\b/u.test(text)) return 'blank';
  return undefined;
}

const LABEL_AT_START =
  /^\s*(?:voix\s+)?(?:pour|contre|abstentions?|ne\s+prend(?:nent)?\s+pas\s+part\s+au\s+vote|n[’']ont\s+pas\s+pris\s+part\s+au\s+vote|n[’']a\s+pas\s+pris\s+part\s+au\s+vote|(?:bulletins?\s+|votes?\s+)?(?:blancs?|nuls?))/iu;
const LABEL_ANYWHERE = new RegExp(LABEL_AT_START.source.replace(/^\^\\s\*/u, '(?<![\\p{L}])'), 'giu');

/** Names right after a count's label: « (Mme X, M. Y) » or « : MM. X, Y » (index in `text`). */
function namesAfter(text: string, at: number): { names: TextCount['names']; end: number } | undefined {
  const rest = text.slice(at);
  const parenthesis = /^\s*\(([^()]*)\)/u.exec(rest);
  if (parenthesis) {
    const inner = parenthesis[1]!;
    // « (2 contre : MM. X, Y) » is handled as its own count; here only names.
    const names = readNames(inner, at + rest.indexOf(inner));
    if (names) return { names, end: at + parenthesis[0].length };
    return undefined;
  }
  const colon =
    /^\s*:\s*([^()\d;]*?)(?=\s*(?:$|[;)]|(?<![\s(](?:MM|M|Mmes|Mme|Mlle|Dr|Me|Pr))\.(?:\s|$)|\s+(?:pour|contre|abstentions?|ne\s+prend)(?![\p{L}])))/iu.exec(
      rest,
    );
  if (colon && colon[1]) {
    const names = readNames(colon[1], at + rest.indexOf(colon[1], colon[0].indexOf(':')));
    if (names) return { names, end: at + colon[0].length };
  }
  return undefined;
}

/** What a count needs: `maxCount`, the largest plausible count (the body's seats or voices when known). */
export interface CountOptions {
  maxCount?: number;
}

/**
 * The numbers of a text that may be counts, in any published writing (src/model/numbers.ts): a number read with a
 * unit, a sign or above `maxCount` is not a count; a number that cannot be read is kept with its reason.
 */
function countNumbers(
  text: string,
  maxCount: number,
): Array<ReadNumber | { index: number; raw: string; reason: string }> {
  return scanNumbers(text).filter((found) => {
    if (!isRead(found)) return true;
    return !found.unit && !/^[-+\u2212\u2013]/u.test(found.raw) && found.value.lte(maxCount);
  });
}

/**
 * Every count of a text: « 20 voix pour », « Pour : 19 », « 2 contre : MM. X, Y », « Contre : MM. DUPONT et MARTIN »,
 * « 11 voix « Pour » » (quoted labels), « 1 « abstention » et 11 voix » (the « pour » implied when none is written).
 */
export function readCounts(written: string, options: CountOptions = {}): TextCount[] {
  const text = unquoted(written);
  const counts: TextCount[] = [];
  const numbers = countNumbers(text, options.maxCount ?? MAX_COUNT);
  const used = new Set<number>();
  const taken = (key: CountKey) => counts.some((count) => count.key === key);
  const push = (key: CountKey, k: number, labelEnd: number) => {
    const found = numbers[k]!;
    used.add(k);
    const end = found.index + found.raw.length;
    const names = namesAfter(text, labelEnd);
    const count: TextCount = { key, names: names?.names ?? [], from: found.index, to: end };
    if (isRead(found)) count.number = found;
    else count.unreadable = found.reason;
    counts.push(count);
    return count;
  };
  const labels = [...text.matchAll(LABEL_ANYWHERE)];
  // « Pour : 19 Contre : 1 »: a label, a colon, its number (read first: « Pour : 18 Contre » is 18 pour).
  for (const match of labels) {
    const key = classify(match[0]);
    if (!key || taken(key)) continue;
    const labelEnd = match.index + match[0].length;
    const colon = /^\s*:\s*/u.exec(text.slice(labelEnd));
    if (!colon) continue;
    const k = numbers.findIndex(
      (candidate, index) => !used.has(index) && candidate.index === labelEnd + colon[0].length,
    );
    if (k < 0) continue;
    push(key, k, numbers[k]!.index + numbers[k]!.raw.length);
  }
  // « 20 voix pour », « 3 contre (MM. X, Y) », « 2 contre : MM. X, Y »: a number followed by its label.
  numbers.forEach((number, k) => {
    if (used.has(k)) return;
    const end = number.index + number.raw.length;
    const after = text.slice(end, numbers[k + 1]?.index ?? text.length);
    const label = LABEL_AT_START.exec(after);
    const key = label ? classify(label[0]) : undefined;
    if (!key || !label || taken(key)) return;
    push(key, k, end + label[0].length);
  });
  // « par 1 « abstention » et 11 voix »: « voix » with no label is the votes for, when no « pour » is written.
  if (!taken('for') && counts.length > 0 && !/(?<![\p{L}])pour(?![\p{L}])/iu.test(text)) {
    const k = numbers.findIndex((number, index) => {
      if (used.has(index)) return false;
      const after = text.slice(number.index + number.raw.length);
      return /^\s*voix(?![\p{L}])(?!\s*(?:contre|pour|blanc|nul))/iu.test(after);
    });
    if (k >= 0) {
      const voix = /^\s*voix/iu.exec(text.slice(numbers[k]!.index + numbers[k]!.raw.length))!;
      push('for', k, numbers[k]!.index + numbers[k]!.raw.length + voix[0].length).impliedLabel = true;
    }
  }
  // « Contre : MM. DUPONT et MARTIN »: a label followed by names only.
  for (const match of labels) {
    const key = classify(match[0]);
    if (!key || taken(key)) continue;
    const names = namesAfter(text, match.index + match[0].length);
    if (names && names.names.length > 0) {
      counts.push({ key, names: names.names, from: names.names[0]!.from, to: names.names.at(-1)!.to });
    }
  }
  return counts.sort((a, b) => a.from - b.from);
}
