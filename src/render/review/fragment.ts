/**
 * The PV fragment of the review page as a tree. The templates are rendered with a probe where the body goes and only
 * their HTML is parsed; the body's own tree (already built by the renderer) takes the probe's place. The body is
 * never serialised to be parsed again (docs/performance.md, « Review page, round 5 »).
 *
 * The spliced tree is the tree parse5 would build from the whole HTML, because the splice is only made when that is
 * certain: the body holds only elements whose HTML parse5 reads back as they are (no element that an HTML parser
 * closes, moves or reopens: a block in a paragraph, a row outside a table section, text in a table, a link in a link,
 * a newline opening a `<pre>`…), and the probe sits where a block of the body would (in a plain container, with no
 * formatting element to reopen). Otherwise the fragment is serialised and parsed as before.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Session } from '../../model/types.js';
import { fontFaces } from '../assets.js';
import { renderSessionFragment, renderSessionFragmentParts } from '../documents/pv.js';
import type { RenderOptions } from '../documents/layout.js';
import { parseFragment } from './tree.js';

/** Where the body goes: a block holding a newline, which parse5 would reopen formatting elements in. */
const PROBE = '<div data-minutier-body="">\n</div>';

type Model = 'flow' | 'phrasing' | 'list' | 'dl' | 'table' | 'section' | 'row';

/** Blocks that hold blocks: where they may be, and what they hold. */
const CONTENT = new Map<string, { in: Model; holds: Model }>();
for (const tag of ['address', 'article', 'aside', 'blockquote', 'center', 'div', 'figcaption', 'figure']) {
  CONTENT.set(tag, { in: 'flow', holds: 'flow' });
}
for (const tag of ['footer', 'header', 'main', 'nav', 'section']) CONTENT.set(tag, { in: 'flow', holds: 'flow' });
for (const tag of ['p', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']) CONTENT.set(tag, { in: 'flow', holds: 'phrasing' });
CONTENT.set('ul', { in: 'flow', holds: 'list' });
CONTENT.set('ol', { in: 'flow', holds: 'list' });
CONTENT.set('li', { in: 'list', holds: 'flow' });
CONTENT.set('dl', { in: 'flow', holds: 'dl' });
CONTENT.set('dt', { in: 'dl', holds: 'flow' });
CONTENT.set('dd', { in: 'dl', holds: 'flow' });
CONTENT.set('table', { in: 'flow', holds: 'table' });
for (const tag of ['thead', 'tbody', 'tfoot']) CONTENT.set(tag, { in: 'table', holds: 'section' });
CONTENT.set('tr', { in: 'section', holds: 'row' });
CONTENT.set('td', { in: 'row', holds: 'flow' });
CONTENT.set('th', { in: 'row', holds: 'flow' });

/** Text-level elements: in a block or in one another, holding only text-level content. */
const PHRASING = new Set(
  'a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strike strong sub sup time tt u var'.split(
    ' ',
  ),
);
const VOID = new Map<string, Model>([
  ['br', 'phrasing'],
  ['wbr', 'phrasing'],
  ['hr', 'flow'],
]);

/** What parse5 reads as whitespace, the only text it keeps in place inside a table. */
const TABLE_SPACE = /^[\t\n\f\r ]*$/;
const TOKEN = /^[^\s,]+$/u;

class NotSpliceable extends Error {}

/**
 * A copy of a finished body as parse5 would read its HTML back: adjacent texts merged, empty ones dropped, line
 * endings as the parser normalises them (CR LF and CR → LF); `text` collects its characters (texts and attribute
 * values) for the fonts. Throws NotSpliceable where the parser would not give the same tree back.
 */
function copyOf(nodes: readonly ElementContent[], model: Model, inLink: boolean, text: string[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      let value = node.value;
      if (value === '') continue;
      if (value.includes('\0')) throw new NotSpliceable();
      if (value.includes('\r')) value = value.replace(/\r\n?/g, '\n');
      if ((model === 'table' || model === 'section' || model === 'row') && !TABLE_SPACE.test(value)) {
        throw new NotSpliceable();
      }
      text.push(value);
      const last = out.at(-1);
      if (last?.type === 'text') last.value += value;
      else out.push({ type: 'text', value });
      continue;
    }
    if (node.type !== 'element') throw new NotSpliceable();
    const { tagName } = node;
    const content = CONTENT.get(tagName);
    const voidIn = VOID.get(tagName);
    let holds: Model;
    if (content) {
      if (content.in !== model) throw new NotSpliceable();
      holds = content.holds;
    } else if (PHRASING.has(tagName) || voidIn === 'phrasing') {
      if (model !== 'flow' && model !== 'phrasing') throw new NotSpliceable();
      if (tagName === 'a' && inLink) throw new NotSpliceable();
      holds = 'phrasing';
    } else if (voidIn === 'flow') {
      if (model !== 'flow') throw new NotSpliceable();
      holds = 'phrasing';
    } else {
      throw new NotSpliceable();
    }
    if (voidIn && node.children.length > 0) throw new NotSpliceable();
    const children = copyOf(node.children, holds, inLink || tagName === 'a', text);
    const first = children[0];
    if (tagName === 'pre' && first?.type === 'text' && first.value.startsWith('\n')) throw new NotSpliceable();
    out.push({ type: 'element', tagName, properties: propertiesOf(node, text), children });
  }
  return out;
}

function propertiesOf(node: Element, text: string[]): Element['properties'] {
  const properties: Element['properties'] = {};
  for (const key in node.properties) {
    let value = node.properties[key];
    if (typeof value === 'string') {
      if (value.includes('\0')) throw new NotSpliceable();
      if (value.includes('\r')) value = value.replace(/\r\n?/g, '\n');
      text.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item === 'string' && !TOKEN.test(item)) throw new NotSpliceable();
        text.push(String(item));
      }
      value = [...value];
    }
    properties[key] = value;
  }
  return properties;
}

