/**
 * The grammar of vote sentences (docs/format.md, « Les votes »): how French PVs state the result of a ballot, read
 * without changing a word of it.
 *
 *   Adoptée à l'unanimité                                   ADOPTÉ                      Rejetée par 20 voix contre 30
 *   Le conseil municipal, après en avoir délibéré, adopte à l'unanimité …    … décide à l'unanimité …
 *   Approbation à l'unanimité des suffrages exprimés        … est approuvé à l'unanimité.
 *   Adopté à la majorité (2 contre : MM. DUPONT, MARTIN)    Adopté par 20 voix pour, 3 contre et 2 abstentions
 *   Contre : MM. DUPONT et MARTIN                           2 abstentions (Mme X, M. Y)
 *   a list under the sentence (`- Pour : 20`, `- Abstentions : 2 (MM. X et Y)`), a paragraph of counts
 *   (`Pour : 19 Contre : 0 Abstentions : 0`), or a results table (`| Pour | 20 |` or a header row Pour | Contre …).
 *
 * Two layers: `readVoteText` reads one text (pure, tested form by form); `findVotes` finds the vote of a
 * deliberation among its blocks and says which other paragraphs also read as votes (issue 10, item 11).
 */
import { Decimal } from 'decimal.js';
import type { List, Paragraph, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import type { FrenchNumber, Vote, VoteName } from '../model/types.js';
import { withoutAnnotations } from '../model/annotation-syntax.js';
import { locatedNumber } from './annotations.js';
import { findFrenchNumbers } from '../model/numbers.js';
import type { Locator } from './source.js';
import { TextMap } from './text-map.js';

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

export interface VoteText {
  outcome: 'adoptee' | 'rejetee';
  /** False when the text only gives counts (« Pour : 19 Contre : 0 »): the outcome is then read from them. */
  outcomeStated: boolean;
  unanimous: boolean;
  majority?: 'absolue' | 'relative' | 'deux-tiers';
  ballot: 'ordinaire' | 'public' | 'secret';
  counts: TextCount[];
}

function fold(text: string): string {
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

// ─── Sentence forms ─────────────────────────────────────────────────────────────────────────────────────────────

/** « Adopté(e)(s) », « Approuvé(e)(s) », « Rejeté(e)(s) », « ADOPTÉ », « Adoption », « Approbation », « Rejet » at the start. */
const STARTS_WITH_OUTCOME = /^\s*(adopt|approuv|approb|rejet)(?:e|ee|es|ees|ion|ation)?(?![\p{L}\d])/u;
/**
 * A verb of decision in the present, read with its accents (« décide », not the participle of a past report
 * « a décidé »): « adopte », « approuvent », « décide », « est adopté », « rejette », « APPROUVE ».
 */
const DECISION_VERB =
  /(?<![\p{L}])(adoptent|adopte|approuvent|approuve|d[ée]cident|d[ée]cide|rejettent|rejette|refusent|refuse|acceptent|accepte|valident|valide|(?:est|sont)\s+(?:adopt|approuv|rejet|accept|valid)(?:[ée]|[ée]e|[ée]s|[ée]es))(?![\p{L}])/u;
/** Words that say how the result was reached. */
const MARKER =
  /unanimite|majorite|(?<![\p{L}])par\s+\d|\d[\d\s\u00A0\u202F]*\s*(?:voix\s+)?(?:pour|contre)(?![\p{L}])/u;
/** « Vote : », « Votes : », « Résultat du vote : », « À l'unanimité », « Unanimité ». */
const VOTE_LEAD = /^\s*(?:votes?\s*:|resultats?\s+du\s+vote\s*:?|a\s+l[’']unanimite|unanimite)/u;
/** « Pour : 19 », a paragraph of counts. */
const COUNTS_LEAD = /^\s*(?:pour|contre|abstentions?)\s*:\s*\d/u;
/** Words that make a vote sentence the vote rather than a remark: a count, a majority, unanimity. */
const VOTE_SIGNAL = /unanimite|(?<![\p{L}])(?:voix|pour|contre|scrutin)(?![\p{L}])|abstention|majorite|\d/u;
/** A passive outcome ending the sentence: « le compte rendu est approuvé. » */
const PASSIVE_END = /(?<![\p{L}])(?:est|sont)\s+(?:adopt|approuv|rejet)(?:e|ee|es|ees)\s*\.?\s*$/u;

/** True when a text reads as a vote sentence (see the forms above). */
export function isVoteText(text: string): boolean {
  const folded = fold(withoutAnnotations(text));
  if (STARTS_WITH_OUTCOME.test(folded)) return true;
  if (VOTE_LEAD.test(folded) || COUNTS_LEAD.test(folded)) return true;
  if (PASSIVE_END.test(folded)) return true;
  return DECISION_VERB.test(withoutAnnotations(text).toLowerCase()) && MARKER.test(folded);
}

function outcomeOf(folded: string, lower: string): { outcome: 'adoptee' | 'rejetee'; stated: boolean } {
  const start = STARTS_WITH_OUTCOME.exec(folded);
  if (start) return { outcome: start[1] === 'rejet' ? 'rejetee' : 'adoptee', stated: true };
  const verb = DECISION_VERB.exec(lower);
  if (verb) return { outcome: /rejet|refus/u.test(verb[1]!) ? 'rejetee' : 'adoptee', stated: true };
  if (/(?<![\p{L}])(?:est|sont)\s+rejet/u.test(folded)) return { outcome: 'rejetee', stated: true };
  if (/(?<![\p{L}])(?:est|sont)\s+(?:adopt|approuv)|unanimite/u.test(folded))
    return { outcome: 'adoptee', stated: true };
  return { outcome: 'adoptee', stated: false };
}

// ─── Names ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Civilities that introduce several names and are not part of any: « MM. », « Mmes », « Messieurs », « Mesdames ». */
const PLURAL_CIVILITY = /^(?:MM\.?|Mmes\.?|Messieurs|Mesdames)\s+/u;

/**
 * The names of a list such as « MM. DUPONT et MARTIN », « Mme X, M. Y », « Éric VIOLLEAU » (index in `text`).
 * Undefined when the text does not look like names (digits, lower-case words only).
 */
export function readNames(text: string, offset = 0): Array<{ name: string; from: number; to: number }> | undefined {
  let body = text;
  let shift = 0;
  const plural = PLURAL_CIVILITY.exec(body);
  if (plural) {
    shift = plural[0].length;
    body = body.slice(shift);
  }
  if (/\d/u.test(body) || !/\p{Lu}/u.test(body)) return undefined;
  const names: Array<{ name: string; from: number; to: number }> = [];
  const separator = /\s*(?:,|;|\s+et\s+|\s+&\s+)\s*/gu;
  let last = 0;
  const push = (from: number, to: number) => {
    const raw = body.slice(from, to);
    const trimmed = raw.trim().replace(/[.)]+$/u, '');
    if (!trimmed) return;
    const start = from + raw.indexOf(trimmed);
    names.push({ name: trimmed, from: offset + shift + start, to: offset + shift + start + trimmed.length });
  };
  for (const match of body.matchAll(separator)) {
    push(last, match.index);
    last = match.index + match[0].length;
  }
  push(last, body.length);
  // Every name has a capital letter (a surname or a first name): otherwise this is prose, not a list of names.
  if (names.length === 0 || names.some((entry) => !/\p{Lu}/u.test(entry.name) || entry.name.split(/\s+/u).length > 5)) {
    return undefined;
  }
  return names;
}

// ─── Counts ─────────────────────────────────────────────────────────────────────────────────────────────────────

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

/** Reads one vote text, or undefined when it is not one. */
export function readVoteText(text: string, options: { countsOnly?: boolean } = {}): VoteText | undefined {
  if (!options.countsOnly && !isVoteText(text)) return undefined;
  const clean = withoutAnnotations(text);
  const folded = fold(clean);
  const outcome = outcomeOf(folded, clean.toLowerCase());
  const vote: VoteText = {
    outcome: outcome.outcome,
    outcomeStated: outcome.stated,
    unanimous: /unanimite/u.test(folded),
    ballot: /scrutin\s+secret|bulletins?\s+secrets?|a\s+bulletin\s+secret/u.test(folded)
      ? 'secret'
      : /scrutin\s+public|appel\s+nominal/u.test(folded)
        ? 'public'
        : 'ordinaire',
    counts: readCounts(text),
  };
  if (/majorite\s+absolue/u.test(folded)) vote.majority = 'absolue';
  else if (/majorite\s+relative/u.test(folded)) vote.majority = 'relative';
  else if (/majorite\s+des\s+deux\s+tiers|deux\s+tiers/u.test(folded)) vote.majority = 'deux-tiers';
  if (!vote.outcomeStated) {
    const of = (key: CountKey) => vote.counts.find((count) => count.key === key)?.number?.value.toNumber() ?? 0;
    if (of('against') > of('for')) vote.outcome = 'rejetee';
  }
  return vote;
}

// ─── In the Markdown tree ───────────────────────────────────────────────────────────────────────────────────────

export interface VoteContext {
  source: string;
  locator: Locator;
}

function positionOf(node: { position?: Position }, context: VoteContext): Position {
  return node.position ?? context.locator.position(0, 0);
}

/** Copies the counts read in a block's text onto the vote (first statement of each count wins). */
function applyCounts(vote: Vote, counts: TextCount[], map: TextMap): void {
  for (const count of counts) {
    if (vote[count.key]) continue;
    const names: VoteName[] = count.names.map((entry) => ({
      name: entry.name,
      position: map.position(entry.from, entry.to),
    }));
    let number: FrenchNumber;
    if (count.number) number = locatedNumber(map, count.number, count.number.index);
    else {
      // Names without a number: the count is the number of names.
      number = {
        value: new Decimal(names.length),
        decimals: 0,
        raw: String(names.length),
        unit: undefined,
        position: map.position(count.from, count.to),
      };
      (vote.impliedCounts ??= []).push(count.key);
    }
    vote[count.key] = number;
    if (names.length > 0) (vote.names ??= {})[count.key] = names;
  }
}

/** True when every item of a list is a count (« - Pour : 20 », « - Abstentions : 2 (MM. X et Y) »). */
export function isCountList(list: List): boolean {
  return (
    list.children.length > 0 &&
    list.children.every((item) => {
      const text = toString(item).trim();
      const counts = readCounts(text);
      return (
        counts.length > 0 && (classify(text) !== undefined || /^(?:votants?|suffrages?|exprim)/iu.test(fold(text)))
      );
    })
  );
}

/** True when a table gives vote counts: a first column of labels, or a header row of labels. */
export function isCountTable(table: Table): boolean {
  const rows = table.children.map((row) => row.children.map((cell) => toString(cell).trim()));
  const header = rows[0] ?? [];
  if (header.filter((cell) => classify(cell)).length >= 2) return true;
  return rows.filter((row) => row[0] && classify(row[0])).length >= 2;
}

function readCountTable(table: Table, vote: Vote, context: VoteContext): void {
  const rows = table.children;
  const header = rows[0]?.children ?? [];
  const byHeader = header.filter((cell) => classify(toString(cell))).length >= 2;
  const cells: Array<{ label: string; cell: (typeof header)[number] }> = [];
  if (byHeader) {
    for (const row of rows.slice(1)) {
      row.children.forEach((cell, index) => {
        const label = header[index] ? toString(header[index]) : '';
        cells.push({ label, cell });
      });
    }
  } else {
    for (const row of rows) {
      const [label, ...rest] = row.children;
      if (!label || rest.length === 0) continue;
      cells.push({ label: toString(label), cell: rest[0]! });
    }
  }
  for (const { label, cell } of cells) {
    const key = classify(label);
    if (!key || vote[key]) continue;
    const map = new TextMap(cell, context.source, context.locator);
    const number = findFrenchNumbers(map.text)[0];
    if (number && number.index <= 2) vote[key] = locatedNumber(map, number, number.index);
  }
}

function readCountList(list: List, vote: Vote, context: VoteContext): void {
  for (const item of list.children) {
    const paragraph = item.children.find((child): child is Paragraph => child.type === 'paragraph');
    if (!paragraph) continue;
    const map = new TextMap(paragraph, context.source, context.locator);
    applyCounts(vote, readCounts(map.text), map);
  }
}

/** A block right after a vote sentence that gives its counts: a list, a paragraph (« Pour : 19 Contre : 0 ») or a table. */
export function isCountBlock(node: RootContent | undefined): boolean {
  if (!node) return false;
  if (node.type === 'list') return isCountList(node);
  if (node.type === 'table') return isCountTable(node);
  if (node.type === 'paragraph') {
    const folded = fold(toString(node));
    return COUNTS_LEAD.test(folded) && !STARTS_WITH_OUTCOME.test(folded);
  }
  return false;
}

/** The text of a block of counts on one line, for the liste des délibérations: « Pour : 9 ; Contre : 1 (M. ROUSSEL) ». */
function countsText(node: RootContent): string {
  const clean = (text: string) => withoutAnnotations(text).replace(/\s+/gu, ' ').trim();
  if (node.type === 'list') return node.children.map((item) => clean(toString(item))).join(' ; ');
  if (node.type === 'table') {
    const rows = node.children.map((row) => row.children.map((cell) => clean(toString(cell))));
    const header = rows[0] ?? [];
    if (header.filter((cell) => classify(cell)).length >= 2) {
      return rows
        .slice(1)
        .map((row) => row.map((cell, index) => `${header[index] ?? ''} : ${cell}`).join(' ; '))
        .join(' ; ');
    }
    return rows.map((row) => row.filter(Boolean).join(' : ')).join(' ; ');
  }
  return clean(toString(node));
}

export interface FoundVotes {
  vote?: Vote;
  /** The blocks read as the vote (its sentence, a list, paragraph or table of counts), by index in `children`. */
  blocks: number[];
  /** Other paragraphs of the item that also read as a vote sentence. */
  others: Array<{ text: string; position: Position }>;
}

/**
 * The vote of a deliberation among `children[start, end)`: the last paragraph that reads as a vote sentence, with
 * the counts of the list, paragraph of counts or table right after it. Other vote sentences of the item are listed.
 */
export function findVotes(children: RootContent[], start: number, end: number, context: VoteContext): FoundVotes {
  const candidates: Array<{ index: number; map: TextMap; read: VoteText }> = [];
  for (let index = start; index < end; index++) {
    const node = children[index]!;
    if (node.type !== 'paragraph') continue;
    const map = new TextMap(node, context.source, context.locator, true);
    const read = readVoteText(map.text);
    if (!read) continue;
    // A paragraph of counts right after a vote sentence belongs to it.
    const previous = candidates.at(-1);
    if (
      previous &&
      previous.index === index - 1 &&
      COUNTS_LEAD.test(fold(map.text)) &&
      !STARTS_WITH_OUTCOME.test(fold(map.text))
    ) {
      continue;
    }
    candidates.push({ index, map, read });
  }
  // The last that carries a count, a majority or « unanimité », else the last: « Approuvés, ces tarifs seront
  // publiés » written after the vote is not taken for it.
  const chosen =
    candidates.filter((candidate) => VOTE_SIGNAL.test(fold(candidate.map.text))).at(-1) ?? candidates.at(-1);
  if (!chosen) return { blocks: [], others: [] };
  const node = children[chosen.index] as Paragraph;
  const vote: Vote = {
    text: withoutAnnotations(chosen.map.text).replace(/\s+/gu, ' ').trim(),
    position: positionOf(node, context),
    outcome: chosen.read.outcome,
    unanimous: chosen.read.unanimous,
    ballot: chosen.read.ballot,
  };
  if (chosen.read.majority) vote.majority = chosen.read.majority;
  applyCounts(vote, chosen.read.counts, chosen.map);
  const blocks = [chosen.index];
  const next = children[chosen.index + 1];
  if (next && chosen.index + 1 < end && isCountBlock(next)) {
    blocks.push(chosen.index + 1);
    vote.countsText = countsText(next);
    if (next.type === 'list') readCountList(next, vote, context);
    else if (next.type === 'table') readCountTable(next, vote, context);
    else if (next.type === 'paragraph') {
      const map = new TextMap(next, context.source, context.locator);
      applyCounts(vote, readCounts(map.text), map);
    }
  }
  const others = candidates
    .filter((candidate) => candidate !== chosen)
    .map((candidate) => ({
      text: withoutAnnotations(candidate.map.text).replace(/\s+/gu, ' ').trim(),
      position: positionOf(children[candidate.index] as Paragraph, context),
    }));
  if (others.length > 0) vote.others = others;
  return { vote, blocks, others };
}
