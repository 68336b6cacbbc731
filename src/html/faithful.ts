/**
 * The faithfulness guarantee, as code: the words of the body (the Markdown after the frontmatter, minus HTML comments
 * and `{…}` annotations) and the words of a rendered document, compared in order. Every word of the body that the
 * document does not print, in order, comes back with its offset in the file, so that the loss is reported where the
 * author wrote it (rule body-faithful, docs/rules/body-faithful.md).
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Html, Nodes as MdastNodes, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { withoutAnnotations } from '../model/annotation-syntax.js';
import { remarkTables } from '../parse/remark-tables.js';
import { sanitizeSchema } from './sanitize-schema.js';

export { missingWords } from './missing-words.js';

/** A word of the body and where it starts in the source file. */
export interface BodyWord {
  word: string;
  offset: number;
}

const SPACE = /[\s\u00A0\u202F\u2007\u2009]+/u;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/gu;
/** Elements the sanitizer removes with their content (script, style): html-sanitized reports them. */
const REMOVED_WITH_CONTENT = new Set(sanitizeSchema.strip ?? []);

/** A word of the body: a run of characters other than spaces (the same spans as with the `u` flag, found faster). */
const WORD = /[^\s\u00A0\u202F\u2007\u2009]+/g;

/** NFC form of a word; one with no character from U+0300 on (no combining mark) is already in it. */
function nfc(word: string): string {
  for (let index = 0; index < word.length; index++) if (word.charCodeAt(index) >= 0x300) return word.normalize('NFC');
  return word;
}

function words(text: string): string[] {
  return text.normalize('NFC').split(SPACE).filter(Boolean);
}

const rawParser = unified().use(rehypeRaw).freeze();

/** The text a raw HTML fragment shows once parsed as a browser does (tags, comments and scripts aside). */
function htmlText(html: string): string {
  const tree = rawParser.runSync({ type: 'root', children: [{ type: 'raw', value: html } as never] });
  return hastText(tree);
}

const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'font',
  'nobr',
]);

/** The visible text of a hast tree: block elements apart, inline ones joined, head, scripts and styles left out. */
function hastText(node: HastRoot | HastContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    const element = node;
    if (REMOVED_WITH_CONTENT.has(element.tagName) || element.tagName === 'head' || element.tagName === 'title')
      return '';
    if (element.tagName === 'br') return ' ';
    const inner = element.children.map(hastText).join('');
    return INLINE.has(element.tagName) ? inner : ` ${inner} `;
  }
  if (node.type === 'root') return node.children.map(hastText).join('');
  return '';
}

/**
 * The words of Markdown body nodes, each with its offset in `source`: what the author wrote and expects printed.
 * Comments and annotations are not part of it; link definitions are (they are printed as typed); images are not
 * (the sanitizer removes them, and html-sanitized says so).
 */
export function bodyWords(nodes: ReadonlyArray<RootContent>, source: string): BodyWord[] {
  // body-faithful asks for the whole body, then for each deliberation's slice, title and vote paragraph: the words
  // of each top-level node are computed once and reused. A node that leaves a `<script>` open hides words of the
  // nodes after it, so such a sequence is read in one pass, as before.
  const out: BodyWord[] = [];
  for (const node of nodes) {
    const known = nodeWords(node, source);
    if (known === undefined) return wordsOf(nodes, source);
    for (const word of known) out.push(word);
  }
  return out;
}

/** Per top-level node and source: its words, or `null` when it leaves a `<script>`/`<style>` open. */
const cache = new WeakMap<RootContent, { source: string; words: BodyWord[] | null }>();

function nodeWords(node: RootContent, source: string): BodyWord[] | undefined {
  let entry = cache.get(node);
  if (entry?.source !== source) {
    const state = { hidden: false };
    const words = wordsOf([node], source, state);
    entry = { source, words: state.hidden ? null : words };
    cache.set(node, entry);
  }
  return entry.words ?? undefined;
}

