import { reporterJson } from 'vfile-reporter-json';
import { describe, expect, it } from 'vitest';
import {
  countFindings,
  countsSentence,
  exitCode,
  exitReason,
  formatReport,
  formatNames,
  formatters,
  onlyErrors,
} from '../../src/report/index.js';
import { addFinding, session, tableFile } from './fixtures.js';

function mixed() {
  const file = tableFile();
  addFinding(file, {
    reason: 'Voix à vérifier.',
    ruleId: 'attendance-row-voices',
    at: [2, 1, 2, 13],
    level: 'warning',
  });
  addFinding(file, { reason: 'Quorum : 12 sur 20.', ruleId: 'quorum-info', at: [1, 1], level: 'info' });
  return [file, session('sessions/ok.md', 'ok\n')];
}

describe('json formatter', () => {
  it('is exactly vfile-reporter-json', () => {
    const files = mixed();
    expect(formatReport('json', files)).toBe(reporterJson(files));
    expect(formatReport('json', files, { pretty: 2 })).toBe(reporterJson(files, { pretty: 2 }));
    const parsed = JSON.parse(formatReport('json', files)) as Array<{
      path: string;
      messages: Array<{ ruleId: string; note?: string }>;
    }>;
    expect(parsed[0]!.path).toBe('sessions/2022-06-28-comite-syndical.md');
    expect(parsed[0]!.messages.find((m) => m.ruleId === 'table-total-row')!.note).toContain('564 614,75');
  });
});

describe('stylish formatter', () => {
  it('shows each message with its computation, expected and stated values in French', () => {
    const out = formatReport('stylish', mixed(), { color: false });
    expect(out).toContain('sessions/2022-06-28-comite-syndical.md');
    expect(out).toMatch(
      /9:11-9:21\s+error\s+Le total du tableau ne correspond pas à la somme des lignes\.\s+table-total-row\s+minutier/,
    );
    expect(out).toContain('    2 133,85 + 562 480,90 = 564 614,75, et non 564 641,75');
    expect(out).toContain('    Attendu : « 564 614,75 »');
    expect(out).toContain('    Constaté : « 564 641,75 »');
    expect(out).toContain('    Correction proposée : « 564 614,75 »');
    // The rule id names the documentation; the terminal is spared a link per finding (json and sarif carry it).
    expect(out).not.toContain('https://github.com/minutier/minutier/blob/main/docs/rules/table-total-row.md');
    expect(out).toContain('sessions/ok.md: no issues found');
    expect(out).not.toContain('\u001B['); // no colour when asked
  });

  it('does not change the messages it is given', () => {
    const files = mixed();
    const before = files[0]!.messages.map((m) => m.note);
    formatReport('stylish', files, { color: false });
    expect(files[0]!.messages.map((m) => m.note)).toEqual(before);
  });
});

describe('formatReport', () => {
  it('knows the five formats and refuses others in French', () => {
    expect([...formatNames]).toEqual(['stylish', 'json', 'github', 'sarif', 'rdjsonl']);
    expect(Object.keys(formatters).sort()).toEqual([...formatNames].sort());
    expect(() => formatReport('checkstyle', [])).toThrow(/Format de rapport inconnu : « checkstyle »/);
  });
});

describe('summary and exit code', () => {
  it('counts errors, warnings and infos', () => {
    const counts = countFindings(mixed());
    expect(counts).toEqual({ errors: 1, warnings: 1, infos: 1, total: 3 });
    expect(countsSentence(counts)).toBe('1 erreur, 1 avertissement, 1 information');
    expect(countsSentence({ errors: 2, warnings: 0, infos: 3, total: 5 })).toBe(
      '2 erreurs, 0 avertissement, 3 informations',
    );
  });

  it('exits 1 on errors, 0 with only warnings unless there are more than --max-warnings', () => {
    const warnings = [
      session('sessions/a.md', 'x\n', [
        { reason: 'a', ruleId: 'r', at: [1, 1], level: 'warning' },
        { reason: 'b', ruleId: 'r', at: [1, 1], level: 'warning' },
        { reason: 'c', ruleId: 'i', at: [1, 1], level: 'info' },
      ]),
    ];
    expect(exitCode(mixed())).toBe(1);
    expect(exitCode(warnings)).toBe(0);
    expect(exitCode(warnings, { maxWarnings: 2 })).toBe(0);
    expect(exitCode(warnings, { maxWarnings: 1 })).toBe(1);
    expect(exitCode(warnings, { maxWarnings: 0 })).toBe(1);
    expect(exitCode(warnings, { maxWarnings: -1 })).toBe(0);
    expect(exitCode(warnings, { maxWarnings: 0, quiet: true })).toBe(0);
    expect(exitCode(mixed(), { quiet: true })).toBe(1);
    expect(exitCode([session('sessions/ok.md', 'ok\n')])).toBe(0);
    expect(exitReason(warnings, { maxWarnings: 1 })).toBe(
      'Échec : 2 avertissements, plus que le maximum autorisé (1).',
    );
    expect(exitReason(mixed())).toBe('Échec : 1 erreur à corriger.');
  });

  it('--quiet keeps only errors, in copies', () => {
    const files = mixed();
    const quiet = onlyErrors(files);
    expect(quiet.map((f) => f.messages.length)).toEqual([1, 0]);
    expect(quiet[0]!.messages[0]!.ruleId).toBe('table-total-row');
    expect(quiet[0]!.path).toBe(files[0]!.path);
    expect(String(quiet[0]!.value)).toBe(String(files[0]!.value));
    expect(files[0]!.messages).toHaveLength(3); // originals untouched
  });
});
