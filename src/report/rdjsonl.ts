/**
 * reviewdog's Diagnostic format, one JSON object per line (`reviewdog -f=rdjsonl`). reviewdog counts columns in UTF-8
 * bytes, 1-based, while vfile counts UTF-16 code units: « é » is one column for vfile and two bytes for reviewdog, so
 * every column is converted using the text of its line.
 */
import type { VFile } from 'vfile';
import {
  editsOf,
  fullText,
  inFileOrder,
  levelOf,
  lineTexts,
  rangeOf,
  repoPath,
  suggestionOf,
  type Level,
  type LinePoint,
} from './findings.js';
import { DEFAULT_INFORMATION_URI } from './sarif.js';

export interface RdjsonlOptions {
  cwd?: string;
  informationUri?: string;
}

interface RdPosition {
  line: number;
  column: number;
}

interface RdRange {
  start: RdPosition;
  end?: RdPosition;
}

export interface RdDiagnostic {
  message: string;
  location: { path: string; range?: RdRange };
  severity: 'ERROR' | 'WARNING' | 'INFO';
  source: { name: string; url?: string };
  code?: { value: string; url?: string };
  suggestions?: Array<{ range: RdRange; text: string }>;
}

const SEVERITY: Record<Level, RdDiagnostic['severity']> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/** 1-based UTF-8 byte column of a 1-based UTF-16 column on the given line. */
export function byteColumn(lineText: string, utf16Column: number): number {
  const before = lineText.slice(0, Math.max(0, utf16Column - 1));
  const beyond = Math.max(0, utf16Column - 1 - lineText.length);
  return Buffer.byteLength(before, 'utf8') + beyond + 1;
}

export function rdDiagnostics(files: VFile[], options: RdjsonlOptions = {}): RdDiagnostic[] {
  const cwd = options.cwd ?? process.cwd();
  const linesByFile = new Map<VFile, string[]>();
  const lines = (file: VFile): string[] => {
    let cached = linesByFile.get(file);
    if (!cached) linesByFile.set(file, (cached = lineTexts(file)));
    return cached;
  };
  const toRd = (file: VFile, point: LinePoint): RdPosition => ({
    line: point.line,
    column: byteColumn(lines(file)[point.line - 1] ?? '', point.column),
  });

  return inFileOrder(files).map(({ file, message }) => {
    const range = rangeOf(message);
    const rdRange: RdRange | undefined = range
      ? { start: toRd(file, range.start), ...(range.end ? { end: toRd(file, range.end) } : {}) }
      : undefined;
    const diagnostic: RdDiagnostic = {
      message: fullText(message),
      location: { path: repoPath(file, cwd), ...(rdRange ? { range: rdRange } : {}) },
      severity: SEVERITY[levelOf(message)],
      source: { name: 'minutier', url: options.informationUri ?? DEFAULT_INFORMATION_URI },
    };
    if (message.ruleId) diagnostic.code = { value: message.ruleId, ...(message.url ? { url: message.url } : {}) };
    const suggestion = suggestionOf(message);
    // A suggestion replaces a span: a message that points at a single place has nothing to replace.
    if (suggestion !== undefined && rdRange?.end) diagnostic.suggestions = [{ range: rdRange, text: suggestion }];
    // Proposed annotations: every one is an edit of the same suggestion (an insertion has an empty range).
    const edits = editsOf(message);
    if (edits.length > 0) {
      diagnostic.suggestions = edits.map((edit) => ({
        range: { start: toRd(file, edit.start), end: toRd(file, edit.end) },
        text: edit.text,
      }));
    }
    return diagnostic;
  });
}

export function rdjsonl(files: VFile[], options: RdjsonlOptions = {}): string {
  return rdDiagnostics(files, options)
    .map((diagnostic) => `${JSON.stringify(diagnostic)}\n`)
    .join('');
}
