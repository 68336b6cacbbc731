/** The notes beside the marks: a badge after each mark, the explanation after its block. */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import { CONTINUE, EXIT, visit } from 'unist-util-visit';
import type { VFileMessage } from 'vfile-message';
import type { Session } from '../../model/types.js';
import { parseFrenchNumber } from '../../model/numbers.js';
import { severityTitle } from '../../model/severity.js';
import { editsOf } from '../../model/message-data.js';
import { inside, MARKERS, type Finding } from './findings.js';
import { bodyStart } from './source.js';
import { ancestorsOf, classes, isElement, textOf, type Context, type Parent } from './tree.js';

// ─── Notes beside the marks ────────────────────────────────────────────────────────────────────────────────────

export function expectedOf(message: VFileMessage): string | undefined {
  const list = (message.expected ?? []).filter(
    (value) => value !== undefined && value !== null && String(value).trim() !== '',
  );
  return list.length > 0 ? list.join(' ou ') : undefined;
}

export function placeLabel(message: VFileMessage): string | undefined {
  const line = message.line;
  if (line === undefined || line === null) return undefined;
  return `${line}:${message.column ?? 1}`;
}

function ruleLink(message: VFileMessage): Element {
  const id = message.ruleId ?? message.source ?? 'constat';
  return message.url && /^https?:\/\//.test(message.url) ? h('a.rule', { href: message.url }, id) : h('span.rule', id);
}

function detail(label: string, value: string | undefined, className: string): Element | undefined {
  return value ? h(`div.detail.${className}`, [h('span.label', label), value]) : undefined;
}

/** The badge that links a finding back to its entry in the list. */
function badge(n: number, severity: Finding['severity'], properties: Element['properties'] = {}): Element {
  return h(
    `a.finding-badge.finding-${severity}`,
    { href: `#constat-${n}`, ...properties, title: 'Retour à la liste des constats' },
    String(n),
  );
}

export function note(finding: Finding, withId: boolean): Element {
  const { message, n, severity } = finding;
  const where = placeLabel(message);
  const suggested = editsOf(message)
    .map((edit) => `« ${edit.text} »`)
    .join(', ');
  return h(`div.finding-note.finding-${severity}`, withId ? { id: `finding-${n}` } : {}, [
    h('div.head', [
      badge(n, severity),
      h('span.severity', severityTitle(severity)),
      ruleLink(message),
      where ? h('span.where', `ligne ${where.replace(':', ', col. ')}`) : undefined,
    ]),
    h('p.reason', message.reason),
    detail('Attendu', expectedOf(message), 'expected'),
    detail('Constaté', message.actual ?? undefined, 'actual'),
    detail('Calcul', message.note ?? undefined, 'computation'),
    detail('Annotations proposées', suggested || undefined, 'suggestion'),
  ]);
}

const NOTE_BLOCKS = new Set([
  'p',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dd',
  'dt',
  'blockquote',
  'pre',
  'figure',
]);

function cellCount(row: Element): number {
  return row.children
    .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
    .reduce((sum, cell) => sum + (Number(cell.properties.colSpan) || 1), 0);
}

/** Puts a badge after each finding's mark and, after the block holding it, the notes of its findings. */
export function placeNotes(root: HastRoot, context: Context): void {
  const byBlock = new Map<Element, { parent: Parent; findings: Finding[] }>();
  for (const [n, mark] of context.marks) {
    const finding = context.findings.get(n)!;
    finding.placed = 'mark';
    const ancestors = ancestorsOf(root, mark);
    if (!ancestors) continue;
    const direct = ancestors.at(-1)!;
    const at = direct.children.indexOf(mark);
    (direct.children as ElementContent[]).splice(at + 1, 0, badge(n, finding.severity, { ariaLabel: `constat ${n}` }));
    const depth = ancestors.map((a) => isElement(a) && NOTE_BLOCKS.has(a.tagName)).lastIndexOf(true);
    const block = (depth >= 0 ? ancestors[depth] : (ancestors[1] ?? mark)) as Element;
    const parent = (depth >= 1 ? ancestors[depth - 1] : ancestors[0]) as Parent;
    const entry = byBlock.get(block) ?? { parent, findings: [] };
    entry.findings.push(finding);
    byBlock.set(block, entry);
  }
  for (const [block, { parent, findings }] of byBlock) {
    findings.sort((a, b) => a.n - b.n);
    const notes = findings.map((finding) => note(finding, false));
    if (block.tagName === 'li') {
      block.children.push(h('div.finding-notes', notes));
      continue;
    }
    const container =
      block.tagName === 'tr'
        ? h('tr.finding-row', [h('td', { colSpan: cellCount(block), className: ['finding-notes'] }, notes)])
        : h('div.finding-notes', notes);
    const index = parent.children.indexOf(block);
    (parent.children as ElementContent[]).splice(index + 1, 0, container);
  }
}

/** Body findings with no visible text (a comment, a heading number…): their notes open the deliberation's section. */
export function attachToSections(root: HastRoot, session: Session, findings: Finding[]): void {
  for (const finding of findings) {
    if (finding.placed || !finding.range || finding.range.start < bodyStart(session)) continue;
    const deliberation = session.deliberations.find((d) => inside(finding.range!, d.position));
    if (!deliberation) continue;
    let heading: Element | undefined;
    let parent: Parent | undefined;
    visit(root, 'element', (node, _index, up) => {
      if (!/^h[1-6]$/.test(node.tagName) || node.properties.id !== deliberation.slug) return CONTINUE;
      heading = node;
      parent = up;
      return EXIT;
    });
    if (!heading || !parent) continue;
    const index = parent.children.indexOf(heading);
    (parent.children as ElementContent[]).splice(index + 1, 0, h('div.finding-notes', [note(finding, true)]));
    finding.placed = 'section';
  }
}

/** Numbers that carry a marker lost the `num` class the renderer gives to numeric cells: give it back. */
export function restoreNumericCells(root: HastRoot): void {
  const walk = (parent: Parent) => {
    for (const cell of parent.children) {
      if (cell.type !== 'element') continue;
      walk(cell);
      if ((cell.tagName !== 'td' && cell.tagName !== 'th') || classes(cell).includes('num')) continue;
      const hasMark = cell.children.some((c) => c.type === 'element' && c.tagName === 'mark');
      if (hasMark && parseFrenchNumber(textOf(cell))) cell.properties.className = [...classes(cell), 'num'];
    }
  };
  walk(root);
}

const HAS_MARKER = new RegExp(MARKERS.source, 'u');

export function stripMarkers(root: HastRoot): void {
  // A plain depth-first walk (unist-util-visit's bookkeeping cost more than the work), and a replace only where a
  // marker is.
  const has = (value: string) => HAS_MARKER.test(value);
  const walk = (parent: Parent) => {
    for (const node of parent.children) {
      if (node.type === 'text') {
        if (has(node.value)) node.value = node.value.replace(MARKERS, '');
      } else if (node.type === 'element') {
        for (const key in node.properties) {
          const value = node.properties[key];
          if (typeof value === 'string' && has(value)) node.properties[key] = value.replace(MARKERS, '');
        }
        walk(node);
      }
    }
  };
  walk(root);
}
