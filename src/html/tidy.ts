/**
 * The last touches of a body fragment: every number written with spaces kept on one line, a table's empty header
 * row removed and the header of a column of numbers aligned with it.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent, Text as HastText } from 'hast';
import { findFrenchNumbers, parseFrenchNumber } from '../model/numbers.js';

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

/**
 * A space inside a number follows a digit (« 564 614 », « 5 % ») or a unit (« 7,40€ HT »): a text without such a
 * space holds no number to keep on one line, and is answered without the scanner.
 */
const SPACE_IN_NUMBER = /[\d€%][ \u00A0\u202F]/u;

/** Splits a text node so that every number written with spaces ("564 614,75 €", "1 746 700€ HT") cannot break. */
function wrapNumbers(text: HastText): ElementContent[] {
  if (!SPACE_IN_NUMBER.test(text.value)) return [text];
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

/** Whether a cell's text is one number: it starts with a digit or a sign, or it is none (a cell of words). */
function isNumber(text: string): boolean {
  return /^\s*[-\u2212\d]/u.test(text) && parseFrenchNumber(text) !== undefined;
}

export function markNumbers(node: HastRoot | Element): void {
  const children: Array<HastContent | ElementContent> = [];
  for (const child of node.children) {
    if (child.type === 'element') {
      if ((child.tagName === 'td' || child.tagName === 'th') && isNumber(textOf(child))) {
        addClass(child, 'num');
      }
      if (!NO_WRAP_INSIDE.has(child.tagName) && !(child.tagName === 'span' && child.properties.className)) {
        markNumbers(child);
      }
      children.push(child);
    } else if (child.type === 'text') {
      const parts = wrapNumbers(child);
      if (parts.length === 1) children.push(parts[0]!);
      else children.push(...parts);
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
export function tidyTables(node: HastRoot | Element): void {
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
