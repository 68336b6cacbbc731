/**
 * The grammar of vote sentences (docs/format.md, « Les votes »): how French PVs state the result of a ballot, read
 * without changing a word of it.
 *
 *   Adoptée à l'unanimité                                   ADOPTÉ                      Rejetée par 20 voix contre 30
 *   Le conseil municipal, après en avoir délibéré, adopte à l'unanimité …    … décide à l'unanimité …
 *   Approbation à l'unanimité des suffrages exprimés        … est approuvé à l'unanimité.
 *   Adopté à la majorité (2 contre : MM. DUPONT, MARTIN)    Adopté par 20 voix pour, 3 contre et 2 abstentions
 *   Contre : MM. DUPONT et MARTIN                           2 abstentions (Mme X, M. Y)
 *   Le Conseil Municipal, après en avoir délibéré, par 12 voix « Pour » et 1 abstention (M. DUPONT) :   (decisions follow)
 *   Le conseil municipal par 3 voix contre (MF, JPE et AR) et 10 voix pour        par 1 « abstention » et 11 voix
 *   a list under the sentence (`- Pour : 20`, `- Abstentions : 2 (MM. X et Y)`), a paragraph of counts
 *   (`Pour : 19 Contre : 0 Abstentions : 0`), or a results table (`| Pour | 20 |` or a header row Pour | Contre …).
 *
 * Layers: the names (vote-names.ts), the counts (vote-counts.ts), the sentence forms and `readVoteText`, which reads
 * one text (vote-forms.ts, pure, tested form by form); here `findVotes` finds the vote of a deliberation among its
 * blocks and says which other paragraphs also read as votes (issue 10, item 11).
 */
import { Decimal } from 'decimal.js';
import type { List, Paragraph, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import type { FrenchNumber, Vote, VoteName } from '../model/types.js';
import { withoutAnnotations } from '../model/annotation-syntax.js';
import { locatedNumber } from './annotations.js';
import { isRead, scanNumbers } from '../model/numbers.js';
import type { Reporter } from './report.js';
import type { Locator } from './source.js';
import { TextMap } from './text-map.js';
import { classify, fold, readCounts, type TextCount } from './vote-counts.js';
import { COUNTS_LEAD, STARTS_WITH_OUTCOME, VOTE_SIGNAL, readVoteText, type VoteText } from './vote-forms.js';

export interface VoteContext {
  source: string;
  locator: Locator;
  /** Where a count written in a form that is not French is reported (`parse-number`, `parse-number-format`). */
  report?: Reporter;
  /** The largest plausible count: the body's seats or voices, when known (else MAX_COUNT of vote-counts.ts). */
  maxCount?: number;
}

function positionOf(node: { position?: Position }, context: VoteContext): Position {
  return node.position ?? context.locator.position(0, 0);
}

/** Copies the counts read in a block's text onto the vote (first statement of each count wins). */
function applyCounts(vote: Vote, counts: TextCount[], map: TextMap, context: VoteContext): void {
  for (const count of counts) {
    if (vote[count.key]) continue;
    // A count written in a form that is not French is read as elsewhere in the body (src/model/numbers.ts): with a
    // note, or, when it cannot be read without guessing, reported and left out of the vote.
    if (count.unreadable !== undefined) {
      context.report?.errorAndGoOn(
        `${count.unreadable} Ce décompte du vote n'est pas vérifié.`,
        map.position(count.from, count.to),
        'parse-number',
      );
      continue;
    }
    for (const note of count.number?.notes ?? []) {
      context.report?.warn(note, map.position(count.from, count.to), 'parse-number-format');
    }
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
    const map = TextMap.of(cell, context.source, context.locator);
    // Read in every published writing, as the table's cells are (src/parse/body-tables.ts reports the unreadable
    // ones): « 1.234 » is left out, never read 1.
    const number = scanNumbers(map.text)[0];
    if (number && isRead(number) && number.index <= 2) vote[key] = locatedNumber(map, number, number.index);
  }
}

function readCountList(list: List, vote: Vote, context: VoteContext): void {
  for (const item of list.children) {
    const paragraph = item.children.find((child): child is Paragraph => child.type === 'paragraph');
    if (!paragraph) continue;
    const map = TextMap.of(paragraph, context.source, context.locator);
    applyCounts(vote, readCounts(map.text), map, context);
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
  const strong = (read: VoteText) => read.counts.length > 0 || read.unanimous || read.majority !== undefined;
  // « Le Conseil Municipal, après en avoir délibéré, par 11 voix « Pour » : » announces the decisions written under
  // it (« APPROUVE le budget », « DÉCIDE … »): they are its content, not other votes.
  let announcing = false;
  for (let index = start; index < end; index++) {
    const node = children[index]!;
    if (node.type !== 'paragraph') continue;
    const map = TextMap.of(node, context.source, context.locator, true);
    const read = readVoteText(map.text, context);
    if (!read) continue;
    if (announcing && !strong(read)) continue;
    announcing = strong(read) && /:\s*$/u.test(withoutAnnotations(map.text));
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
  // The last that reads counts, « unanimité » or a majority; else the last that carries a vote word or a number;
  // else the last: « Approuvés, ces tarifs seront publiés » written after the vote is not taken for it, nor is
  // « APPROUVE le budget 2024 », a decision written under « …, par 11 voix « Pour » : ».
  const chosen =
    candidates.filter((candidate) => strong(candidate.read)).at(-1) ??
    candidates.filter((candidate) => VOTE_SIGNAL.test(fold(candidate.map.text))).at(-1) ??
    candidates.at(-1);
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
  applyCounts(vote, chosen.read.counts, chosen.map, context);
  const blocks = [chosen.index];
  const next = children[chosen.index + 1];
  if (next && chosen.index + 1 < end && isCountBlock(next)) {
    blocks.push(chosen.index + 1);
    vote.countsText = countsText(next);
    if (next.type === 'list') readCountList(next, vote, context);
    else if (next.type === 'table') readCountTable(next, vote, context);
    else if (next.type === 'paragraph') {
      const map = TextMap.of(next, context.source, context.locator);
      applyCounts(vote, readCounts(map.text), map, context);
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
