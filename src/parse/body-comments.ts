/** The HTML comments that silence rules: `<!-- minutier-disable-next-line rule-id -->`, `disable` … `enable`. */
import type { Nodes, Root } from 'mdast';
import type { Session } from '../model/types.js';
import type { BodyContext as Context } from './body-context.js';

const COMMENT = /<!--\s*minutier-(disable-next-line|disable|enable)\b([\s\S]*?)-->/gu;

function ruleIds(text: string): string[] {
  return text
    .split(/[\s,]+/u)
    .map((id) => id.trim())
    .filter(Boolean);
}

/** The next non-blank line after `line` (1-based), or `line + 1`. */
export function nextNonBlankLine(lines: string[], line: number): number {
  for (let k = line; k < lines.length; k++) if (lines[k]!.trim() !== '') return k + 1;
  return line + 1;
}

export function findDisabled(tree: Root, context: Context): Session['disabled'] {
  const disabled: Session['disabled'] = [];
  const lines = context.source.split(/\r\n|\r|\n/u);
  const open: Array<{ ruleIds: string[]; from: number }> = [];
  const htmlNodes: Array<{ value: string; offset: number }> = [];
  const collect = (node: Nodes): void => {
    if (node.type === 'html' && node.position?.start.offset !== undefined) {
      htmlNodes.push({
        value: context.source.slice(node.position.start.offset, node.position.end.offset),
        offset: node.position.start.offset,
      });
    }
    if ('children' in node) for (const child of node.children) collect(child);
  };
  collect(tree);
  for (const html of htmlNodes) {
    for (const match of html.value.matchAll(COMMENT)) {
      const startLine = context.locator.point(html.offset + match.index).line;
      const endLine = context.locator.point(html.offset + match.index + match[0].length).line;
      const ids = ruleIds(match[2] ?? '');
      if (match[1] === 'disable-next-line') {
        const target = nextNonBlankLine(lines, endLine);
        disabled.push({ ruleIds: ids, from: target, to: target });
      } else if (match[1] === 'disable') {
        open.push({ ruleIds: ids, from: startLine });
      } else {
        for (let k = open.length - 1; k >= 0; k--) {
          const entry = open[k]!;
          if (ids.length === 0) {
            disabled.push({ ruleIds: entry.ruleIds, from: entry.from, to: startLine });
            open.splice(k, 1);
            continue;
          }
          const closed = entry.ruleIds.filter((id) => ids.includes(id));
          if (closed.length === 0) continue;
          disabled.push({ ruleIds: closed, from: entry.from, to: startLine });
          entry.ruleIds = entry.ruleIds.filter((id) => !ids.includes(id));
          if (entry.ruleIds.length === 0) open.splice(k, 1);
        }
      }
    }
  }
  for (const entry of open) disabled.push({ ruleIds: entry.ruleIds, from: entry.from, to: lines.length });
  return disabled;
}
