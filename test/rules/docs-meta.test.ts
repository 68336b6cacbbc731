/**
 * One source per rule, as remark-lint keeps it: the doc page's heading, description and severity line, and the row
 * of the rules table in docs/rules/README.md, say exactly what the rule's `meta` says. A rule whose doc drifts fails
 * here, with the line to write.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/check/rules/index.js';
import type { Severity } from '../../src/check/rule.js';

const root = path.resolve(import.meta.dirname, '../..');
const severityLabel: Record<Severity, string> = { error: 'erreur', warn: 'avertissement', info: 'information' };
const rulesIndex = readFileSync(path.join(root, 'docs/rules/README.md'), 'utf8');

describe.each(allRules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const docPath = path.join(root, rule.meta.docs);

  it('has its doc page at docs/rules/<id>.md', () => {
    expect(rule.meta.docs).toBe(`docs/rules/${id}.md`);
    expect(existsSync(docPath)).toBe(true);
  });

  it('the page opens with the id, the description and the severity of meta', () => {
    const [heading, description, severity] = readFileSync(docPath, 'utf8').split('\n\n');
    expect(heading).toBe(`# ${id}`);
    expect(description?.replace(/\s*\n\s*/gu, ' ')).toBe(rule.meta.description);
    expect(severity).toMatch(
      new RegExp(
        `^Sévérité par défaut : \\*\\*${severityLabel[rule.meta.severity]}\\*\\* \\(\`${rule.meta.severity}\`\\)`,
        'u',
      ),
    );
  });

  it('the page has the sections every rule page has', () => {
    const text = readFileSync(docPath, 'utf8');
    for (const heading of ['## Pourquoi', '## Réglage', '## Exemples', '### Correct', '### Incorrect']) {
      expect(text, `${rule.meta.docs} : section « ${heading} »`).toMatch(new RegExp(`^${heading}`, 'mu'));
    }
  });

  it('docs/rules/README.md lists it with the same severity and description', () => {
    const row = rulesIndex.split('\n').find((line) => line.startsWith(`| [\`${id}\`](${id}.md) | `));
    expect(row, `docs/rules/README.md : pas de ligne pour ${id}`).toBeDefined();
    const [, severity, description] = row!.split(' | ');
    expect(severity?.startsWith(severityLabel[rule.meta.severity])).toBe(true);
    expect(description?.replace(/ \|$/u, '')).toBe(rule.meta.description);
  });

  it('has its test file', () => {
    expect(existsSync(path.join(root, `test/rules/${id}.test.ts`))).toBe(true);
  });
});
