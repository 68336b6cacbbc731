/**
 * The body of a session rendered as one tree, in document order: every node the author wrote is printed where it was
 * written, and the nodes the model recognises are decorated in place — the opening, the part heading
 * (« ## Délibérations »), each deliberation (its heading, its text, its vote), the closing. Nothing is rebuilt from the
 * model's pieces, so nothing the model does not know (a « ## Questions diverses » section, a paragraph after the vote
 * or after the closing) can be left out. A document derived from one deliberation (the extrait) takes the whole slice
 * of the tree that the deliberation covers.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Heading, RootContent } from 'mdast';
import { h } from 'hastscript';
import type { Deliberation, Session } from '../model/types.js';
import { finishHtml, finishTree, renderMarkdownTree, stringifyHtml, type DroppedItem } from './markdown.js';

export interface RenderedBody {
  html: string;
  dropped: DroppedItem[];
}

export interface RenderedSessionBody extends RenderedBody {
  /** The rendered tree (read only): what `html` serialises. */
  tree: HastRoot;
  /** `tree` finished (numbers kept on one line, tables tidied; read only), made when asked for: `html` is its HTML. */
  readonly finishedTree: HastRoot;
  /** Each deliberation's section in `tree`, as the PV prints it (the extrait prints the same section). */
  sections: Map<Deliberation, Element>;
}

/** One rendering per session: the check (body-faithful) and the build print the same, computed once. */
const rendered = new WeakMap<Session, RenderedSessionBody>();

interface Renderer {
  session: Session;
  dropped: DroppedItem[];
}

function render(renderer: Renderer, nodes: RootContent[], minHeadingDepth: number): ElementContent[] {
  if (nodes.length === 0) return [];
  const { session } = renderer;
  const { tree, dropped } = renderMarkdownTree(nodes, {
    source: session.source,
    minHeadingDepth,
    annotations: session.annotations,
  });
  renderer.dropped.push(...dropped);
  return tree.children.filter((child): child is ElementContent => child.type !== 'doctype');
}

/** The one element a single block renders to (a paragraph, a heading), or undefined (an HTML block, say). */
function single(children: ElementContent[]): Element | undefined {
  const elements = children.filter((child): child is Element => child.type === 'element');
  return elements.length === 1 &&
    children.every((child) => child.type === 'element' || (child.type === 'text' && child.value.trim() === ''))
    ? elements[0]
    : undefined;
}

function addClass(element: Element, name: string): void {
  const current = element.properties.className;
  const list = Array.isArray(current) ? current.map(String) : current ? String(current).split(' ') : [];
  if (!list.includes(name)) list.push(name);
  element.properties.className = list;
}

function startOffset(node: { position?: { start: { offset?: number } } } | undefined): number | undefined {
  return node?.position?.start.offset;
}

function indexAt(session: Session, offset: number | undefined, from = 0): number {
  if (offset === undefined) return -1;
  return session.tree.children.findIndex((node, index) => index >= from && startOffset(node) === offset);
}

// ─── Deliberations ─────────────────────────────────────────────────────────────────────────────────────────────

/** Marks of the review page (U+E000…U+E019) that may precede the number of a heading. */
const NUMBER = /^([\uE000-\uE019]*\s*)(\d+\s*(?:[.)]|[-–—])?)/u;

