/**
 * Precision first: on sessions whose relations are declared (the sample as published, the ok fixtures), and on the
 * real PV corpus when it is present, relation-suggested raises no warning. The counts printed here are the ones
 * docs/rules/relation-suggested.md reports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/check/rules/index.js';
import { runRules } from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');

function sessionsIn(folder: string): string[] {
  const absolute = path.join(root, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && !/readme/iu.test(name))
    .map((name) => path.join(folder, name));
}

const declared = [
  ...sessionsIn('sessions'),
  ...sessionsIn('test/fixtures/ok'),
  ...sessionsIn('test/fixtures/relations'),
];
const corpus = sessionsIn('test/fixtures/real');

describe('relation-suggested raises no warning where the relations are declared or hold', () => {
  for (const session of [...declared, ...corpus]) {
    it(session, async () => {
      const file = await runRules(readFileSync(path.join(root, session), 'utf8'), allRules, session);
      const findings = file.messages.filter((message) => message.ruleId === 'relation-suggested');
      const warnings = findings.filter((message) => message.fatal !== undefined);
      expect(warnings.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([]);
    });
  }
});
