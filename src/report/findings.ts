/**
 * What every formatter needs from a vfile message: its level, its range, the French details (note, expected, actual,
 * suggestion), the repository path of its file and the text it points at. Formatters stay small by sharing these.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { compareMessage } from 'vfile-sort';
import { SEVERITY_LABEL_FR, SEVERITY_ORDER, severityOf, type Severity } from '../model/severity.js';
import { dataOf, editsOf, toPoint, type LinePoint } from '../model/message-data.js';

export { dataOf, editsOf, type LinePoint, type MessageData, type MessageRule } from '../model/message-data.js';

/** A finding's severity (the shared table is src/model/severity.ts). */
export type Level = Severity;

export interface MessageRange {
  start: LinePoint;
  /** Absent when the message points at a single place rather than a span. */
  end?: LinePoint;
}

export interface Located {
  file: VFile;
  message: VFileMessage;
  /** Position of the file in the list given to the formatter, for "file order". */
  fileIndex: number;
}

export const LEVEL_ORDER: Record<Level, number> = SEVERITY_ORDER;

export const LEVEL_LABEL_FR: Record<Level, string> = SEVERITY_LABEL_FR;

export function levelOf(message: VFileMessage): Level {
  return severityOf(message);
}

export function suggestionOf(message: VFileMessage): string | undefined {
  const suggestion = dataOf(message).suggestion;
  return typeof suggestion === 'string' ? suggestion : undefined;
}

/** The message's place as a start and (when it is a span) an end; undefined when the message has no place. */
export function rangeOf(message: VFileMessage): MessageRange | undefined {
  const place = message.place;
  if (place && 'start' in place) {
    const start = toPoint(place.start);
    if (!start) return undefined;
    const end = toPoint(place.end);
    return end ? { start, end } : { start };
  }
  if (place && 'line' in place) {
    const start = toPoint(place);
    return start ? { start } : undefined;
  }
  if (typeof message.line === 'number' && message.line > 0) {
    return { start: { line: message.line, column: typeof message.column === 'number' ? message.column : 1 } };
  }
  return undefined;
}

function quote(value: string): string {
  return `« ${value} »`;
}

/**
 * The details a reader needs besides the reason, in French, one per line: the computation (`note`), the expected and
 * stated values, and the correction when it is unambiguous.
 */
export function detailLines(message: VFileMessage): string[] {
  const lines: string[] = [];
  if (message.note) lines.push(message.note);
  if (message.expected && message.expected.length > 0) {
    lines.push(`Attendu : ${message.expected.map(quote).join(' ou ')}`);
  }
  if (message.actual !== undefined && message.actual !== null) lines.push(`Constaté : ${quote(message.actual)}`);
  const suggestion = suggestionOf(message);
  if (suggestion !== undefined) lines.push(`Correction proposée : ${quote(suggestion)}`);
  const edits = editsOf(message);
  if (edits.length > 0) lines.push(`Annotations proposées : ${edits.map((edit) => quote(edit.text)).join(', ')}`);
  return lines;
}

/** Reason then details, one per line: the full text of a finding. */
export function fullText(message: VFileMessage): string {
  return [message.reason, ...detailLines(message)].join('\n');
}

/** The file's path relative to the repository root, with forward slashes. */
export function repoPath(file: VFile, cwd: string = process.cwd()): string {
  const raw = file.history[0] ?? file.path ?? '';
  if (!raw) return '';
  const relative = path.isAbsolute(raw) ? path.relative(cwd, raw) : raw;
  return relative.split(path.sep).join('/').replace(/\\/g, '/').replace(/^\.\//, '');
}

export function sourceText(file: VFile): string {
  return file.value === undefined || file.value === null ? '' : String(file.value);
}

/** The lines of the file, without their line endings (CRLF, LF or CR, as vfile-location counts them). */
export function lineTexts(file: VFile): string[] {
  return sourceText(file).split(/\r\n|\n|\r/);
}

/** UTF-16 offset of a line/column point, or undefined when the point is outside the text. */
export function offsetOf(lines: string[], point: LinePoint, text: string): number | undefined {
  if (typeof point.offset === 'number' && point.offset >= 0 && point.offset <= text.length) return point.offset;
  if (point.line < 1 || point.line > lines.length) return undefined;
  // Line starts are recomputed from the text itself so CRLF counts as two characters.
  let offset = 0;
  let line = 1;
  const newline = /\r\n|\n|\r/g;
  while (line < point.line) {
    const match = newline.exec(text);
    if (!match) return undefined;
    offset = match.index + match[0].length;
    line += 1;
  }
  const lineText = lines[point.line - 1] ?? '';
  return offset + Math.min(point.column - 1, lineText.length);
}

/** The text the message points at: the span when it has one, else the whole line of its start (trimmed). */
export function regionText(file: VFile, message: VFileMessage): string {
  const range = rangeOf(message);
  if (!range) return '';
  const text = sourceText(file);
  const lines = lineTexts(file);
  if (range.end) {
    const from = offsetOf(lines, range.start, text);
    const to = offsetOf(lines, range.end, text);
    if (from !== undefined && to !== undefined && to >= from) return text.slice(from, to);
  }
  return (lines[range.start.line - 1] ?? '').trim();
}

/** Every message of every file, errors first, then warnings, then infos; within a level, in file order. */
export function byImportance(files: VFile[]): Located[] {
  const located = inFileOrder(files);
  return located
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => LEVEL_ORDER[levelOf(a.entry.message)] - LEVEL_ORDER[levelOf(b.entry.message)] || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Every message, file by file in the given order, each file's messages sorted by place. */
export function inFileOrder(files: VFile[]): Located[] {
  const located: Located[] = [];
  files.forEach((file, fileIndex) => {
    const messages = [...file.messages].sort(compareMessage);
    for (const message of messages) located.push({ file, message, fileIndex });
  });
  return located;
}

/** A copy of the file (same path, text and data) holding only the given messages; the original is not touched. */
export function withMessages(file: VFile, messages: VFileMessage[]): VFile {
  const copy = new VFile({ cwd: file.cwd, history: [...file.history], value: file.value, data: file.data });
  copy.stored = file.stored;
  copy.messages = messages;
  return copy;
}
