/**
 * The review page (`output/<session>.review.html`): the procès-verbal as it will be printed, with every finding of
 * `minutier check` shown at its place — the very number (or name) highlighted, its explanation right under the
 * paragraph or table row — and the list of all findings on top. Standalone and without any script: anchors and
 * `:target` do the navigation.
 *
 * How findings are placed. The PV is rendered by `renderSessionHtml` from a copy of the session in which the text
 * to highlight is wrapped in private-use characters (U+E000…U+E003): they go through Markdown rendering, the
 * sanitizer and the templates like ordinary letters. The rendered body is then parsed (rehype-raw) and each pair
 * becomes a `<mark id="finding-N">`. What is not typed text in the PV gets found after rendering instead:
 * - a row's voices (formatted by the template): a marker on the row's name, then the row's voices cell is marked;
 * - the stated figures of the frontmatter: the formatted figure in the quorum sentence;
 * - any other frontmatter value: its text, searched in the rendered page.
 * A finding that has no visible place is attached to its deliberation, or listed under « Constats sans emplacement
 * visible ». None is lost.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent, Text as HastText } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent, Text as MdastText } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import { location } from 'vfile-location';
import type { VFileMessage } from 'vfile-message';
import type { FrenchNumber, PersonRef, Position, Session, StatedFigures } from '../model/types.js';
import { parseFrenchNumber } from '../model/numbers.js';
import { defaultTemplatesDir } from './assets.js';
import { agree, formatDate, formatNumber } from '../model/french.js';
import { renderSessionHtml, type RenderOptions } from './index.js';
import { editsOf } from '../report/findings.js';

export type ReviewSeverity = 'error' | 'warning' | 'info';

// ─── Markers ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * `OPEN digits END` … `CLOSE` wraps a text. Without a close, `ROW digits END` designates the voices cell of its
 * table row, and `HEADING digits END` the number of its heading (both printed by the templates from numbers).
 */
const OPEN = '\uE000';
const END = '\uE001';
const CLOSE = '\uE002';
const ROW = '\uE003';
const HEADING = '\uE004';
const DIGIT0 = 0xe010;
const MARKERS = /[\uE000-\uE004\uE010-\uE019]/gu;

function encode(n: number): string {
  return [...String(n)].map((digit) => String.fromCharCode(DIGIT0 + Number(digit))).join('');
}

const open = (n: number) => `${OPEN}${encode(n)}${END}`;
const rowMarker = (n: number) => `${ROW}${encode(n)}${END}`;
const headingMarker = (n: number) => `${HEADING}${encode(n)}${END}`;

// ─── Findings ──────────────────────────────────────────────────────────────────────────────────────────────────

interface Finding {
  n: number;
  message: VFileMessage;
  severity: ReviewSeverity;
  /** Offsets in `session.source`, when the message has a place. */
  range?: { start: number; end: number };
  /** How it was placed: 'mark' (highlighted in the PV), 'section' (attached to its deliberation), or neither. */
  placed?: 'mark' | 'section';
}

/** Something to find after rendering, for frontmatter values the templates format themselves. */
type Pending =
  | { kind: 'stated'; n: number; key: keyof StatedFigures; number: FrenchNumber }
  | { kind: 'search'; n: number; text: string };

function severityOf(message: VFileMessage): ReviewSeverity {
  if (message.fatal === true) return 'error';
  if (message.fatal === false) return 'warning';
  return 'info';
}

function rangeOf(message: VFileMessage, source: string): Finding['range'] {
  const place = message.place;
  if (!place) return undefined;
  const where = location(source);
  const offset = (point: { line: number; column: number; offset?: number | undefined }) =>
    point.offset ?? where.toOffset({ line: point.line, column: point.column });
  if ('start' in place) {
    const start = offset(place.start);
    const end = offset(place.end);
    if (start === undefined || start < 0) return undefined;
    return { start, end: end === undefined || end < start ? start : end };
  }
  const start = offset(place);
  return start === undefined || start < 0 ? undefined : { start, end: start };
}

function inside(range: { start: number; end: number }, position: Position | undefined): boolean {
  const start = position?.start.offset;
  const end = position?.end.offset;
  if (start === undefined || end === undefined) return false;
  return range.start >= start && range.end <= end && !(range.start === end && end > start);
}