function wordsOf(nodes: ReadonlyArray<RootContent>, source: string, state?: { hidden: boolean }): BodyWord[] {
  const out: BodyWord[] = [];
  /** The words of a run of text pieces read together (a paragraph, a heading, a cell), each placed in the source. */
  const push = (pieces: Array<{ text: string; node: MdastNodes }>) => {
    let text = '';
    const starts: number[] = [];
    for (const piece of pieces) {
      starts.push(text.length);
      text += piece.text;
    }
    const cursors = pieces.map((piece) => piece.node.position?.start.offset ?? 0);
    // The piece a word starts in: the last one starting at or before it (words come in order: k only moves on).
    let k = 0;
    WORD.lastIndex = 0;
    for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
      while (k + 1 < starts.length && starts[k + 1]! <= match.index) k++;
      const piece = pieces[k]!;
      const head = match[0].slice(
        0,
        Math.max(1, starts[k + 1] === undefined ? match[0].length : starts[k + 1]! - match.index),
      );
      const end = piece.node.position?.end.offset ?? cursors[k]!;
      const found = source.indexOf(head, cursors[k]);
      const offset = found >= 0 && found < end ? found : cursors[k]!;
      if (found >= 0 && found < end) cursors[k] = found + head.length;
      out.push({ word: nfc(match[0]), offset });
    }
  };
  /** Inside `<script>…</script>` written inline (the tags and the text are sibling nodes): not text, removed. */
  let hiddenUntil: RegExp | undefined;
  const rawText = (node: Html): string => {
    const value = node.value.replace(COMMENT, '');
    const opened = /<(script|style)\b[^>]*>(?![\s\S]*<\/\1\s*>)/iu.exec(value);
    if (opened) hiddenUntil = new RegExp(`</${opened[1]}\\s*>`, 'iu');
    return /^<br\s*\/?>$/iu.test(value.trim()) ? ' ' : htmlText(value);
  };
  const inline = (node: MdastNodes, pieces: Array<{ text: string; node: MdastNodes }>): void => {
    if (hiddenUntil) {
      if (node.type === 'html' && hiddenUntil.test(node.value)) hiddenUntil = undefined;
      return;
    }
    switch (node.type) {
      case 'image':
      case 'imageReference':
        return;
      case 'text':
        pieces.push({ text: withoutAnnotations(node.value), node });
        return;
      case 'inlineCode':
        pieces.push({ text: node.value, node });
        return;
      case 'break':
        pieces.push({ text: ' ', node });
        return;
      case 'html':
        pieces.push({ text: rawText(node), node });
        return;
      case 'linkReference': {
        // Definitions are printed as typed (src/html/markdown.ts), so a reference prints as typed too: « [texte] ».
        pieces.push({ text: '[', node });
        for (const child of node.children) inline(child, pieces);
        const suffix =
          node.referenceType === 'full'
            ? `[${node.label ?? node.identifier}]`
            : node.referenceType === 'collapsed'
              ? '[]'
              : '';
        pieces.push({ text: `]${suffix}`, node });
        return;
      }
      default:
        if ('children' in node) for (const child of node.children) inline(child, pieces);
    }
  };
  const visit = (node: MdastNodes): void => {
    if (hiddenUntil) {
      if (node.type === 'html' && hiddenUntil.test(node.value)) hiddenUntil = undefined;
      return;
    }
    switch (node.type) {
      case 'yaml':
        return;
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const pieces: Array<{ text: string; node: MdastNodes }> = [];
        inline(node, pieces);
        push(pieces);
        return;
      }
      case 'code':
        push([{ text: node.value, node }]);
        return;
      case 'html':
        push([{ text: rawText(node), node }]);
        return;
      case 'definition': {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start !== undefined && end !== undefined) push([{ text: source.slice(start, end), node }]);
        return;
      }
      default:
        if ('children' in node) for (const child of node.children) visit(child);
    }
  };
  for (const node of nodes) visit(node);
  if (state) state.hidden = hiddenUntil !== undefined;
  return out;
}

const parser = unified().use(remarkParse).use(remarkTables).use(remarkFrontmatter, ['yaml']).freeze();

/** The text of a Markdown body (frontmatter, comments and annotations aside), words separated by single spaces. */
export function bodyText(markdown: string): string {
  const tree = parser.parse(markdown);
  return bodyWords(tree.children, markdown)
    .map((entry) => entry.word)
    .join(' ');
}

/** The words of an HTML document or fragment, as a reader sees them (head, scripts and styles aside). */
export function documentWords(html: string): string[] {
  return words(htmlText(html));
}

/** The words of a rendered hast tree or element, as a reader sees them. */
export function hastWords(node: HastRoot | Element): string[] {
  return words(hastText(node));
}

const BLANK = /[\s\u00A0\u202F\u2007\u2009]/u;

/**
 * The words of a rendered tree and of each of its top-level elements (the PV and its deliberation sections, which the
 * extraits print), each part read once. The words of the whole are those of its parts in order when every part's
 * text starts and ends with a space (block elements do): no word then spans two parts. Otherwise the whole is read
 * as one text, as hastWords does, and no part is given.
 */
export function hastWordsByPart(tree: HastRoot): { words: string[]; parts: Map<HastContent, string[]> } {
  const texts = tree.children.map(hastText);
  const parts = new Map<HastContent, string[]>();
  const apart = texts.every((text) => text === '' || (BLANK.test(text[0]!) && BLANK.test(text.at(-1)!)));
  if (!apart) return { words: words(texts.join('')), parts };
  const all: string[] = [];
  tree.children.forEach((child, index) => {
    const part = words(texts[index]!);
    parts.set(child, part);
    for (const word of part) all.push(word);
  });
  return { words: all, parts };
}

/** The text of an HTML document or fragment, words separated by single spaces. */
export function documentText(html: string): string {
  return documentWords(html).join(' ');
}
