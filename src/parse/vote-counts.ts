/**
 * The figures of a vote: each count a text states (« 20 voix pour », « Pour : 19 », « 2 contre : MM. X, Y »,
 * « Contre : MM. DUPONT et MARTIN »), its label and the names listed with it.
 */
import { findFrenchNumbers } from '../model/numbers.js';
import { readNames } from './vote-names.js';

export type CountKey = 'for' | 'against' | 'abstentions' | 'notVoting' | 'blank';

/** One count read in a text: its number (absent when only names are given) and the names it lists. */
export interface TextCount {
  key: CountKey;
  /** The number as found in the text (index in the text), when written. */
  number?: ReturnType<typeof findFrenchNumbers>[number];
  /** The names listed with the count, with their index in the text. */
  names: Array<{ name: string; from: number; to: number }>;
  /** Where the count is written (for a count given only by names: the names). */
  from: number;
  to: number;
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The label of a count: « pour », « voix contre », « abstention(s) », « ne prend pas part au vote », « blancs ». */
export function classify(label: string): CountKey | undefined {
  const text = fold(label).trim();
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

/** Every count of a text: « 20 voix pour », « Pour : 19 », « 2 contre : MM. X, Y », « Contre : MM. DUPONT et MARTIN ». */
export function readCounts(text: string): TextCount[] {
  const counts: TextCount[] = [];
  const numbers = findFrenchNumbers(text).filter((number) => !number.unit);
  const used = new Set<number>();
  const taken = (key: CountKey) => counts.some((count) => count.key === key);
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
    const found = numbers[k]!;
    used.add(k);
    const names = namesAfter(text, found.index + found.raw.length);
    counts.push({
      key,
      number: found,
      names: names?.names ?? [],
      from: found.index,
      to: found.index + found.raw.length,
    });
  }
  // « 20 voix pour », « 3 contre (MM. X, Y) », « 2 contre : MM. X, Y »: a number followed by its label.
  numbers.forEach((number, k) => {
    if (used.has(k)) return;
    const end = number.index + number.raw.length;
    const after = text.slice(end, numbers[k + 1]?.index ?? text.length);
    const label = LABEL_AT_START.exec(after);
    const key = label ? classify(label[0]) : undefined;
    if (!key || !label || taken(key)) return;
    used.add(k);
    const names = namesAfter(text, end + label[0].length);
    counts.push({ key, number, names: names?.names ?? [], from: number.index, to: end });
  });
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