/** The deliberation heading as written, an `<h2>` with its number in `<span class="number">`. */
function deliberationHeading(renderer: Renderer, deliberation: Deliberation, heading: Heading): Element {
  const rendered = single(render(renderer, [heading], 2)) ?? h('h2');
  rendered.tagName = 'h2';
  rendered.properties.id = deliberation.slug;
  const first = rendered.children[0];
  if (first?.type === 'text') {
    // The number as written (« 4-4 – », « 2020/078 – », src/parse/deliberation-number.ts), else a plain one.
    const written = deliberation.prefix?.trimEnd();
    const marks = /^[\uE000-\uE019]*\s*/u.exec(first.value)![0];
    const plain = NUMBER.exec(first.value);
    const match: string[] | undefined =
      written && first.value.slice(marks.length).startsWith(written)
        ? [`${marks}${written}`, marks, written]
        : plain
          ? [...plain]
          : undefined;
    if (match) {
      const rest = first.value.slice(match[0]!.length);
      const parts: ElementContent[] = [];
      if (match[1]) parts.push({ type: 'text', value: match[1] });
      parts.push(h('span.number', match[2]!.trimEnd()));
      const spaces = match[2]!.length - match[2]!.trimEnd().length;
      if (rest || spaces) parts.push({ type: 'text', value: `${' '.repeat(spaces)}${rest}` });
      rendered.children.splice(0, 1, ...parts);
    }
  }
  return rendered;
}

/** A list of counts right after the vote sentence (« - Pour : 50 »): printed as written, inside the vote. */
const COUNT_ITEM = /^\s*[^:\n]{2,60}:\s*\d[\d \u00A0\u202F]*(?:\s*\([^)]*\))?\s*$/u;

function isCountList(node: RootContent | undefined): boolean {
  if (node?.type !== 'list') return false;
  return node.children.every((item) => COUNT_ITEM.test(textOfMdast(item)));
}

function textOfMdast(node: RootContent | { children?: unknown; value?: unknown }): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children))
    return node.children.map((child) => textOfMdast(child as RootContent)).join('');
  return '';
}

/** One deliberation: its whole slice of the tree, heading, text and vote in the order written. */
function deliberationSection(renderer: Renderer, deliberation: Deliberation): Element {
  const { session } = renderer;
  const children = session.tree.children;
  const heading = children[deliberation.children.start - 1] as Heading;
  const nodes = children.slice(deliberation.children.start, deliberation.children.end);
  const content: ElementContent[] = [deliberationHeading(renderer, deliberation, heading)];
  const vote = deliberation.vote;
  const voteIndex = vote ? nodes.findIndex((node) => startOffset(node) === vote.position.start.offset) : -1;
  if (!vote || voteIndex < 0) {
    content.push(h('div.body', render(renderer, nodes, 3)));
  } else {
    const before = nodes.slice(0, voteIndex);
    const withList = isCountList(nodes[voteIndex + 1]);
    const after = nodes.slice(voteIndex + (withList ? 2 : 1));
    if (before.length > 0) content.push(h('div.body', render(renderer, before, 3)));
    const sentence = render(renderer, [nodes[voteIndex]!], 3);
    const paragraph = single(sentence);
    if (paragraph) addClass(paragraph, 'vote-result');
    // Only what the author wrote: a list of counts under the sentence is part of the vote; nothing is derived here.
    const figures = withList ? render(renderer, [nodes[voteIndex + 1]!], 3) : [];
    content.push(h(`div.vote${vote.outcome === 'rejetee' ? '.rejected' : ''}`, [...sentence, ...figures]));
    if (after.length > 0) content.push(h('div.body', render(renderer, after, 3)));
  }
  return h('section.deliberation', { ariaLabelledBy: deliberation.slug }, content);
}

/** The slice of one deliberation as HTML (the extrait du registre). */
export function renderDeliberationBody(session: Session, deliberation: Deliberation): RenderedBody {
  const renderer: Renderer = { session, dropped: [] };
  const tree: HastRoot = { type: 'root', children: [deliberationSection(renderer, deliberation)] };
  return { html: finishHtml(tree), dropped: renderer.dropped };
}

// ─── The whole body ────────────────────────────────────────────────────────────────────────────────────────────

/** A part heading is one of lower level than the deliberations, about them (« Délibérations », « Ordre du jour »). */
const PART = /d[eé]lib[eé]rations?|ordre\s+du\s+jour/iu;

