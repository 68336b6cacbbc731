/**
 * Tests generated from a rule's documentation, like remark-lint's: each `### Correct` example must produce no finding
 * of the rule, each `### Incorrect` example exactly the findings listed after it, as
 * `line:column-line:column  message  rule-id`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { checkSession } from '../../src/check/engine.js';
import type { Rule } from '../../src/check/rule.js';
import { allRules } from '../../src/check/rules/index.js';
import { parseSession } from '../../src/parse/parse-session.js';

export interface DocExample {
  kind: 'ok' | 'not-ok';
  title: string;
  source: string;
  expected: string[];
  /** Line of the example in the doc, for failure messages. */
  line: number;
}

const root = path.resolve(import.meta.dirname, '../..');

/** The examples of a rule's documentation: fenced `markdown` blocks under `### Correct…` / `### Incorrect…` headings. */
export function parseRuleDoc(text: string): DocExample[] {
  const lines = text.split('\n');
  const examples: DocExample[] = [];
  let section: { kind: 'ok' | 'not-ok'; title: string } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = /^#{2,4}\s+(Correct|Incorrect)\b(.*)$/u.exec(line);
    if (heading) {
      section = { kind: heading[1] === 'Correct' ? 'ok' : 'not-ok', title: `${heading[1]}${heading[2]}`.trim() };
      continue;
    }
    if (/^#{1,3}\s/u.test(line)) {
      section = undefined;
      continue;
    }
    const fence = /^(`{3,}|~{3,})\s*(\w+)?\s*$/u.exec(line);
    if (!fence || !section) continue;
    const close = lines.findIndex((candidate, at) => at > index && candidate.trim() === fence[1]);
    if (close < 0) throw new Error(`Bloc non fermé ligne ${index + 1}`);
    const body = lines.slice(index + 1, close).join('\n');
    if (fence[2] === 'markdown') {
      examples.push({ kind: section.kind, title: section.title, source: `${body}\n`, expected: [], line: index + 1 });
    } else if (fence[2] === 'text' && examples.length && examples.at(-1)!.kind === 'not-ok') {
      examples.at(-1)!.expected.push(...body.split('\n').filter((entry) => entry.trim()));
    }
    index = close;
  }
  return examples;
}

/** Parses a session given as text and runs the given rules on it; returns the file with all its messages. */
export async function runRules(source: string, rules: Rule[], filePath = 'sessions/exemple.md'): Promise<VFile> {
  const file = new VFile({ path: filePath, value: source, cwd: root });
  const session = await parseSession(file);
  if (session) checkSession(session, file, { rules });
  return file;
}

/** `line:column-line:column  message  rule-id`, as the docs write it. */
export function formatMessage(message: VFileMessage): string {
  const start = message.place && 'start' in message.place ? message.place.start : message.place;
  const end = message.place && 'end' in message.place ? message.place.end : undefined;
  const where = `${start?.line ?? 1}:${start?.column ?? 1}${end ? `-${end.line}:${end.column}` : ''}`;
  return `${where}  ${message.reason}  ${message.ruleId}`;
}

export function ruleById(ruleId: string): Rule {
  const rule = allRules.find((candidate) => candidate.meta.id === ruleId);
  if (!rule) throw new Error(`Règle inconnue : ${ruleId}`);
  return rule;
}

/** Declares the tests of a rule's documentation. */
export function testRuleDocs(ruleId: string): void {
  const docPath = path.join(root, 'docs/rules', `${ruleId}.md`);
  const text = readFileSync(docPath, 'utf8');
  const examples = parseRuleDoc(text);
  const rule = ruleById(ruleId);
  describe(`docs/rules/${ruleId}.md`, () => {
    it('has a French description, ok and not-ok examples, and metadata pointing to it', () => {
      expect(rule.meta.docs).toBe(`docs/rules/${ruleId}.md`);
      expect(text.startsWith(`# ${ruleId}`)).toBe(true);
      expect(examples.some((example) => example.kind === 'ok')).toBe(true);
      expect(examples.some((example) => example.kind === 'not-ok' && example.expected.length > 0)).toBe(true);
    });
    for (const example of examples) {
      it(`${example.title} (ligne ${example.line})`, async () => {
        const file = await runRules(example.source, [rule]);
        const parseErrors = file.messages.filter((message) => message.ruleId !== ruleId && message.fatal);
        expect(parseErrors.map(formatMessage), 'l’exemple doit se lire sans erreur').toEqual([]);
        const found = file.messages.filter((message) => message.ruleId === ruleId).map(formatMessage);
        expect(found).toEqual(example.kind === 'ok' ? [] : example.expected);
      });
    }
  });
}
