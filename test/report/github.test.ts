import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { escapeData, escapeProperty, formatReport, github, stepSummary } from '../../src/report/index.js';
import { addFinding, session, tableFile } from './fixtures.js';

/** Undo GitHub's escaping, as the runner does when it reads a command. */
function unescape(value: string): string {
  return value
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

/** Parse one workflow command line: `::name k=v,k=v::data`. */
function parseCommand(line: string): { name: string; properties: Record<string, string>; data: string } {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  return { name: match[1]!, properties, data: unescape(match[3]!) };
}

const noSummary = { env: {} };

describe('github formatter', () => {
  it('annotates the exact span with the rule as title and the computation in the message', () => {
    const out = github([tableFile()], noSummary);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const command = parseCommand(lines[0]!);
    expect(command.name).toBe('error');
    expect(command.properties).toEqual({
      file: 'sessions/2022-06-28-comite-syndical.md',
      line: '9',
      col: '11',
      endLine: '9',
      endColumn: '21',
      title: 'table-total-row',
    });
    expect(command.data).toBe(
      [
        'Le total du tableau ne correspond pas à la somme des lignes.',
        '2 133,85 + 562 480,90 = 564 614,75, et non 564 641,75',
        'Attendu : « 564 614,75 »',
        'Constaté : « 564 641,75 »',
        'Correction proposée : « 564 614,75 »',
      ].join('\n'),
    );
  });

  it('escapes %, carriage returns and newlines in data, and also : and , in properties', () => {
    expect(escapeData('100 % : a,b\r\nc')).toBe('100 %25 : a,b%0D%0Ac');
    expect(escapeProperty('100 % : a,b\r\nc')).toBe('100 %25 %3A a%2Cb%0D%0Ac');

    const file = session('sessions/2023-01-10 séance: budget, vote.md', 'ligne\n', [
      { reason: 'Taux de 50 % : quorum, pouvoirs\net suite', ruleId: 'quorum', at: [1, 1, 1, 6], level: 'warning' },
    ]);
    const line = github([file], noSummary).trimEnd();
    // One physical line: newlines never reach the log unescaped.
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe(
      '::warning file=sessions/2023-01-10 séance%3A budget%2C vote.md,line=1,col=1,endLine=1,endColumn=6,title=quorum' +
        '::Taux de 50 %25 : quorum, pouvoirs%0Aet suite',
    );
    const command = parseCommand(line);
    expect(command.properties.file).toBe('sessions/2023-01-10 séance: budget, vote.md');
    expect(command.data).toBe('Taux de 50 % : quorum, pouvoirs\net suite');
  });

  it('uses ::notice for infos and omits the end of a single-place message', () => {
    const file = session('sessions/a.md', 'x\ny\n', [
      { reason: 'Pour information.', ruleId: 'info-rule', at: [2, 1], level: 'info' },
    ]);
    expect(github([file], noSummary)).toBe(
      '::notice file=sessions/a.md,line=2,col=1,title=info-rule::Pour information.\n',
    );
  });

  it('prints at most 10 per level, errors first in file order, then says in French how many more there are', () => {
    const a = session('sessions/a.md', 'x\n'.repeat(50));
    const b = session('sessions/b.md', 'x\n'.repeat(50));
    // Levels interleaved across lines and files, so the order has to be rebuilt: 24 errors, 12 warnings, 12 infos.
    for (let line = 1; line <= 48; line += 1) {
      const level = line % 2 === 1 ? 'error' : line % 4 === 2 ? 'warning' : 'info';
      addFinding(line % 3 === 0 ? b : a, { reason: `constat ${line}`, ruleId: 'r', at: [line, 1, line, 2], level });
    }
    const all = [a, b].flatMap((file) => file.messages);
    const counts = {
      error: all.filter((m) => m.fatal === true).length,
      warning: all.filter((m) => m.fatal === false).length,
      info: all.filter((m) => m.fatal === undefined).length,
    };
    expect(counts.error).toBeGreaterThan(10);
    expect(counts.warning).toBeGreaterThan(10);

    const commands = github([a, b], noSummary).trimEnd().split('\n').map(parseCommand);
    const names = commands.map((c) => c.name);
    expect(names.filter((n) => n === 'error')).toHaveLength(10);
    expect(names.filter((n) => n === 'warning')).toHaveLength(10);
    // Errors, then warnings, then notices.
    expect(names.join(' ')).toMatch(/^(error )+(warning )+(notice ?)+$/);
    const errors = commands.filter((c) => c.name === 'error');
    // File order: every a.md error before any b.md error, lines increasing within a file.
    const order = errors.map((c) => `${c.properties.file}:${c.properties.line!.padStart(2, '0')}`);
    expect(order).toEqual([...order].sort());
    expect(errors[0]!.properties.file).toBe('sessions/a.md');

    const last = commands.at(-1)!;
    expect(last.name).toBe('notice');
    const shownFindings = commands.length - 1;
    const omitted = counts.error + counts.warning + counts.info - shownFindings;
    expect(last.data).toContain(`${omitted} constats de plus`);
    expect(last.data).toContain('10 annotations par niveau');
    expect(names.filter((n) => n === 'notice').length).toBeLessThanOrEqual(10);
  });

  it('keeps one notice slot for the "de plus" notice when there are more than 10 infos', () => {
    const file = session('sessions/a.md', 'x\n'.repeat(20));
    for (let line = 1; line <= 12; line += 1)
      addFinding(file, { reason: `info ${line}`, ruleId: 'i', at: [line, 1], level: 'info' });
    const commands = github([file], noSummary).trimEnd().split('\n').map(parseCommand);
    expect(commands).toHaveLength(10);
    expect(commands.slice(0, 9).map((c) => c.data)).toEqual(Array.from({ length: 9 }, (_, i) => `info ${i + 1}`));
    expect(commands[9]!.data).toMatch(/^minutier : 3 constats de plus ne sont pas annotés/);
  });

  it('prints no "de plus" notice when everything fits', () => {
    const out = github([tableFile()], noSummary);
    expect(out).not.toContain('de plus');
  });

  it('appends the full list as a Markdown table to GITHUB_STEP_SUMMARY', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'minutier-summary-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const summaryFile = path.join(dir, 'summary.md');
    writeFileSync(summaryFile, 'Étape précédente\n');
    const file = tableFile();
    addFinding(file, {
      reason: 'Colonne | ambiguë\net deux lignes',
      ruleId: 'pipe-rule',
      at: [5, 1, 5, 4],
      level: 'warning',
      expected: ['a | b'],
      actual: 'c\nd',
    });
    const many = session('sessions/b.md', 'x\n'.repeat(30));
    for (let line = 1; line <= 25; line += 1)
      addFinding(many, { reason: `e${line}`, ruleId: 'r', at: [line, 1, line, 2] });

    formatReport('github', [file, many], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary.startsWith('Étape précédente\n')).toBe(true); // appended, not replaced
    expect(summary).toContain('| Fichier:ligne | Niveau | Règle | Message | Attendu | Constaté |');
    const rows = summary
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Fichier') && !line.startsWith('| ---'));
    // Every finding, not only the 10 GitHub shows.
    expect(rows).toHaveLength(27);
    expect(rows).toContain(
      '| sessions/2022-06-28-comite-syndical.md:5 | avertissement | [pipe-rule](https://github.com/minutier/minutier/blob/main/docs/rules/pipe-rule.md) | Colonne \\| ambiguë<br>et deux lignes | a \\| b | c<br>d |',
    );
    const total = rows.find((row) => row.includes('table-total-row'))!;
    expect(total).toContain('| erreur |');
    expect(total).toContain('2 133,85 + 562 480,90 = 564 614,75, et non 564 641,75');
    expect(total).toContain('| 564 614,75 | 564 641,75 |');
    // Each row has exactly 6 cells: unescaped pipes would add some.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);

    // A second step appends again.
    github([file], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
    expect(readFileSync(summaryFile, 'utf8').split('## minutier').length - 1).toBe(2);
  });

  it('says there is nothing to report in the summary when there are no findings', () => {
    expect(stepSummary([session('sessions/ok.md', 'ok\n')])).toContain('Aucun constat.');
  });
});
