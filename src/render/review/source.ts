/** Marking a copy of the session: the text to highlight is wrapped in markers before the PV is rendered. */
import type { Nodes as MdastNodes, Root as MdastRoot, Text as MdastText } from 'mdast';
import type { FrenchNumber, PersonRef, Session, StatedFigures } from '../../model/types.js';
import { annotationLengthAtStart } from '../../model/annotation-syntax.js';
import { cloneMdast } from '../../html/clone-mdast.js';
import { CLOSE, headingMarker, inside, open, rowMarker, type Finding, type Pending } from './findings.js';

// ─── Marking the session copy ──────────────────────────────────────────────────────────────────────────────────

export interface Insertion {
  at: number;
  text: string;
  /** Closings before openings at the same index, so that adjacent ranges do not overlap. */
  order: 0 | 1;
}

export function applyInsertions(value: string, insertions: Insertion[]): string {
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
export function markableCopy(session: Session): Session {
  const person = (ref: PersonRef): PersonRef => ({ ...ref });
  const row = (r: Session['attendance']['room'][number]) => ({
    ...r,
    person: person(r.person),
    proxies: r.proxies.map(person),
    ...(r.substituteFor ? { substituteFor: person(r.substituteFor) } : {}),
  });
  return {
    ...session,
    tree: cloneMdast(session.tree),
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

/** The text nodes of a tree, in document order (a plain walk: unist-util-visit's bookkeeping cost more). */
function textNodes(tree: MdastRoot): MdastText[] {
  const out: MdastText[] = [];
  const walk = (node: MdastNodes) => {
    if (node.type === 'text') out.push(node);
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

/** The text nodes of the copy's body, listed once per review (every finding looks for its range in them). */
const bodyTextNodes = new WeakMap<MdastRoot, MdastText[]>();

function copyTextNodes(tree: MdastRoot): MdastText[] {
  let nodes = bodyTextNodes.get(tree);
  if (!nodes) {
    nodes = textNodes(tree);
    bodyTextNodes.set(tree, nodes);
  }
  return nodes;
}

/** Marks a body range in the Markdown text nodes it covers. Returns false when no text node holds it. */
function markBodyText(
  copy: Session,
  insertions: Map<MdastText, Insertion[]>,
  n: number,
  range: { start: number; end: number },
): boolean {
  const source = copy.source;
  let marked = false;
  for (const node of copyTextNodes(copy.tree)) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const overlaps =
      range.end > range.start ? range.start < end && range.end > start : range.start >= start && range.start < end;
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
    // An annotation right after the number is left out of the PV with it: the closing marker goes after it.
    to += annotationLengthAtStart(node.value.slice(to));
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

export function bodyStart(session: Session): number {
  const first = session.tree.children[0];
  return first?.type === 'yaml' ? (first.position?.end.offset ?? 0) : 0;
}

export function markBody(
  copy: Session,
  insertions: Map<MdastText, Insertion[]>,
  finding: Finding,
  range: { start: number; end: number },
): boolean {
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
export function markFrontmatter(
  copy: Session,
  finding: Finding,
  range: { start: number; end: number },
  pending: Pending[],
): boolean {
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
  const typed = copy.source
    .slice(range.start, range.end)
    .trim()
    .replace(/^["'«]\s*|\s*["'»]$/g, '');
  if (typed.length >= 2 && !/[\r\n]/.test(typed)) {
    pending.push({ kind: 'search', n, text: typed });
    return true;
  }
  return false;
}
