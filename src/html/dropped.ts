/**
 * What the sanitizer drops from the body: each element and attribute it removes, judged one at a time with the same
 * schema, so that the html-sanitized rule can name it at its place in the file.
 */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import type { Position } from 'unist';
import rehypeSanitize from 'rehype-sanitize';
import { sanitizeSchema } from './sanitize-schema.js';

/** Something the sanitizer removed from the body: an element (`<script>`) or an attribute (`onerror`, `href`). */
export interface DroppedItem {
  /** `<script>` for an element, `onerror` or `href="javascript:…"` for an attribute. */
  tagOrAttr: string;
  position?: Position;
}

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

export function collectDropped(tree: HastRoot, dropped: DroppedItem[]): void {
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

const SAFE_URL = /^(?:https?:|mailto:|#)/iu;

/** Whether the sanitizer could drop anything: raw HTML, an image, a link to an address it refuses. */
export function mayDrop(node: MdastRoot | MdastContent): boolean {
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return true;
  if ((node.type === 'link' || node.type === 'definition') && !SAFE_URL.test(node.url)) return true;
  return 'children' in node && (node.children as MdastContent[]).some(mayDrop);
}
