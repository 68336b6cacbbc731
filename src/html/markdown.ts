/**
 * The Markdown body of a session → safe HTML fragments, one per part of the PV (the opening, each deliberation).
 *
 * mdast (already parsed by src/parse) → minutier's annotations and HTML comments removed → remark-rehype (raw HTML
 * kept as raw nodes) → rehype-raw (raw HTML parsed into real elements) → rehype-sanitize (sanitize-schema.ts) →
 * numbers kept on one line → rehype-stringify. Session content is never concatenated into HTML by hand and never
 * compiled as a template.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent, Text as HastText } from 'hast';
import type {
  Definition,
  Heading,
  Paragraph,
  Parent as MdastParent,
  Root as MdastRoot,
  RootContent as MdastContent,
  Table,
} from 'mdast';
import type { Position } from 'unist';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { findFrenchNumbers, parseFrenchNumber } from '../model/numbers.js';
import { withoutAnnotations } from '../parse/annotations.js';
import { sanitizeSchema } from './sanitize-schema.js';

/** Something the sanitizer removed from the body: an element (`<script>`) or an attribute (`onerror`, `href`). */
export interface DroppedItem {
  /** `<script>` for an element, `onerror` or `href="javascript:…"` for an attribute. */
  tagOrAttr: string;
  position?: Position;
}

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
 * Removes annotations (exactly as the parser reads them, `withoutAnnotations`) and HTML comments, prints link
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

// ─── What the sanitizer drops ──────────────────────────────────────────────────────────────────────────────────

/** The sanitizer without its ancestor rules, to judge one element and its attributes in isolation. */
const judge = rehypeSanitize({ ...sanitizeSchema, ancestors: {} });
const allowedTags = new Set(sanitizeSchema.tagNames ?? []);
const strippedWithContent = new Set(sanitizeSchema.strip ?? []);

function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (/^(data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return property.toLowerCase();
}

function describeAttribute(property: string, value: unknown): string {
  const name = attributeName(property);
  if (property === 'href' || property === 'src' || property === 'cite') {
    const text = String(value);
    return `${name}="${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
  }
  return name;
}

function collectDropped(tree: HastRoot, dropped: DroppedItem[]): void {
  const visit = (node: HastRoot | HastContent): void => {
    if (node.type === 'element') {
      const position = node.position;
      if (!allowedTags.has(node.tagName)) {
        dropped.push({ tagOrAttr: `<${node.tagName}>`, ...(position ? { position } : {}) });
        if (strippedWithContent.has(node.tagName)) return;
      } else {
        const shallow: Element = { type: 'element', tagName: node.tagName, properties: node.properties, children: [] };
        const safe = judge({ type: 'root', children: [shallow] }).children[0];
        const safeProperties = safe?.type === 'element' ? safe.properties : {};
        for (const [key, value] of Object.entries(node.properties)) {
          if (value === undefined || value === null) continue;
          if (JSON.stringify(safeProperties[key]) !== JSON.stringify(value)) {
            dropped.push({ tagOrAttr: describeAttribute(key, value), ...(position ? { position } : {}) });
          }
        }
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

// ─── Numbers on one line ───────────────────────────────────────────────────────────────────────────────────────

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function addClass(element: Element, name: string): void {
  const current = element.properties.className;
  const list = Array.isArray(current) ? current.map(String) : current ? String(current).split(' ') : [];
  if (!list.includes(name)) list.push(name);
  element.properties.className = list;
}

/** Splits a text node so that every number written with spaces ("564 614,75 €", "1 746 700€ HT") cannot break. */
function wrapNumbers(text: HastText): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const found of findFrenchNumbers(text.value)) {
    if (!/[ \u00A0\u202F]/.test(found.raw)) continue;
    if (found.index > last) parts.push({ type: 'text', value: text.value.slice(last, found.index) });
    parts.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['num'] },
      children: [{ type: 'text', value: found.raw }],
    });
    last = found.index + found.raw.length;
  }
  if (parts.length === 0) return [text];
  if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
  return parts;
}

const NO_WRAP_INSIDE = new Set(['code', 'pre', 'kbd', 'samp']);

function markNumbers(node: HastRoot | Element): void {
  const children: Array<HastContent | ElementContent> = [];
  for (const child of node.children) {
    if (child.type === 'element') {
      if ((child.tagName === 'td' || child.tagName === 'th') && parseFrenchNumber(textOf(child))) {
        addClass(child, 'num');
      }
      if (!NO_WRAP_INSIDE.has(child.tagName) && !(child.tagName === 'span' && child.properties.className)) {
        markNumbers(child);
      }
      children.push(child);
    } else if (child.type === 'text') {
      children.push(...wrapNumbers(child));
    } else {
      children.push(child);
    }
  }
  node.children = children;
}

/**
 * Tidies the tables of the body: a header row left empty (as the reference PV writes many tables) is removed rather
 * than printed as an empty band on every page, and the header of a column of numbers is right-aligned with it.
 */
function tidyTables(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'table') tidyTable(child);
    else tidyTables(child);
  }
}

function rowsOf(section: Element | undefined): Element[] {
  return (section?.children ?? []).filter((row): row is Element => row.type === 'element' && row.tagName === 'tr');
}

function cellsOf(row: Element): Element[] {
  return row.children.filter(
    (cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'),
  );
}

function hasClass(element: Element, name: string): boolean {
  const current = element.properties.className;
  return Array.isArray(current) ? current.includes(name) : current === name;
}

function tidyTable(table: Element): void {
  const sections = table.children.filter((child): child is Element => child.type === 'element');
  const thead = sections.find((section) => section.tagName === 'thead');
  const bodyRows = sections.filter((section) => section.tagName === 'tbody').flatMap(rowsOf);
  const headRows = rowsOf(thead);
  if (thead && headRows.every((row) => cellsOf(row).every((cell) => textOf(cell).trim() === ''))) {
    table.children = table.children.filter((child) => child !== thead);
    return;
  }
  for (const row of headRows) {
    cellsOf(row).forEach((cell, column) => {
      const cells = bodyRows
        .map((bodyRow) => cellsOf(bodyRow)[column])
        .filter((c): c is Element => !!c && textOf(c).trim() !== '');
      if (cells.length > 0 && cells.every((c) => hasClass(c, 'num'))) addClass(cell, 'num');
    });
  }
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

const SAFE_URL = /^(?:https?:|mailto:|#)/iu;

/** Whether the sanitizer could drop anything: raw HTML, an image, a link to an address it refuses. */
function mayDrop(node: MdastRoot | MdastContent): boolean {
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return true;
  if ((node.type === 'link' || node.type === 'definition') && !SAFE_URL.test(node.url)) return true;
  return 'children' in node && (node.children as MdastContent[]).some(mayDrop);
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
  const mdast: MdastRoot = { type: 'root', children: structuredClone([...children]) };
  cleanMdast(mdast, options);

  const file = new VFile(options.source === undefined ? undefined : { value: options.source });
  const dropped: DroppedItem[] = [];
  const unsafe = (hasHtml(mdast) ? toHast : toHastPlain).runSync(mdast, file);
  if (mayDrop(mdast)) collectDropped(unsafe, dropped);
  const tree = sanitizer.runSync(unsafe, file);
  return { tree, dropped };
}

/** The last steps of every body fragment: numbers kept on one line, tables tidied, then HTML. */
export function finishHtml(tree: HastRoot): string {
  markNumbers(tree);
  tidyTables(tree);
  return stringifier.stringify(tree);
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