// ─── Marking the session copy ──────────────────────────────────────────────────────────────────────────────────

/** An annotation right after a number, as src/render/markdown.ts removes it: the closing marker goes after it. */
const TRAILING_ANNOTATION = /^[ \u00A0\u202F]?\{(?:#|=|<=|>=|<|>|≤|≥|≈)[^{}\n]*\}/u;

interface Insertion {
  at: number;
  text: string;
  /** Closings before openings at the same index, so that adjacent ranges do not overlap. */
  order: 0 | 1;
}

function applyInsertions(value: string, insertions: Insertion[]): string {
  const sorted = [...insertions].sort((a, b) => a.at - b.at || a.order - b.order);
  let out = '';
  let last = 0;
  for (const insertion of sorted) {
    out += value.slice(last, insertion.at) + insertion.text;
    last = insertion.at;
  }
  return out + value.slice(last);
}

/** Wraps `[from, to)` of a string (the whole string by default) in the markers of finding n. */
function wrap(value: string, n: number, from = 0, to = value.length): string {
  if (to <= from) return applyInsertions(value, [{ at: from, text: open(n) + CLOSE, order: 1 }]);
  return applyInsertions(value, [
    { at: from, text: open(n), order: 1 },
    { at: to, text: CLOSE, order: 0 },
  ]);
}

/** A copy of the session whose displayed strings can be marked without touching the original. */
function markableCopy(session: Session): Session {
  const person = (ref: PersonRef): PersonRef => ({ ...ref });
  const row = (r: Session['attendance']['room'][number]) => ({
    ...r,
    person: person(r.person),
    proxies: r.proxies.map(person),
    ...(r.substituteFor ? { substituteFor: person(r.substituteFor) } : {}),
  });
  return {
    ...session,
    tree: structuredClone(session.tree),
    deliberations: session.deliberations.map((d) => ({
      ...d,
      title: { ...d.title },
      ...(d.vote ? { vote: { ...d.vote } } : {}),
    })),
    attendance: {
      ...session.attendance,
      room: session.attendance.room.map(row),
      remote: session.attendance.remote.map(row),
      excused: session.attendance.excused.map(person),
      absent: session.attendance.absent.map(person),
    },
    ...(session.closing ? { closing: { ...session.closing } } : {}),
  };
}

function textNodes(tree: MdastRoot): MdastText[] {
  const out: MdastText[] = [];
  const visit = (node: MdastRoot | MdastContent): void => {
    if (node.type === 'text') out.push(node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return out;
}

/** Marks a body range in the Markdown text nodes it covers. Returns false when no text node holds it. */
function markBodyText(copy: Session, insertions: Map<MdastText, Insertion[]>, n: number, range: { start: number; end: number }): boolean {
  const source = copy.source;
  let marked = false;
  for (const node of textNodes(copy.tree)) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const overlaps = range.end > range.start ? range.start < end && range.end > start : range.start >= start && range.start < end;
    if (!overlaps) continue;
    let from: number;
    let to: number;
    if (node.value === source.slice(start, end)) {
      from = Math.max(range.start, start) - start;
      to = Math.min(range.end, end) - start;
    } else {
      // Escapes or entities: the value differs from the source; look for the typed text in it.
      const typed = source.slice(range.start, range.end);
      const index = typed ? node.value.indexOf(typed) : -1;
      [from, to] = index >= 0 ? [index, index + typed.length] : [0, node.value.length];
    }
    const annotation = TRAILING_ANNOTATION.exec(node.value.slice(to));
    if (annotation) to += annotation[0].length;
    const list = insertions.get(node) ?? [];
    if (to > from) list.push({ at: from, text: open(n), order: 1 }, { at: to, text: CLOSE, order: 0 });
    else list.push({ at: from, text: open(n) + CLOSE, order: 1 });
    insertions.set(node, list);
    marked = true;
  }
  return marked;
}

/** The body finding's range, moved from an annotation (not rendered) to the number it annotates. */
function visibleBodyRange(session: Session, range: { start: number; end: number }) {
  for (const annotation of session.annotations) {
    if (inside(range, annotation.position) && !inside(range, annotation.number.position)) {
      const { start, end } = annotation.number.position;
      if (start.offset !== undefined && end.offset !== undefined) return { start: start.offset, end: end.offset };
    }
  }
  return range;
}

function bodyStart(session: Session): number {
  const first = session.tree.children[0];
  return first?.type === 'yaml' ? (first.position?.end.offset ?? 0) : 0;
}

function markBody(copy: Session, insertions: Map<MdastText, Insertion[]>, finding: Finding, range: { start: number; end: number }): boolean {
  const { n } = finding;
  // The body is printed from the tree, titles, votes and closing included: the text nodes carry the marks. Only the
  // number of a deliberation heading is designated by a marker before it (the number is shown in its own span).
  for (const deliberation of copy.deliberations) {
    if (!inside(range, deliberation.number.position)) continue;
    const heading = copy.tree.children[deliberation.children.start - 1];
    const first = heading ? textNodes({ type: 'root', children: [heading] }).at(0) : undefined;
    if (!first) continue;
    const list = insertions.get(first) ?? [];
    list.push({ at: 0, text: headingMarker(n), order: 0 });
    insertions.set(first, list);
    return true;
  }
  return markBodyText(copy, insertions, n, visibleBodyRange(copy, range));
}

const STATED_KEYS: Array<keyof StatedFigures> = ['present', 'represented', 'voices', 'inOffice'];

/** Marks a frontmatter value: a name in the attendance tables or lists, a row's voices, a stated figure. */
function markFrontmatter(copy: Session, finding: Finding, range: { start: number; end: number }, pending: Pending[]): boolean {
  const { n } = finding;
  const name = (ref: PersonRef) => {
    ref.name = wrap(ref.name, n);
    return true;
  };
  for (const row of [...copy.attendance.room, ...copy.attendance.remote]) {
    if (row.voices && inside(range, row.voices.position)) {
      row.person.name = rowMarker(n) + row.person.name;
      return true;
    }
    if (inside(range, row.person.position)) return name(row.person);
    const proxy = row.proxies.find((ref) => inside(range, ref.position));
    if (proxy) return name(proxy);
    if (row.substituteFor && inside(range, row.substituteFor.position)) return name(row.substituteFor);
  }
  for (const row of [...copy.attendance.room, ...copy.attendance.remote]) {
    if (inside(range, row.position)) return name(row.person);
  }
  const listed = [...copy.attendance.excused, ...copy.attendance.absent].find((ref) => inside(range, ref.position));
  if (listed) return name(listed);
  for (const key of STATED_KEYS) {
    const number = copy.stated[key] as FrenchNumber | undefined;
    if (number && inside(range, number.position)) {
      pending.push({ kind: 'stated', n, key, number });
      return true;
    }
  }
  const typed = copy.source.slice(range.start, range.end).trim().replace(/^["'«]\s*|\s*["'»]$/g, '');
  if (typed.length >= 2 && !/[\r\n]/.test(typed)) {
    pending.push({ kind: 'search', n, text: typed });
    return true;
  }
  return false;
}

// ─── The rendered tree ─────────────────────────────────────────────────────────────────────────────────────────

type Parent = HastRoot | Element;

function element(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): HastText {
  return { type: 'text', value };
}

function textOf(node: HastContent | ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as ElementContent[]).map(textOf).join('');
  return '';
}

function classes(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(' ') : [];
}

function parseFragment(html: string): HastRoot {
  return unified().use(rehypeRaw).runSync({ type: 'root', children: [{ type: 'raw', value: html } as never] }) as HastRoot;
}

interface Context {
  findings: Map<number, Finding>;
  /** The first mark of each finding (it carries the id). */
  marks: Map<number, Element>;
  /** Places designated by a marker: the voices cell of a row, the number of a heading. */
  anchors: Array<{ n: number; node: HastText; kind: 'row' | 'heading' }>;
}

function newMark(context: Context, n: number): Element {
  const finding = context.findings.get(n);
  const severity = finding?.severity ?? 'info';
  const mark = element('mark', { className: ['finding', `finding-${severity}`], dataFinding: String(n) });
  if (finding && !context.marks.has(n)) {
    mark.properties.id = `finding-${n}`;
    context.marks.set(n, mark);
  }
  return mark;
}

/** Turns the markers of a parent's text children into `<mark>` elements (they may span sibling elements). */
function resolveMarkers(parent: Parent, context: Context): void {
  const out: ElementContent[] = [];
  const stack: Element[] = [];
  const append = (node: ElementContent) => (stack.length > 0 ? stack[stack.length - 1]!.children : out).push(node);
  for (const child of parent.children as ElementContent[]) {
    if (child.type === 'element') {
      resolveMarkers(child, context);
      append(child);
      continue;
    }
    if (child.type !== 'text' || !/[\uE000-\uE004]/.test(child.value)) {
      append(child);
      continue;
    }
    const pattern = /([\uE000\uE003\uE004])([\uE010-\uE019]+)\uE001|\uE002/gu;
    let last = 0;
    for (const match of child.value.matchAll(pattern)) {
      const index = match.index ?? 0;
      if (index > last) append(text(child.value.slice(last, index)));
      last = index + match[0].length;
      if (match[0] === CLOSE) {
        stack.pop();
        continue;
      }
      const n = Number([...match[2]!].map((c) => c.charCodeAt(0) - DIGIT0).join(''));
      if (match[1] === ROW || match[1] === HEADING) {
        const anchor = text('');
        append(anchor);
        context.anchors.push({ n, node: anchor, kind: match[1] === ROW ? 'row' : 'heading' });
        continue;
      }
      const mark = newMark(context, n);
      append(mark);
      stack.push(mark);
    }
    if (last < child.value.length) append(text(child.value.slice(last)));
  }
  parent.children = out as typeof parent.children;
}

/** The ancestors of a node, root first, or undefined when it is not in the tree. */
function ancestorsOf(root: HastRoot, target: HastContent | ElementContent): Parent[] | undefined {
  const path: Parent[] = [];
  const visit = (node: Parent): boolean => {
    path.push(node);
    for (const child of node.children) {
      if (child === target) return true;
      if (child.type === 'element' && visit(child)) return true;
    }
    path.pop();
    return false;
  };
  return visit(root) ? path : undefined;
}

function isElement(node: Parent | undefined, tag?: string): node is Element {
  return node?.type === 'element' && (tag === undefined || node.tagName === tag);
}

/** The element an anchor designates: the voices cell of its row, the number of its heading (else the heading). */
function anchorTarget(root: HastRoot, anchor: Context['anchors'][number]): Element | undefined {
  const ancestors = [...(ancestorsOf(root, anchor.node) ?? [])].reverse();
  if (anchor.kind === 'row') {
    const row = ancestors.find((a): a is Element => isElement(a, 'tr'));
    const cells = row?.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')) ?? [];
    return [...cells].reverse().find((c) => classes(c).includes('num')) ?? cells.at(-1);
  }
  const heading = ancestors.find((a): a is Element => isElement(a) && /^h[1-6]$/.test(a.tagName));
  const number = heading?.children.find((c): c is Element => c.type === 'element' && classes(c).includes('number'));
  return number ?? heading;
}

/** The content of each anchor's target becomes the mark (nested when several findings share it). */
function markAnchors(root: HastRoot, context: Context): void {
  for (const anchor of context.anchors) {
    const target = anchorTarget(root, anchor);
    if (!target || context.marks.has(anchor.n)) continue;
    const mark = newMark(context, anchor.n);
    mark.children = target.children;
    target.children = [mark];
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Wraps the first match of `pattern` in the rendered text in the mark of n. */
function markFirstMatch(root: HastRoot, pattern: RegExp, n: number, context: Context): boolean {
  const visit = (parent: Parent): boolean => {
    for (let index = 0; index < parent.children.length; index++) {
      const child = parent.children[index]!;
      if (child.type === 'element') {
        // Marks are searched too: a second finding on the same value nests in the first one's mark.
        if (visit(child)) return true;
        continue;
      }
      if (child.type !== 'text') continue;
      const match = pattern.exec(child.value);
      if (!match || match[0] === '') continue;
      const before = child.value.slice(0, match.index);
      const after = child.value.slice(match.index + match[0].length);
      const mark = newMark(context, n);
      mark.children = [text(match[0])];
      const replacement: ElementContent[] = [...(before ? [text(before)] : []), mark, ...(after ? [text(after)] : [])];
      (parent.children as ElementContent[]).splice(index, 1, ...replacement);
      return true;
    }
    return false;
  };
  return visit(root);
}

const STATED_WORDS: Record<keyof StatedFigures, string> = {
  present: '(?:élus?\\s+|délégués?\\s+|membres?\\s+)?présent',
  represented: '(?:élus?\\s+|délégués?\\s+|membres?\\s+)?représenté',
  voices: 'voix',
  inOffice: '[^.]{0,30}exercice',
  absent: '(?:élus?\\s+|délégués?\\s+|membres?\\s+)?absent',
  voters: 'votant',
  cast: 'suffrages?\\s+exprimé',
  absoluteMajority: 'majorité\\s+absolue',
  quorumReached: 'quorum',
};

/** The mark of an earlier finding on exactly the same range, if any. */
function markOfSameRange(context: Context, n: number): Element | undefined {
  const range = context.findings.get(n)?.range;
  if (!range) return undefined;
  for (const [other, mark] of context.marks) {
    const otherRange = context.findings.get(other)?.range;
    if (other !== n && otherRange && otherRange.start === range.start && otherRange.end === range.end) return mark;
  }
  return undefined;
}

function resolvePending(root: HastRoot, pending: Pending[], context: Context): void {
  for (const item of pending) {
    if (context.marks.has(item.n)) continue;
    const same = markOfSameRange(context, item.n);
    if (same) {
      // A second finding on the same value: its mark nests in the first one.
      const mark = newMark(context, item.n);
      mark.children = same.children;
      same.children = [mark];
      continue;
    }
    if (item.kind === 'stated') {
      const shown = [formatNumber(item.number.value, item.number.decimals), item.number.raw.trim()];
      for (const candidate of shown) {
        const pattern = new RegExp(
          `(?<![\\d,])(?<!\\d[\\u202F\\u00A0 ])${escapeRegExp(candidate)}(?=[\\s\\u00A0\\u202F]+${STATED_WORDS[item.key]})`,
          'u',
        );
        if (markFirstMatch(root, pattern, item.n, context)) break;
      }
    } else {
      markFirstMatch(root, new RegExp(escapeRegExp(item.text), 'u'), item.n, context);
    }
  }
}

// ─── Notes beside the marks ────────────────────────────────────────────────────────────────────────────────────

const SEVERITY_LABEL: Record<ReviewSeverity, string> = {
  error: 'Erreur',
  warning: 'Avertissement',
  info: 'Information',
};

function expectedOf(message: VFileMessage): string | undefined {
  const list = (message.expected ?? []).filter((value) => value !== undefined && value !== null && String(value).trim() !== '');
  return list.length > 0 ? list.join(' ou ') : undefined;
}

function placeLabel(message: VFileMessage): string | undefined {
  const line = message.line;
  if (line === undefined || line === null) return undefined;
  return `${line}:${message.column ?? 1}`;
}

function ruleLink(message: VFileMessage): ElementContent {
  const id = message.ruleId ?? message.source ?? 'constat';
  return message.url && /^https?:\/\//.test(message.url)
    ? element('a', { className: ['rule'], href: message.url }, [text(id)])
    : element('span', { className: ['rule'] }, [text(id)]);
}

function detail(label: string, value: string | undefined, className: string): ElementContent[] {
  return value ? [element('div', { className: ['detail', className] }, [element('span', { className: ['label'] }, [text(label)]), text(value)])] : [];
}

function note(finding: Finding, withId: boolean): Element {
  const { message, n, severity } = finding;
  const where = placeLabel(message);
  return element('div', { className: ['finding-note', `finding-${severity}`], ...(withId ? { id: `finding-${n}` } : {}) }, [
    element('div', { className: ['head'] }, [
      element('a', { className: ['finding-badge', `finding-${severity}`], href: `#constat-${n}`, title: 'Retour à la liste des constats' }, [text(String(n))]),
      element('span', { className: ['severity'] }, [text(SEVERITY_LABEL[severity])]),
      ruleLink(message),
      ...(where ? [element('span', { className: ['where'] }, [text(`ligne ${where.replace(':', ', col. ')}`)])] : []),
    ]),
    element('p', { className: ['reason'] }, [text(message.reason)]),
    ...detail('Attendu', expectedOf(message), 'expected'),
    ...detail('Constaté', message.actual ?? undefined, 'actual'),
    ...detail('Calcul', message.note ?? undefined, 'computation'),
    ...detail('Annotations proposées', editsOf(message).map((edit) => `« ${edit.text} »`).join(', ') || undefined, 'suggestion'),
  ]);
}

const NOTE_BLOCKS = new Set(['p', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'blockquote', 'pre', 'figure']);

function cellCount(row: Element): number {
  return row.children
    .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
    .reduce((sum, cell) => sum + (Number(cell.properties.colSpan) || 1), 0);
}

/** Puts a badge after each finding's mark and, after the block holding it, the notes of its findings. */
function placeNotes(root: HastRoot, context: Context): void {
  const byBlock = new Map<Element, { parent: Parent; findings: Finding[] }>();
  for (const [n, mark] of context.marks) {
    const finding = context.findings.get(n)!;
    finding.placed = 'mark';
    const ancestors = ancestorsOf(root, mark);
    if (!ancestors) continue;
    const direct = ancestors.at(-1)!;
    const at = direct.children.indexOf(mark);
    (direct.children as ElementContent[]).splice(at + 1, 0,
      element('a', { className: ['finding-badge', `finding-${finding.severity}`], href: `#constat-${n}`, ariaLabel: `constat ${n}`, title: 'Retour à la liste des constats' }, [text(String(n))]),
    );
    const depth = ancestors.map((a) => isElement(a) && NOTE_BLOCKS.has(a.tagName)).lastIndexOf(true);
    const block = (depth >= 0 ? ancestors[depth] : ancestors[1] ?? mark) as Element;
    const parent = (depth >= 1 ? ancestors[depth - 1] : ancestors[0]) as Parent;
    const entry = byBlock.get(block) ?? { parent, findings: [] };
    entry.findings.push(finding);
    byBlock.set(block, entry);
  }
  for (const [block, { parent, findings }] of byBlock) {
    findings.sort((a, b) => a.n - b.n);
    const notes = findings.map((finding) => note(finding, false));
    if (block.tagName === 'li') {
      block.children.push(element('div', { className: ['finding-notes'] }, notes));
      continue;
    }
    const container =
      block.tagName === 'tr'
        ? element('tr', { className: ['finding-row'] }, [element('td', { colSpan: cellCount(block), className: ['finding-notes'] }, notes)])
        : element('div', { className: ['finding-notes'] }, notes);
    const index = parent.children.indexOf(block as never);
    (parent.children as ElementContent[]).splice(index + 1, 0, container);
  }
}

/** Body findings with no visible text (a comment, a heading number…): their notes open the deliberation's section. */
function attachToSections(root: HastRoot, session: Session, findings: Finding[]): void {
  for (const finding of findings) {
    if (finding.placed || !finding.range || finding.range.start < bodyStart(session)) continue;
    const deliberation = session.deliberations.find((d) => inside(finding.range!, d.position));
    if (!deliberation) continue;
    let heading: Element | undefined;
    let parent: Parent | undefined;
    const visit = (node: Parent): void => {
      for (const child of node.children) {
        if (heading) return;
        if (child.type !== 'element') continue;
        if (/^h[1-6]$/.test(child.tagName) && child.properties.id === deliberation.slug) {
          heading = child;
          parent = node;
          return;
        }
        visit(child);
      }
    };
    visit(root);
    if (!heading || !parent) continue;
    const index = parent.children.indexOf(heading as never);
    (parent.children as ElementContent[]).splice(index + 1, 0, element('div', { className: ['finding-notes'] }, [note(finding, true)]));
    finding.placed = 'section';
  }
}

/** Numbers that carry a marker lost the `num` class the renderer gives to numeric cells: give it back. */
function restoreNumericCells(node: Parent): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if ((child.tagName === 'td' || child.tagName === 'th') && !classes(child).includes('num')) {
      const hasMark = child.children.some((c) => c.type === 'element' && c.tagName === 'mark');
      if (hasMark && parseFrenchNumber(textOf(child))) child.properties.className = [...classes(child), 'num'];
    }
    restoreNumericCells(child);
  }
}

function stripMarkers(node: Parent): void {
  for (const child of node.children) {
    if (child.type === 'text') child.value = child.value.replace(MARKERS, '');
    if (child.type === 'element') {
      for (const [key, value] of Object.entries(child.properties)) {
        if (typeof value === 'string') child.properties[key] = value.replace(MARKERS, '');
      }
      stripMarkers(child);
    }
  }
}

// ─── The page ──────────────────────────────────────────────────────────────────────────────────────────────────

let compiled: Handlebars.TemplateDelegate | undefined;
let reviewCss: string | undefined;

function template(): Handlebars.TemplateDelegate {
  if (!compiled) {
    const handlebars = Handlebars.create();
    compiled = handlebars.compile(readFileSync(path.join(defaultTemplatesDir(), 'review.hbs'), 'utf8'), { strict: false });
  }
  return compiled;
}

function css(): string {
  reviewCss ??= readFileSync(path.join(defaultTemplatesDir(), 'review.css'), 'utf8');
  return reviewCss;
}

function listEntry(finding: Finding) {
  const { message, n, severity } = finding;
  return {
    n,
    severity,
    severityLabel: SEVERITY_LABEL[severity],
    ruleId: message.ruleId ?? message.source ?? 'constat',
    url: message.url && /^https?:\/\//.test(message.url) ? message.url : undefined,
    where: placeLabel(message),
    reason: message.reason,
    expected: expectedOf(message),
    actual: message.actual ?? undefined,
    computation: message.note ?? undefined,
    href: `#finding-${n}`,
    placed: Boolean(finding.placed),
  };
}

function counted(count: number, singular: string) {
  return `${formatNumber(count)}\u00A0${agree(count, singular)}`;
}

/**
 * The review page of a session: the PV with every finding highlighted in place and explained beside it, and the
 * list of findings. `messages` are the vfile messages of `checkFiles` for this session's file.
 */
export function renderReview(session: Session, messages: readonly VFileMessage[], options: RenderOptions = {}): string {
  const findings: Finding[] = messages.map((message, index) => ({
    n: index + 1,
    message,
    severity: severityOf(message),
    ...(() => {
      const range = rangeOf(message, session.source);
      return range ? { range } : {};
    })(),
  }));

  // 1. Mark the copy of the session.
  const copy = markableCopy(session);
  const insertions = new Map<MdastText, Insertion[]>();
  const pending: Pending[] = [];
  const start = bodyStart(session);
  for (const finding of findings) {
    if (!finding.range) continue;
    if (finding.range.start >= start) markBody(copy, insertions, finding, finding.range);
    else markFrontmatter(copy, finding, finding.range, pending);
  }
  for (const [node, list] of insertions) node.value = applyInsertions(node.value, list);

  // 2. Render it, and turn the markers into marks.
  const rendered = renderSessionHtml(copy, options).html;
  const styles = [...rendered.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(rendered)?.[1] ?? '';
  const tree = parseFragment(body);
  const context: Context = { findings: new Map(findings.map((f) => [f.n, f])), marks: new Map(), anchors: [] };
  resolveMarkers(tree, context);
  markAnchors(tree, context);
  resolvePending(tree, pending, context);
  restoreNumericCells(tree);
  stripMarkers(tree);
  placeNotes(tree, context);
  attachToSections(tree, session, findings);

  // 3. The page around it.
  const count = (severity: ReviewSeverity) => findings.filter((f) => f.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const unplaced = findings.filter((f) => !f.placed);
  return template()({
    title: `Relecture — ${session.organisation.name.value.trim()} — séance du ${formatDate(session.date.value)}`,
    kicker: errors > 0 ? 'Relecture — à corriger avant signature' : 'Relecture',
    sessionPath: session.path,
    css: `${styles}\n${css()}`,
    counts: [
      { severity: 'error', label: counted(errors, 'erreur'), count: errors },
      { severity: 'warning', label: counted(warnings, 'avertissement'), count: warnings },
      { severity: 'info', label: counted(infos, 'information'), count: infos },
    ],
    total: findings.length,
    findings: findings.map(listEntry),
    unplaced: unplaced.map((finding) => ({ ...listEntry(finding), noteHtml: toHtml(note(finding, true)) })),
    pvHtml: toHtml(tree),
  });
}