interface Probe {
  parent: HastRoot | Element;
  index: number;
  ancestors: Element[];
}

function probesOf(parent: HastRoot | Element, ancestors: Element[], found: Probe[]): void {
  parent.children.forEach((child, index) => {
    if (child.type !== 'element') return;
    if (child.properties.dataMinutierBody !== undefined) found.push({ parent, index, ancestors });
    probesOf(child, [...ancestors, child], found);
  });
}

/** Containers in which a block of the body is simply inserted: no paragraph to close, no formatting to reopen. */
const PLAIN = new Set(['address', 'article', 'aside', 'blockquote', 'div', 'figure', 'footer', 'header', 'main']);
PLAIN.add('nav').add('section');

/** The parsed templates with the body's copy in place of the single probe, or undefined when that is not certain. */
function splice(html: string, body: readonly ElementContent[]): HastRoot | undefined {
  const tree = parseFragment(html);
  const found: Probe[] = [];
  probesOf(tree, [], found);
  if (found.length !== 1) return undefined;
  const { parent, index, ancestors } = found[0]!;
  const probe = parent.children[index] as Element;
  const [only] = probe.children;
  if (ancestors.length === 0 || !ancestors.every((a) => PLAIN.has(a.tagName))) return undefined;
  if (probe.children.length !== 1 || only?.type !== 'text' || only.value !== '\n') return undefined;
  const before = parent.children.slice(0, index) as ElementContent[];
  const after = parent.children.slice(index + 1) as ElementContent[];
  const children: ElementContent[] = [];
  for (const node of [...before, ...body, ...after]) {
    const last = children.at(-1);
    if (node.type === 'text' && last?.type === 'text') children[children.length - 1] = text(last.value + node.value);
    else children.push(node);
  }
  parent.children = children;
  return tree;
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** The fragment by splicing, or undefined when the body or the templates do not allow it (exported for its test). */
export function splicedFragment(
  session: Session,
  options: RenderOptions = {},
): { tree: HastRoot; css: string } | undefined {
  const { html, body, templatesCss } = renderSessionFragmentParts(session, PROBE, options);
  const characters: string[] = [html];
  let copy: ElementContent[];
  try {
    copy = copyOf(body.finishedTree.children as ElementContent[], 'flow', false, characters);
  } catch (error) {
    if (error instanceof NotSpliceable) return undefined;
    throw error;
  }
  const tree = splice(html, copy);
  return tree && { tree, css: `${fontFaces(characters.join(''))}\n${templatesCss}` };
}

/**
 * The procès-verbal's fragment for the review page: the tree of what its `<body>` holds (the same tree as parsing
 * `renderSessionFragment`'s HTML), and the stylesheet it needs.
 */
export function reviewFragment(session: Session, options: RenderOptions = {}): { tree: HastRoot; css: string } {
  const spliced = splicedFragment(session, options);
  if (spliced) return spliced;
  const rendered = renderSessionFragment(session, options);
  return { tree: parseFragment(rendered.html), css: rendered.css };
}
