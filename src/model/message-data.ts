/**
 * What a finding (a vfile message) carries besides its reason, as the check engine writes it in `data`: the rule, a
 * suggestion, the annotations it proposes to write. Read by the reporters, the review page and `--fix` alike.
 */
import type { VFileMessage } from 'vfile-message';

/** The rule metadata a message may carry in `data.rule` (see src/check/rule.ts). */
export interface MessageRule {
  id: string;
  description?: string;
  severity?: string;
  docs?: string;
}

export interface MessageData {
  suggestion?: string;
  rule?: MessageRule;
  /** Annotations to write (relation-suggested): each replaces a span, an empty one for an insertion. */
  edits?: Array<{ place: { start: LinePoint; end: LinePoint }; text: string }>;
}

export interface LinePoint {
  line: number;
  column: number;
  offset?: number;
}

export function dataOf(message: VFileMessage): MessageData {
  const data = (message as VFileMessage & { data?: unknown }).data;
  return data && typeof data === 'object' ? data : {};
}

/** The annotations a message proposes to write, each with the span it replaces (empty for an insertion). */
export function editsOf(message: VFileMessage): Array<{ start: LinePoint; end: LinePoint; text: string }> {
  const edits = dataOf(message).edits;
  if (!Array.isArray(edits)) return [];
  return edits.flatMap((edit) => {
    const start = toPoint(edit?.place?.start);
    const end = toPoint(edit?.place?.end);
    return start && end && typeof edit.text === 'string' ? [{ start, end, text: edit.text }] : [];
  });
}

export function toPoint(point: { line?: number; column?: number; offset?: number } | undefined): LinePoint | undefined {
  if (!point || typeof point.line !== 'number' || point.line < 1) return undefined;
  const column = typeof point.column === 'number' && point.column > 0 ? point.column : 1;
  return typeof point.offset === 'number'
    ? { line: point.line, column, offset: point.offset }
    : { line: point.line, column };
}
