/**
 * The Markdown body of a session → safe HTML fragments, one per part of the PV (the opening, each deliberation).
 *
 * mdast (already parsed by src/parse) → minutier's annotations and HTML comments removed → remark-rehype (raw HTML
 * kept as raw nodes) → rehype-raw (raw HTML parsed into real elements) → rehype-sanitize (sanitize-schema.ts) →
 * numbers kept on one line → rehype-stringify. Session content is never concatenated into HTML by hand and never
 * compiled as a template.
 */
import type {
  Heading,
  Definition,
  Paragraph,
  Parent as MdastParent,
  Root as MdastRoot,
  RootContent as MdastContent,
  Table,
} from 'mdast';
import type { Root as HastRoot } from 'hast';
import type { Position } from 'unist';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { withoutAnnotations } from '../model/annotation-syntax.js';
import { cloneMdast } from './clone-mdast.js';
import { sanitizeSchema } from './sanitize-schema.js';
import { collectDropped, mayDrop, type DroppedItem } from './dropped.js';
import { markNumbers, tidyTables } from './tidy.js';

export type { DroppedItem } from './dropped.js';

export interface RenderedMarkdown {
  html: string;
  dropped: DroppedItem[];
}

export interface RenderMarkdownOptions {
  /** The session source, so that raw HTML keeps positions in the file. */
  source?: string;
  /** Smallest heading level in this fragment (2 under the document's `<h1>`, 3 inside a deliberation). */
  minHeadingDepth?: number;
  /** Annotation positions from the parser (`session.annotations`): text entirely inside one is removed. */
  annotations?: ReadonlyArray<{ position: Position }>;
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

function inside(inner: Position | undefined, outer: Position): boolean {
  if (!inner || inner.start.offset === undefined || inner.end.offset === undefined) return false;
  if (outer.start.offset === undefined || outer.end.offset === undefined) return false;
  return inner.start.offset >= outer.start.offset && inner.end.offset <= outer.end.offset;
}

/**
 * The annotations that may hold a text of these nodes (a node's text lies within its position): each fragment of a
 * body is cleaned against its own few, not against every annotation of the session for every text node.
 */
function annotationsWithin(
  nodes: ReadonlyArray<MdastContent>,
  annotations: RenderMarkdownOptions['annotations'],
): RenderMarkdownOptions['annotations'] {
  if (!annotations || annotations.length === 0) return annotations;
  let from = Infinity;
  let to = -Infinity;
  for (const node of nodes) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return annotations;
    if (start < from) from = start;
    if (end > to) to = end;
  }
  return annotations.filter(({ position }) => {
    const start = position.start.offset;
    const end = position.end.offset;
    return start === undefined || end === undefined || (start <= to && end >= from);
  });
}

/** A link definition (`[Annexe 1]: texte`) is printed as the author typed it: a paragraph, never dropped. */
function definitionAsText(node: Definition, source: string | undefined): Paragraph {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const typed =
    source !== undefined && start !== undefined && end !== undefined
      ? source.slice(start, end)
      : `[${node.label ?? node.identifier}]: ${node.url}${node.title ? ` "${node.title}"` : ''}`;
  const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: typed }] };
  if (node.position) paragraph.position = node.position;
  return paragraph;
}

/**
 * Removes annotations (the one grammar, src/model/annotation-syntax.ts) and HTML comments, prints link
 * definitions as typed, widens a table to its longest row (GFM would drop the cells beyond the header's), and brings
 * headings under the fragment's minimum level (in place).
 */
function cleanMdast(parent: MdastParent, options: RenderMarkdownOptions): void {
  const kept: MdastContent[] = [];
  for (const original of parent.children) {
    let child = original;
    if (child.type === 'text') {
      if (options.annotations?.some((annotation) => inside(child.position, annotation.position))) continue;
      child.value = withoutAnnotations(child.value);
      if (child.value === '') continue;
    } else if (child.type === 'html') {
      child.value = child.value.replace(COMMENT, '');
      if (child.value.trim() === '') continue;
    } else if (child.type === 'definition') {
      child = definitionAsText(child, options.source);
    } else if (child.type === 'table') {
      const table: Table = child;
      const width = Math.max(table.align?.length ?? 0, ...table.children.map((row) => row.children.length));
      table.align = Array.from({ length: width }, (_, k) => table.align?.[k] ?? null);
    } else if (child.type === 'heading' && options.minHeadingDepth) {
      child.depth = Math.min(6, Math.max(child.depth, options.minHeadingDepth)) as Heading['depth'];
    }
    if ('children' in child) cleanMdast(child, options);
    kept.push(child);
  }
  parent.children = kept;
}

// ─── Pipeline ──────────────────────────────────────────────────────────────────────────────────────────────────

// Three steps, so that the raw-parsed tree can be inspected before the sanitizer cleans it.
const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).freeze();
/** Without raw HTML (most bodies, once comments are removed), parse5's round trip through rehype-raw is skipped. */
const toHastPlain = unified().use(remarkRehype).freeze();

function hasHtml(node: MdastRoot | MdastContent): boolean {
  if (node.type === 'html') return true;
  return 'children' in node && (node.children as MdastContent[]).some(hasHtml);
}

const sanitizer = unified().use(rehypeSanitize, sanitizeSchema).freeze();
const stringifier = unified().use(rehypeStringify).freeze();

/**
 * Renders Markdown nodes (a whole root, or some of its children) to a safe hast tree, and says what the sanitizer
 * dropped. The nodes are copied: the session tree is never modified.
 */
export function renderMarkdownTree(
  nodes: MdastRoot | ReadonlyArray<MdastContent>,
  options: RenderMarkdownOptions = {},
): { tree: HastRoot; dropped: DroppedItem[] } {
  const children = 'type' in nodes && nodes.type === 'root' ? nodes.children : (nodes as MdastContent[]);
  const mdast: MdastRoot = { type: 'root', children: cloneMdast([...children]) };
  cleanMdast(mdast, { ...options, annotations: annotationsWithin(children, options.annotations) });

  const file = new VFile(options.source === undefined ? undefined : { value: options.source });
  const dropped: DroppedItem[] = [];
  const unsafe = (hasHtml(mdast) ? toHast : toHastPlain).runSync(mdast, file);
  if (mayDrop(mdast)) collectDropped(unsafe, dropped);
  const tree = sanitizer.runSync(unsafe, file);
  return { tree, dropped };
}

/** The last touches of every body fragment, in place: numbers kept on one line, tables tidied. */
export function finishTree(tree: HastRoot): HastRoot {
  markNumbers(tree);
  tidyTables(tree);
  return tree;
}

/** A finished tree as HTML. */
export function stringifyHtml(tree: HastRoot): string {
  return stringifier.stringify(tree);
}

/** The last steps of every body fragment: numbers kept on one line, tables tidied, then HTML. */
export function finishHtml(tree: HastRoot): string {
  return stringifyHtml(finishTree(tree));
}

/**
 * Renders Markdown nodes (a whole root, or some of its children) to safe HTML, and says what the sanitizer
 * dropped. The nodes are copied: the session tree is never modified.
 */
export function renderMarkdown(
  nodes: MdastRoot | ReadonlyArray<MdastContent>,
  options: RenderMarkdownOptions = {},
): RenderedMarkdown {
  const { tree, dropped } = renderMarkdownTree(nodes, options);
  return { html: finishHtml(tree), dropped };
}
