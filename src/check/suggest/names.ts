/**
 * Names for the numbers a suggestion needs to refer to, chosen once per session so that every suggestion names a number
 * the same way (accepting several suggestions writes one `{#name}` per number), and the edits that write them.
 */
import type { Position, Session } from '../../model/types.js';
import {
  annotationsIn,
  isAnnotationFault,
  tokenizeAnnotation,
  writeAnnotation,
} from '../../model/annotation-syntax.js';
import { Locator } from '../../parse/source.js';
import { fold, type Num } from './numbers.js';

const STOP = new Set(
  `a au aux avec ce ces cet cette d de des du dont en est et etre il ils elle elles l la le les leur leurs montant
  montants hauteur par pour sa se ses si soit son sont sur un une y ou qui que total totale globalement global estime
  estimee estimes somme sommes valeur prix a ete sera seront fixe fixee porte portee affecte affectee reporte
  reportee decident chiffre euros euro eur ht ttc n°`.split(/\s+/u),
);

/** Words that a number completes: « ligne 1068 », « lot 2 », « article 6152 ». */
const NUMBERED = new Set(['ligne', 'lot', 'compte', 'article', 'chapitre', 'partie', 'tranche', 'phase', 'operation']);

function words(text: string): string[] {
  const tokens = fold(text)
    .replace(/[’']/gu, ' ')
    .split(/[^\p{L}\p{N}]+/u);
  return tokens.filter(
    (word, index) =>
      (word.length > 1 && !STOP.has(word) && /^\p{L}/u.test(word)) ||
      (/^\d+$/u.test(word) && NUMBERED.has(tokens[index - 1] ?? '')),
  );
}

function slug(parts: string[]): string {
  return parts
    .join('_')
    .replace(/[^a-z0-9_]/gu, '')
    .slice(0, 32)
    .replace(/_+$/u, '');
}

/** A readable name from the words around the number: its row label, or the words before it, or after it. */
function baseName(num: Num): string {
  let parts: string[] = [];
  if (num.table) {
    const label = num.table.rowLabel.trim();
    if (label && !/^[\d\s\u00A0\u202F,.€%-]+$/u.test(label)) parts = words(label).slice(0, 3);
    const numeric = num.table.cells.filter((cell) => /\d/u.test(cell)).length;
    if (numeric > 1 && num.table.column > 0) parts.push(...words(num.table.header).slice(0, 2));
  }
  // Only the words since the previous number of the sentence: « 1 746 700 € HT, dont 400 000 € HT pour les armoires ».
  const since = num.before.split(/\d[\d\s\u00A0\u202F]*(?:,\d+)?/u).at(-1) ?? '';
  // The words after it, up to the next amount (a number with decimals or in euros).
  const until = num.after.split(/\d[\d\s\u00A0\u202F]*(?:,\d+|[\s\u00A0\u202F]*€)/u)[0] ?? '';
  if (parts.length === 0) parts = words(since).slice(-2);
  if (parts.length === 0) parts = words(until).slice(0, 2);
  if (parts.length === 0) parts = words(num.before).slice(-2);
  if (num.kind === 'count' && num.noun && !parts.includes(`${num.noun}s`))
    parts = [`${num.noun}s`, ...parts].slice(0, 2);
  if (num.kind === 'percent' && parts[0] !== 'taux') parts = ['taux', ...parts].slice(0, 3);
  let name = slug(parts) || (num.kind === 'percent' ? 'taux' : num.kind === 'count' ? 'nombre' : 'montant');
  if (num.tax && !name.endsWith(`_${num.tax.toLowerCase()}`)) name += `_${num.tax.toLowerCase()}`;
  return name;
}

export class Names {
  private readonly taken = new Set<string>();
  private readonly byOffset = new Map<number, string>();

  constructor(session: Session) {
    for (const annotation of session.annotations ?? []) if (annotation.name) this.taken.add(annotation.name.value);
  }

  /** Whether the number has a name, declared or chosen by an earlier suggestion. */
  known(num: Num): boolean {
    return num.annotation?.name !== undefined || this.byOffset.has(num.start);
  }

  /** The number's name: its declared one, else one chosen now (stable for the session). */
  of(num: Num): string {
    const declared = num.annotation?.name?.value;
    if (declared) return declared;
    const known = this.byOffset.get(num.start);
    if (known) return known;
    const base = baseName(num);
    let name = base;
    for (let k = 2; this.taken.has(name); k++) name = `${base}_${k}`;
    this.taken.add(name);
    this.byOffset.set(num.start, name);
    return name;
  }
}

export interface Edit {
  /** Source offsets replaced ([start, end), empty for an insertion). */
  start: number;
  end: number;
  text: string;
}

/** The edit that names the number (nothing when it has a name already). */
export function nameEdit(num: Num, names: Names): Edit | undefined {
  const annotation = num.annotation;
  if (annotation?.name) return undefined;
  const name = names.of(num);
  if (annotation) {
    // `{= x}` → `{#name = x}`: the relation is kept, a name added.
    const start = annotation.position.start.offset ?? num.end;
    const end = annotation.position.end.offset ?? start;
    return { start, end, text: writeAnnotation(name, annotation.raw.slice(1, -1).trimStart()) };
  }
  return { start: num.end, end: num.end, text: writeAnnotation(name) };
}

/** The edit that declares `relation` on the number: `{#name = expr}` (or `{= expr}` when `named` is false). */
export function relationEdit(num: Num, expression: string, names: Names, named = true, operator = '='): Edit {
  const annotation = num.annotation;
  if (annotation) {
    const start = annotation.position.start.offset ?? num.end;
    const end = annotation.position.end.offset ?? start;
    const name = annotation.name?.value;
    return { start, end, text: writeAnnotation(name, `${operator} ${expression}`) };
  }
  const known = names.known(num);
  return {
    start: num.end,
    end: num.end,
    text: writeAnnotation(named || known ? names.of(num) : undefined, `${operator} ${expression}`),
  };
}

/** The parts of an edit's text when it is exactly one annotation. */
function partsOf(text: string) {
  const [only] = annotationsIn(text);
  if (only?.from !== 0 || only.to !== text.length) return undefined;
  const tokens = tokenizeAnnotation(only.content);
  return isAnnotationFault(tokens) ? undefined : { tokens, content: only.content };
}

/** Two annotations proposed for one number: a bare name and an unnamed relation make one named relation. */
function merge(a: Edit, b: Edit): Edit {
  for (const [bare, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const name = partsOf(bare.text);
    const relation = partsOf(other.text);
    if (name?.tokens.name && !name.tokens.operator && relation?.tokens.operator && !relation.tokens.name) {
      const relationText = relation.content.slice(relation.tokens.operator.at);
      return { ...other, text: writeAnnotation(name.tokens.name.value, relationText) };
    }
  }
  return b.text.length > a.text.length ? b : a;
}

const locators = new WeakMap<Session, Locator>();

export function editPlace(session: Session, edit: Edit): Position {
  let locator = locators.get(session);
  if (!locator) locators.set(session, (locator = new Locator(session.source)));
  return locator.position(edit.start, edit.end);
}

/**
 * Applies edits to a text: only annotations are written (an insertion of `{…}`, or an annotation replaced by another),
 * never a number. Edits at the same place keep the one that says most (a relation over a bare name); overlapping
 * edits after the first are left out. Returns the new text and how many edits were applied.
 */
export function applyEdits(source: string, edits: Edit[]): { text: string; applied: number; skipped: number } {
  const byPlace = new Map<string, Edit>();
  for (const edit of edits) {
    if (!/^\{[^{}\n]*\}$/u.test(edit.text)) continue;
    const replaced = source.slice(edit.start, edit.end);
    if (replaced !== '' && !/^\{[^{}\n]*\}$/u.test(replaced)) continue;
    const key = `${edit.start}:${edit.end}`;
    const existing = byPlace.get(key);
    byPlace.set(key, existing ? merge(existing, edit) : edit);
  }
  const sorted = [...byPlace.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  let skipped = 0;
  for (const edit of sorted) {
    const last = kept.at(-1);
    if (
      last &&
      (edit.start < last.end ||
        (edit.start === last.start && edit.start === edit.end) ||
        (last.start === last.end && last.start === edit.start))
    ) {
      // Two edits at the same number (an insertion and a replacement): keep the longer.
      if (edit.text.length > last.text.length && edit.start <= last.end) kept[kept.length - 1] = edit;
      skipped++;
      continue;
    }
    kept.push(edit);
  }
  let text = source;
  for (const edit of [...kept].reverse()) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return { text, applied: kept.length, skipped };
}
