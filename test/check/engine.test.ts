import { rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { VFile } from 'vfile';
import { ConfigError, loadConfig, parseConfig } from '../../src/check/config.js';
import { checkSession } from '../../src/check/engine.js';
import type { Rule } from '../../src/check/rule.js';
import type { Session } from '../../src/model/types.js';

const at = (line: number, column = 1) => ({
  start: { line, column, offset: 0 },
  end: { line, column: column + 2, offset: 2 },
});

function fakeSession(overrides: Partial<Session> = {}): Session {
  return {
    path: 'sessions/s.md',
    id: 's',
    source: '---\norganisation:\n  nom: X\ndate: 2022-06-28\n---\n',
    // As the parse stage records it: the `organisation` key on line 2.
    keyPositions: {
      organisation: { start: { line: 2, column: 1, offset: 4 }, end: { line: 2, column: 13, offset: 16 } },
    },
    ruleSettings: {},
    disabled: [],
    ...overrides,
  } as Session;
}

function rule(id: string, severity: 'error' | 'warn' | 'info', lines: number[], extra: object = {}): Rule {
  return {
    meta: { id, description: 'Exemple.', severity, docs: `docs/rules/${id}.md` },
    check({ report }) {
      for (const line of lines) report({ message: `constat ${id} ligne ${line}`, place: at(line), ...extra });
    },
  };
}

describe('checkSession', () => {
  it('turns findings into vfile messages with rule id, source, url, severity and details', () => {
    const file = new VFile({ path: 'sessions/s.md' });
    const detailed = rule('detailed', 'error', [4], { expected: '2', actual: '1', note: 'A + B = 2', suggestion: 'B' });
    checkSession(fakeSession(), file, { rules: [detailed, rule('soft', 'warn', [2]), rule('fyi', 'info', [3])] });
    expect(file.messages.map((message) => [message.line, message.ruleId, message.fatal])).toEqual([
      [2, 'soft', false],
      [3, 'fyi', undefined],
      [4, 'detailed', true],
    ]);
    const message = file.messages[2]!;
    expect(message.reason).toBe('constat detailed ligne 4');
    expect(message.source).toBe('minutier');
    expect(message.url).toBe('https://github.com/minutier/minutier/blob/main/docs/rules/detailed.md');
    expect(message.expected).toEqual(['2']);
    expect(message.actual).toBe('1');
    expect(message.note).toBe('A + B = 2');
    expect((message as unknown as { data: { suggestion: string; rule: { id: string } } }).data.suggestion).toBe('B');
  });

  it('applies the config file, then the session settings, and drops rules set to off', () => {
    const rules = [rule('a', 'error', [2]), rule('b', 'warn', [3]), rule('c', 'error', [4])];
    const file = new VFile();
    checkSession(fakeSession({ ruleSettings: { b: 'error', c: 'off' } }), file, {
      rules,
      config: { rules: { a: 'warn', b: 'off', c: 'error' } },
    });
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('silences findings in disabled ranges, for one rule or for all', () => {
    const file = new VFile();
    const session = fakeSession({
      disabled: [
        { ruleIds: ['a'], from: 2, to: 3 },
        { ruleIds: [], from: 10, to: 10 },
      ],
    });
    checkSession(session, file, { rules: [rule('a', 'error', [2, 3, 4, 10]), rule('b', 'error', [2, 10, 11])] });
    expect(file.messages.map((message) => `${message.ruleId}:${message.line}`)).toEqual(['b:2', 'a:4', 'b:11']);
  });

  it('reports a rule that throws as one engine-internal error, without a stack trace, and runs the others', () => {
    const broken: Rule = {
      meta: { id: 'broken', description: 'x', severity: 'warn', docs: 'docs/rules/broken.md' },
      check() {
        throw new TypeError("Cannot read properties of undefined (reading 'value')\n    at check (x.ts:1:1)");
      },
    };
    const file = new VFile();
    checkSession(fakeSession(), file, { rules: [broken, rule('ok', 'warn', [5])] });
    expect(file.messages).toHaveLength(2);
    const internal = file.messages[0]!;
    expect(internal.ruleId).toBe('engine-internal');
    expect(internal.fatal).toBe(true);
    expect(internal.reason).toContain('« broken »');
    expect(internal.reason).not.toContain('at check');
    expect(file.messages[1]!.ruleId).toBe('ok');
  });

  it('relocates findings in the organisation file to the organisation key, with a note naming the file and line', () => {
    const file = new VFile();
    checkSession(fakeSession(), file, {
      rules: [rule('org', 'error', [12], { file: 'organisations/x.yml', note: '6 × 6 = 36' })],
    });
    const [message] = file.messages;
    expect(message!.line).toBe(2);
    expect(message!.column).toBe(1);
    expect(message!.note).toBe('Dans le fichier de l’organisme organisations/x.yml:12:1. 6 × 6 = 36');
  });

  it('keeps a finding’s own severity unless the rule is configured, and never promotes an information', () => {
    const mixed: Rule = {
      meta: { id: 'mixed', description: 'x', severity: 'error', docs: 'docs/rules/mixed.md' },
      check({ report }) {
        report({ message: 'principal', place: at(2) });
        report({ message: 'secondaire', place: at(3), severity: 'warn' });
        report({ message: 'information', place: at(4), severity: 'info' });
      },
    };
    const plain = new VFile();
    checkSession(fakeSession(), plain, { rules: [mixed] });
    expect(plain.messages.map((message) => message.fatal)).toEqual([true, false, undefined]);
    const configured = new VFile();
    checkSession(fakeSession(), configured, { rules: [mixed], config: { rules: { mixed: 'error' } } });
    expect(configured.messages.map((message) => message.fatal)).toEqual([true, true, undefined]);
  });

  it('sorts its messages together with the parse messages already on the file', () => {
    const file = new VFile();
    file.message('problème de lecture', { place: { line: 3, column: 1 }, ruleId: 'parse-x', source: 'minutier' });
    checkSession(fakeSession(), file, { rules: [rule('a', 'warn', [5, 1])] });
    expect(file.messages.map((message) => message.line)).toEqual([1, 3, 5]);
  });
});

describe('loadConfig', () => {
  it('reads minutier.config.json, or .minutierrc.json, or nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'minutier-config-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    expect(await loadConfig(dir, ['quorum'])).toEqual({ rules: {} });
    await writeFile(path.join(dir, '.minutierrc.json'), '{ "rules": { "quorum": "warn" } }');
    expect(await loadConfig(dir, ['quorum'])).toEqual({ rules: { quorum: 'warn' }, file: '.minutierrc.json' });
    await writeFile(path.join(dir, 'minutier.config.json'), '{ "rules": { "quorum": "off" } }');
    expect((await loadConfig(dir, ['quorum'])).rules).toEqual({ quorum: 'off' });
  });

  it('checks rule ids against every rule by default', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'minutier-config-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    await writeFile(path.join(dir, 'minutier.config.json'), '{ "rules": { "quorom": "off" } }');
    await expect(loadConfig(dir)).rejects.toThrow('la règle « quorom » n’existe pas ; vouliez-vous dire « quorum » ?');
  });

  it('explains invalid settings and invalid JSON in French', () => {
    expect(() => parseConfig('{ "rules": { "quorum": "fatal" } }', 'minutier.config.json', ['quorum'])).toThrow(
      /réglage invalide \(à « rules\.quorum » \) ?: les réglages possibles sont "off", "warn", "error" et "info"|réglage invalide \(à « rules.quorum »\) : les réglages possibles/,
    );
    expect(() => parseConfig('{ rules: }', '.minutierrc.json', [])).toThrow(ConfigError);
    expect(() => parseConfig('{ "regles": {} }', 'minutier.config.json', [])).toThrow(
      'seule la clé "rules" est reconnue',
    );
  });
});
