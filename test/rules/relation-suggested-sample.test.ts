/**
 * The sample session with every `{…}` annotation removed: relation-suggested still finds the programme split and the
 * loan and FCTVA figures, and suggests annotations for the figures that hold; accepting them reproduces relations
 * equivalent to the sample's own annotations (relation-holds then reports the same errors as on the sample).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VFileMessage } from 'vfile-message';
import { editsOf } from '../../src/check/suggest/fix.js';
import { applyEdits } from '../../src/check/suggest/names.js';
import { allRules } from '../../src/check/rules/index.js';
import { rdDiagnostics } from '../../src/report/rdjsonl.js';
import { sarifLog } from '../../src/report/sarif.js';
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

describe('relation-suggested on the sample without annotations', () => {
  const stripped = stripAnnotations(readFileSync(samplePath, 'utf8'));

  it('warns at the programme split, the loan charge and the FCTVA, and nowhere else', async () => {
    const file = await runRules(stripped, allRules, 'sessions/2022-06-28-comite-syndical.md');
    const found = file.messages.filter((message) => message.ruleId === 'relation-suggested');
    const warnings = found.filter((message) => message.fatal === false).map(line);
    expect(warnings).toEqual([
      expect.stringMatching(/^125:\d+ warning 1 746 700€ HT ne vaut pas 400 000 \+ 1 300 000/u),
      expect.stringMatching(/^145:\d+ warning 33 144,00 € ne vaut pas annuite/u),
      expect.stringMatching(/^155:\d+ warning 213 200,00 € ne vaut pas fctva\(1 560 000,00\)/u),
    ]);
  });

  it('suggests annotations whose acceptance declares the relations the sample declares by hand', async () => {
    const file = await runRules(stripped, allRules, 'sessions/2022-06-28-comite-syndical.md');
    const infos = file.messages.filter(
      (message) => message.ruleId === 'relation-suggested' && message.fatal === undefined,
    );
    // The figures of the sample that hold, each suggested once (docs/rules/relation-suggested.md counts them).
    expect(infos.map((message) => message.line)).toEqual([
      107, 133, 140, 141, 144, 147, 153, 154, 157, 173, 185, 195, 314, 336, 338,
    ]);
    const { text } = applyEdits(stripped, infos.flatMap(editsOf));
    // Only annotations were written: removing them gives the stripped text back, number for number.
    expect(stripAnnotations(text)).toBe(stripped);
    const fixed = await runRules(text, allRules, 'sessions/2022-06-28-comite-syndical.md');
    const relationFindings = fixed.messages.filter((message) =>
      /^(relation-|parse-annotation)/u.test(message.ruleId ?? ''),
    );
    // Every accepted relation holds; nothing is suggested twice; the three warnings stay.
    expect(relationFindings.filter((message) => message.ruleId !== 'relation-suggested').map(line)).toEqual([]);
    expect(relationFindings.filter((message) => message.fatal === undefined).map(line)).toEqual([]);
    expect(relationFindings.map((message) => message.line)).toEqual([125, 145, 155]);
    // The relations the sample declares and that hold are declared again (under other names).
    const declared = (lineNumber: number) => text.split('\n')[lineNumber - 1] ?? '';
    expect(declared(107)).toMatch(/564 614,75 €\{#\w+ = \w+ \+ \w+\}/u); // excédent = 1068 + 002
    expect(declared(147)).toMatch(/1 560 000€ TTC\{#\w+ = ttc\(\w+\)\}/u); // TTC
    expect(declared(157)).toMatch(/1 146 800,00 €\{#\w+ = \w+ - \w+ - \w+\}/u); // emprunt = TTC − FCTVA − FNADT
    expect(declared(314)).toMatch(/43 792\{#\w+ = \w+ \+ \w+\}/u); // élèves = membres + non membres
    expect(declared(336)).toMatch(/7,37\{= \w+ \/ \w+\}/u); // coût par élève
    expect(declared(195)).toMatch(/562 480,90\{= \w+\}/u); // le solde reporté, repris au budget supplémentaire
    expect(declared(173)).toMatch(/1 400 000€ HT\{#\w+ >= somme\(\w+; \w+; \w+\)\}/u); // les lots dans l'estimation
    expect(declared(185)).toMatch(/1 400 000€ HT\{= \w+\}/u); // l'estimation reprise
  });

  it('carries the suggestions to reviewdog (rdjsonl suggestions) and code scanning (SARIF fixes)', async () => {
    const file = await runRules(stripped, allRules, 'sessions/2022-06-28-comite-syndical.md');
    const perPupil = rdDiagnostics([file], { cwd: root }).find(
      (diagnostic) => diagnostic.location.range?.start.line === 336 && diagnostic.code?.value === 'relation-suggested',
    );
    expect(perPupil?.severity).toBe('INFO');
    // Insertions: empty ranges right after each number, the relation on the 7,37 (reviewdog counts UTF-8 bytes: the
    // accents before it on the line make column 69 the 74th byte).
    expect(perPupil?.suggestions?.at(-1)).toEqual({
      range: { start: { line: 336, column: 74 }, end: { line: 336, column: 74 } },
      text: expect.stringMatching(/^\{= \w+ \/ \w+\}$/u),
    });
    const log = sarifLog([file], { cwd: root });
    const result = log.runs[0]!.results!.find(
      (entry) =>
        entry.ruleId === 'relation-suggested' && entry.locations?.[0]?.physicalLocation?.region?.startLine === 336,
    );
    const replacements = result?.fixes?.[0]?.artifactChanges[0]?.replacements ?? [];
    expect(replacements.at(-1)).toEqual({
      deletedRegion: { startLine: 336, startColumn: 69, endLine: 336, endColumn: 69 },
      insertedContent: { text: expect.stringMatching(/^\{= \w+ \/ \w+\}$/u) },
    });
    // Warnings carry no fix: the number the assembly voted is never rewritten.
    const warning = log.runs[0]!.results!.find(
      (entry) => entry.ruleId === 'relation-suggested' && entry.level === 'warning',
    );
    expect(warning?.fixes).toBeUndefined();
  });
});
