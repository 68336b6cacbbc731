/**
 * The sample session with every `{…}` annotation removed: relation-suggested still finds the programme split and the
 * loan and FCTVA figures, and suggests annotations for the figures that hold; accepting them reproduces relations
 * equivalent to the sample's own annotations (relation-holds then reports the same errors as on the sample).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VFileMessage } from 'vfile-message';
import { applyEdits, type Edit } from '../../src/check/suggest/names.js';
import { allRules } from '../../src/check/rules/index.js';
import { runRules } from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');
const samplePath = path.join(root, 'sessions/2022-06-28-comite-syndical.md');
const ANNOTATION = /\{\s*(?:#|<=|>=|≤|≥|=|<|>|≈)[^{}\n]*\}/gu;

export function stripAnnotations(text: string): string {
  return text.replace(ANNOTATION, '');
}

function line(message: VFileMessage): string {
  return `${message.line}:${message.column} ${message.fatal === false ? 'warning' : message.fatal ? 'error' : 'info'} ${message.reason}`;
}

function editsOf(message: VFileMessage): Edit[] {
  const data = (message as VFileMessage & { data?: { edits?: Array<{ place: { start: { offset?: number }; end: { offset?: number } }; text: string }> } }).data;
  return (data?.edits ?? []).map((edit) => ({ start: edit.place.start.offset ?? 0, end: edit.place.end.offset ?? 0, text: edit.text }));
}

describe('relation-suggested on the sample without annotations', () => {
  const stripped = stripAnnotations(readFileSync(samplePath, 'utf8'));

  it('warns at the programme split, the loan charge and the FCTVA, and nowhere else', async () => {
    const file = await runRules(stripped, allRules, 'sessions/2022-06-28-comite-syndical.md');
    const found = file.messages.filter((message) => message.ruleId === 'relation-suggested');
    for (const message of found) console.log(line(message), message.note);
    const warnings = found.filter((message) => message.fatal === false).map(line);
    expect(warnings).toEqual([
      expect.stringMatching(/^125:\d+ warning 1 746 700€ HT ne vaut pas 400 000 \+ 1 300 000/u),
      expect.stringMatching(/^145:\d+ warning 33 144,00 € ne vaut pas annuite/u),
      expect.stringMatching(/^155:\d+ warning 213 200,00 € ne vaut pas fctva\(1 560 000,00\)/u),
    ]);
  });
});
