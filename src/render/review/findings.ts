/** The findings of a review page: markers written in the session copy, and each finding's place in the source. */
import { location } from 'vfile-location';
import type { VFileMessage } from 'vfile-message';
import type { Severity } from '../../model/severity.js';
import type { FrenchNumber, Position, StatedFigures } from '../../model/types.js';

export type ReviewSeverity = Severity;
export { severityOf } from '../../model/severity.js';

// ─── Markers ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * `OPEN digits END` … `CLOSE` wraps a text. Without a close, `ROW digits END` designates the voices cell of its
 * table row, and `HEADING digits END` the number of its heading (both printed by the templates from numbers).
 */
export const OPEN = '\uE000';
export const END = '\uE001';
export const CLOSE = '\uE002';
export const ROW = '\uE003';
export const HEADING = '\uE004';
export const DIGIT0 = 0xe010;
export const MARKERS = /[\uE000-\uE004\uE010-\uE019]/gu;

function encode(n: number): string {
  return [...String(n)].map((digit) => String.fromCharCode(DIGIT0 + Number(digit))).join('');
}

export const open = (n: number) => `${OPEN}${encode(n)}${END}`;
export const rowMarker = (n: number) => `${ROW}${encode(n)}${END}`;
export const headingMarker = (n: number) => `${HEADING}${encode(n)}${END}`;

// ─── Findings ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface Finding {
  n: number;
  message: VFileMessage;
  severity: ReviewSeverity;
  /** Offsets in `session.source`, when the message has a place. */
  range?: { start: number; end: number };
  /** How it was placed: 'mark' (highlighted in the PV), 'section' (attached to its deliberation), or neither. */
  placed?: 'mark' | 'section';
}

/** Something to find after rendering, for frontmatter values the templates format themselves. */
export type Pending =
  | { kind: 'stated'; n: number; key: keyof StatedFigures; number: FrenchNumber }
  | { kind: 'search'; n: number; text: string };

export function rangeOf(message: VFileMessage, source: string): Finding['range'] {
  const place = message.place;
  if (!place) return undefined;
  const where = location(source);
  const offset = (point: { line: number; column: number; offset?: number | undefined }) =>
    point.offset ?? where.toOffset({ line: point.line, column: point.column });
  if ('start' in place) {
    const start = offset(place.start);
    const end = offset(place.end);
    if (start === undefined || start < 0) return undefined;
    return { start, end: end === undefined || end < start ? start : end };
  }
  const start = offset(place);
  return start === undefined || start < 0 ? undefined : { start, end: start };
}

export function inside(range: { start: number; end: number }, position: Position | undefined): boolean {
  const start = position?.start.offset;
  const end = position?.end.offset;
  if (start === undefined || end === undefined) return false;
  return range.start >= start && range.end <= end && !(range.start === end && end > start);
}
