/** The rendered PV body as a hast tree: markers become `<mark>` elements, and what the templates format is found. */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent, Text as HastText } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { h } from 'hastscript';
import { parseFragment as parseHtmlFragment } from 'parse5';
import { CONTINUE, EXIT, visit } from 'unist-util-visit';
import type { StatedFigures } from '../../model/types.js';
import { formatNumber } from '../../model/french.js';
import { CLOSE, DIGIT0, HEADING, ROW, type Finding, type Pending } from './findings.js';

// ─── The rendered tree ─────────────────────────────────────────────────────────────────────────────────────────

export type Parent = HastRoot | Element;

export function text(value: string): HastText {
  return { type: 'text', value };
}

export function textOf(node: HastContent | ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as ElementContent[]).map(textOf).join('');
  return '';
}

export function classes(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(' ') : [];
}

/**
 * The rendered fragment as a hast tree: parse5 and its hast adapter directly, the same tree rehype-raw gives for a
 * lone raw node, four times faster (docs/performance.md).
 */
export function parseFragment(html: string): HastRoot {
  return fromParse5(parseHtmlFragment(html)) as HastRoot;
}

export interface Context {
  findings: Map<number, Finding>;
  /** The first mark of each finding (it carries the id). */
  marks: Map<number, Element>;
  /** Places designated by a marker: the voices cell of a row, the number of a heading. */
  anchors: Array<{ n: number; node: HastText; kind: 'row' | 'heading' }>;
}

function newMark(context: Context, n: number): Element {
  const finding = context.findings.get(n);
  const severity = finding?.severity ?? 'info';
  const mark = h(`mark.finding.finding-${severity}`, { dataFinding: String(n) });
  if (finding && !context.marks.has(n)) {
    mark.properties.id = `finding-${n}`;
    context.marks.set(n, mark);
  }
  return mark;
}

/** Turns the markers of a parent's text children into `<mark>` elements (they may span sibling elements). */
export function resolveMarkers(parent: Parent, context: Context): void {
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
  parent.children = out;
}

/** The ancestors of a node, root first, or undefined when it is not in the tree. */
export function ancestorsOf(root: HastRoot, target: HastContent | ElementContent): Parent[] | undefined {
  // A plain depth-first search: called for every mark on a fresh tree, it is most of the review page's tree work
  // with unist-util-visit-parents' generic tests.
  const path: Parent[] = [];
  const search = (parent: Parent): boolean => {
    path.push(parent);
    for (const child of parent.children) {
      if (child === target) return true;
      if (child.type === 'element' && search(child)) return true;
    }
    path.pop();
    return false;
  };
  return search(root) ? path : undefined;
}

export function isElement(node: Parent | undefined, tag?: string): node is Element {
  return node?.type === 'element' && (tag === undefined || node.tagName === tag);
}

/** The element an anchor designates: the voices cell of its row, the number of its heading (else the heading). */
function anchorTarget(root: HastRoot, anchor: Context['anchors'][number]): Element | undefined {
  const ancestors = [...(ancestorsOf(root, anchor.node) ?? [])].reverse();
  if (anchor.kind === 'row') {
    const row = ancestors.find((a): a is Element => isElement(a, 'tr'));
    const cells =
      row?.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')) ??
      [];
    return [...cells].reverse().find((c) => classes(c).includes('num')) ?? cells.at(-1);
  }
  const heading = ancestors.find((a): a is Element => isElement(a) && /^h[1-6]$/.test(a.tagName));
  const number = heading?.children.find((c): c is Element => c.type === 'element' && classes(c).includes('number'));
  return number ?? heading;
}

/** The content of each anchor's target becomes the mark (nested when several findings share it). */
export function markAnchors(root: HastRoot, context: Context): void {
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

/** Wraps the first match of `pattern` in the rendered text in the mark of n (marks are searched too: a second
 * finding on the same value nests in the first one's mark). */
function markFirstMatch(root: HastRoot, pattern: RegExp, n: number, context: Context): boolean {
  let marked = false;
  visit(root, 'text', (node, index, parent) => {
    if (index === undefined || !parent) return CONTINUE;
    const match = pattern.exec(node.value);
    if (!match || match[0] === '') return CONTINUE;
    const before = node.value.slice(0, match.index);
    const after = node.value.slice(match.index + match[0].length);
    const mark = newMark(context, n);
    mark.children = [text(match[0])];
    const replacement: ElementContent[] = [...(before ? [text(before)] : []), mark, ...(after ? [text(after)] : [])];
    (parent.children as ElementContent[]).splice(index, 1, ...replacement);
    marked = true;
    return EXIT;
  });
  return marked;
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

export function resolvePending(root: HastRoot, pending: Pending[], context: Context): void {
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