function partHeadingIndex(session: Session, from: number): number {
  const first = session.deliberations[0];
  if (!first) return -1;
  const firstHeading = session.tree.children[first.children.start - 1] as Heading;
  let found = -1;
  for (let index = from; index < first.children.start - 1; index++) {
    const node = session.tree.children[index]!;
    if (node.type === 'heading' && node.depth < firstHeading.depth && PART.test(textOfMdast(node))) found = index;
  }
  return found;
}

/** Top-level nodes that belong to no deliberation, printed as written; the closing sentence is decorated in place. */
function plain(renderer: Renderer, from: number, to: number, closingIndex: number): ElementContent[] {
  const children = renderer.session.tree.children;
  const out: ElementContent[] = [];
  let start = from;
  const flush = (end: number) => {
    out.push(...render(renderer, children.slice(start, end), 2));
  };
  if (closingIndex >= from && closingIndex < to) {
    flush(closingIndex);
    const closing = render(renderer, [children[closingIndex]!], 2);
    const paragraph = single(closing);
    if (paragraph) addClass(paragraph, 'closing');
    out.push(...closing);
    start = closingIndex + 1;
  }
  flush(to);
  return out;
}

/**
 * The body of the procès-verbal: the opening (« Propos introductifs »), the part heading — the author's, or
 * « Délibérations » when none is written and the session holds deliberations — then every node in order, deliberations as sections.
 */
export function renderSessionBody(session: Session): RenderedSessionBody {
  const cached = rendered.get(session);
  if (cached) return cached;
  const renderer: Renderer = { session, dropped: [] };
  const children = session.tree.children;
  const first = children[0]?.type === 'yaml' ? 1 : 0;
  const closingIndex = session.closing ? indexAt(session, session.closing.position.start.offset, first) : -1;
  const partIndex = partHeadingIndex(session, first);
  const firstDeliberation = session.deliberations[0];
  const openingEnd =
    partIndex >= 0
      ? partIndex
      : firstDeliberation
        ? firstDeliberation.children.start - 1
        : closingIndex >= 0
          ? closingIndex
          : children.length;

  const out: HastContent[] = [];
  const opening = plain(renderer, first, openingEnd, closingIndex);
  if (opening.length > 0) out.push(h('section.opening', { ariaLabel: 'Propos introductifs' }, opening));
  let index = openingEnd;
  if (partIndex >= 0) {
    const heading = single(render(renderer, [children[partIndex]!], 2)) ?? h('h2');
    heading.tagName = 'h2';
    heading.properties = { className: ['part'], id: 'deliberations' };
    out.push(heading);
    index = partIndex + 1;
  } else if (firstDeliberation) {
    // A heading for the deliberations the session holds (the outline's entry); a PV without any gets no empty part.
    out.push(h('h2.part#deliberations', 'Délibérations'));
  }
  const byHeading = new Map(
    session.deliberations.map((deliberation) => [deliberation.children.start - 1, deliberation]),
  );
  const sections = new Map<Deliberation, Element>();
  while (index < children.length) {
    const deliberation = byHeading.get(index);
    if (deliberation) {
      const section = deliberationSection(renderer, deliberation);
      sections.set(deliberation, section);
      out.push(section);
      index = Math.max(deliberation.children.end, index + 1);
      continue;
    }
    let next = index + 1;
    while (next < children.length && !byHeading.has(next)) next++;
    out.push(...plain(renderer, index, next, closingIndex));
    index = next;
  }
  const tree: HastRoot = { type: 'root', children: out };
  // The HTML (numbers kept on one line, tables tidied, serialised) is made when asked for: the check reads the tree.
  let finished: HastRoot | undefined;
  const finish = () => (finished ??= finishTree(tree));
  let html: string | undefined;
  const result: RenderedSessionBody = {
    get finishedTree() {
      return finish();
    },
    get html() {
      html ??= stringifyHtml(finish());
      return html;
    },
    dropped: renderer.dropped,
    tree,
    sections,
  };
  rendered.set(session, result);
  return result;
}
