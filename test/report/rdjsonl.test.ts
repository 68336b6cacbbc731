import { describe, expect, it } from 'vitest';
import { byteColumn, formatReport, type RdDiagnostic } from '../../src/report/index.js';
import { session, tableFile } from './fixtures.js';

function diagnostics(output: string): RdDiagnostic[] {
  expect(output.endsWith('\n')).toBe(true);
  return output
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as RdDiagnostic);
}

describe('rdjsonl formatter', () => {
  it('converts UTF-16 columns to 1-based UTF-8 byte columns', () => {
    expect(byteColumn('abc', 1)).toBe(1);
    expect(byteColumn('abc', 3)).toBe(3);
    expect(byteColumn('é=1', 2)).toBe(3); // é: 2 bytes
    expect(byteColumn('€=1', 2)).toBe(4); // €: 3 bytes
    expect(byteColumn('1\u202F000', 3)).toBe(5); // narrow no-break space: 3 bytes
    expect(byteColumn('🗳️ vote', 4)).toBe(8); // 🗳 is 2 UTF-16 units and 4 bytes, U+FE0F 1 unit and 3 bytes
    expect(byteColumn('abc', 4)).toBe(4); // end of line
  });

  it('points at the same characters on lines with é, €, U+202F and emoji', () => {
    const line = 'Élu·e 🗳️ : Mme DÉCLÉ, 1\u202F234,50 € — Hervé';
    const source = `titre\n${line}\n`;
    const target = 'DÉCLÉ';
    const start = line.indexOf(target) + 1; // UTF-16 column
    const file = session('sessions/é.md', source, [
      {
        reason: 'Nom inconnu.',
        ruleId: 'unknown-delegate',
        at: [2, start, 2, start + target.length],
        suggestion: 'DECLÉ',
        level: 'warning',
      },
      { reason: 'Montant.', ruleId: 'amount', at: [2, line.indexOf('€') + 1, 2, line.indexOf('€') + 2], level: 'info' },
    ]);
    const [name, euro] = diagnostics(formatReport('rdjsonl', [file]));

    const bytes = Buffer.from(line, 'utf8');
    const startByte = Buffer.byteLength(line.slice(0, line.indexOf(target)), 'utf8');
    expect(name!.location.range).toEqual({
      start: { line: 2, column: startByte + 1 },
      end: { line: 2, column: startByte + Buffer.byteLength(target, 'utf8') + 1 },
    });
    // The byte range cuts exactly the reported text out of the UTF-8 line.
    const range = name!.location.range!;
    expect(bytes.subarray(range.start.column - 1, range.end!.column - 1).toString('utf8')).toBe(target);
    const euroRange = euro!.location.range!;
    expect(bytes.subarray(euroRange.start.column - 1, euroRange.end!.column - 1).toString('utf8')).toBe('€');
    expect(euro!.severity).toBe('INFO');
  });

  it('writes the reviewdog fields: message, path, severity, source, code, suggestions', () => {
    const [diagnostic] = diagnostics(formatReport('rdjsonl', [tableFile()]));
    expect(diagnostic).toEqual({
      message: [
        'Le total du tableau ne correspond pas à la somme des lignes.',
        '2 133,85 + 562 480,90 = 564 614,75, et non 564 641,75',
        'Attendu : « 564 614,75 »',
        'Constaté : « 564 641,75 »',
        'Correction proposée : « 564 614,75 »',
      ].join('\n'),
      location: {
        path: 'sessions/2022-06-28-comite-syndical.md',
        range: { start: { line: 9, column: 11 }, end: { line: 9, column: 21 } },
      },
      severity: 'ERROR',
      source: { name: 'minutier', url: 'https://github.com/minutier/minutier' },
      code: {
        value: 'table-total-row',
        url: 'https://github.com/minutier/minutier/blob/main/docs/rules/table-total-row.md',
      },
      suggestions: [{ range: { start: { line: 9, column: 11 }, end: { line: 9, column: 21 } }, text: '564 614,75' }],
    });
  });

  it('one line per finding, WARNING for warnings, no suggestion without data.suggestion or without a span', () => {
    const file = session('sessions/a.md', 'ligne\n', [
      { reason: 'a', ruleId: 'r', at: [1, 1, 1, 3], level: 'warning' },
      { reason: 'b', ruleId: 'r', at: [1, 2], level: 'warning', suggestion: 'x' },
    ]);
    const out = diagnostics(formatReport('rdjsonl', [file]));
    expect(out).toHaveLength(2);
    expect(out.map((d) => d.severity)).toEqual(['WARNING', 'WARNING']);
    expect(out.every((d) => d.suggestions === undefined)).toBe(true);
    expect(out[1]!.location.range).toEqual({ start: { line: 1, column: 2 } });
  });

  it('prints nothing when there is nothing to report', () => {
    expect(formatReport('rdjsonl', [session('sessions/ok.md', 'ok\n')])).toBe('');
  });
});
