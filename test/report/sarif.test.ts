import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, formatReport, sarifLog, type ReportRule } from '../../src/report/index.js';
import { addFinding, session, TABLE_SOURCE, tableFile } from './fixtures.js';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM/NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

const schema = JSON.parse(
  readFileSync(new URL('./schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const RULES: ReportRule[] = [
  {
    id: 'table-total-row',
    description: 'La ligne de total d’un tableau est la somme des lignes.',
    severity: 'error',
    docs: 'docs/rules/table-total-row.md',
  },
  {
    id: 'attendance-row-voices',
    description: 'Les voix de chaque ligne de présence suivent l’organisme.',
    severity: 'warn',
    docs: 'docs/rules/attendance-row-voices.md',
  },
  {
    id: 'quorum-info',
    description: 'Le calcul du quorum, pour information.',
    severity: 'info',
    docs: 'docs/rules/quorum-info.md',
  },
];

function parse(files = [tableFile()]) {
  return JSON.parse(formatReport('sarif', files, { rules: RULES, toolVersion: '0.1.0' })) as ReturnType<
    typeof sarifLog
  >;
}

describe('sarif formatter', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    const accented = session(
      'sessions/2023-03-15 séance extraordinaire.md',
      'Présents : 12\nÉlus : DECLE Paul-Eric\n',
      [
        {
          reason: 'Nom mal orthographié.',
          ruleId: 'unknown-delegate',
          at: [2, 8, 2, 23],
          level: 'warning',
          suggestion: 'DECLÉ Paul-Éric',
        },
        { reason: 'Quorum atteint : 12 présents sur 20.', ruleId: 'quorum-info', at: [1, 1], level: 'info' },
      ],
    );
    const parse = session('sessions/broken.md', '---\nfoo: [\n');
    parse.message('YAML invalide', { line: 2, column: 6 }).fatal = true; // no ruleId
    const log = JSON.parse(formatReport('sarif', [tableFile(), accented, parse], { rules: RULES })) as object;
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema is really enforced: a level SARIF does not know is rejected.
    const broken = structuredClone(log) as { runs: Array<{ results: Array<{ level: string }> }> };
    broken.runs[0]!.results[0]!.level = 'info';
    expect(validate(broken)).toBe(false);
  });

  it('an empty run is valid too, and still lists every rule', () => {
    const log = parse([session('sessions/ok.md', 'ok\n')]);
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules!.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
  });

  it('describes the tool and every known rule with its level and help URI', () => {
    const log = parse();
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('minutier');
    expect(driver.semanticVersion).toBe('0.1.0');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules).toEqual([
      {
        id: 'table-total-row',
        shortDescription: { text: 'La ligne de total d’un tableau est la somme des lignes.' },
        helpUri: 'https://github.com/minutier/minutier/blob/main/docs/rules/table-total-row.md',
        defaultConfiguration: { level: 'error' },
      },
      expect.objectContaining({ id: 'attendance-row-voices', defaultConfiguration: { level: 'warning' } }),
      expect.objectContaining({ id: 'quorum-info', defaultConfiguration: { level: 'note' } }),
    ]);
  });

  it('reports each finding with rule index, level, French message and a %SRCROOT%-relative region', () => {
    const result = parse().runs[0]!.results![0]!;
    expect(result.ruleId).toBe('table-total-row');
    expect(result.ruleIndex).toBe(0);
    expect(result.level).toBe('error');
    expect(result.message.text).toContain('2 133,85 + 562 480,90 = 564 614,75, et non 564 641,75');
    expect(result.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'sessions/2022-06-28-comite-syndical.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 9, startColumn: 11, endLine: 9, endColumn: 21 },
        },
      },
    ]);
  });

  it('adds a descriptor for rules that reported without being listed, so ruleIndex always points at one', () => {
    const file = session('sessions/a.md', 'x\n', [
      { reason: 'r', ruleId: 'plugin-rule', at: [1, 1], level: 'warning' },
    ]);
    const log = parse([file]);
    const rules = log.runs[0]!.tool.driver.rules!;
    const result = log.runs[0]!.results![0]!;
    expect(rules[result.ruleIndex!]!.id).toBe('plugin-rule');
  });

  it('percent-encodes file names that are not plain ASCII, with forward slashes', () => {
    const file = session('sessions/séance 1.md', 'x\n', [{ reason: 'r', ruleId: 'r', at: [1, 1] }]);
    const uri = parse([file]).runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri;
    expect(uri).toBe('sessions/s%C3%A9ance%201.md');
  });

  it('keeps the same fingerprints when lines are inserted above the finding', () => {
    const before = parse([tableFile()]).runs[0]!.results![0]!;
    const shifted = TABLE_SOURCE.replace('| Chapitre |', 'Le comité a examiné le tableau suivant.\n\n| Chapitre |');
    const after = parse([tableFile(undefined, shifted)]).runs[0]!.results![0]!;
    expect(after.locations![0]!.physicalLocation!.region!.startLine).toBe(
      before.locations![0]!.physicalLocation!.region!.startLine! + 2,
    );
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
    expect(Object.keys(before.partialFingerprints!)).toContain(FINGERPRINT_KEY);
  });

  it('ignores line numbers written in the reason, but not the amounts', () => {
    const make = (reason: string, line: number) =>
      parse([session('sessions/a.md', 'a\nb\nc\nd\n', [{ reason, ruleId: 'r', at: [line, 1, line, 2] }])]).runs[0]!
        .results![0]!.partialFingerprints;
    const lineA = make('Vote en double (déjà compté ligne 1).', 3);
    const lineB = make('Vote en double (déjà compté ligne 2).', 4);
    // Lines 3 and 4 hold different text: give both the same text to isolate the reason.
    const same = (reason: string) =>
      parse([session('sessions/a.md', 'x\n', [{ reason, ruleId: 'r', at: [1, 1, 1, 2] }])]).runs[0]!.results![0]!
        .partialFingerprints;
    expect(same('Vote en double (déjà compté ligne 1).')).toEqual(same('Vote en double (déjà compté ligne 7).'));
    expect(same('Total : 12 voix.')).not.toEqual(same('Total : 13 voix.'));
    expect(lineA).not.toEqual(lineB); // different offending text
  });

  it('changes the fingerprint when the offending text or the file changes', () => {
    const base = parse([tableFile()]).runs[0]!.results![0]!.partialFingerprints;
    const otherFile = parse([tableFile('sessions/autre.md')]).runs[0]!.results![0]!.partialFingerprints;
    const otherText = parse([tableFile(undefined, TABLE_SOURCE.replace('564 641,75', '564 614,70'))]).runs[0]!
      .results![0]!.partialFingerprints;
    expect(otherFile).not.toEqual(base);
    expect(otherText).not.toEqual(base);
  });

  it('numbers identical findings in one file so their fingerprints differ', () => {
    const file = session('sessions/a.md', 'même\nmême\n');
    addFinding(file, { reason: 'Doublon.', ruleId: 'dup', at: [1, 1, 1, 5] });
    addFinding(file, { reason: 'Doublon.', ruleId: 'dup', at: [2, 1, 2, 5] });
    const [first, second] = parse([file]).runs[0]!.results!;
    expect(first!.partialFingerprints).not.toEqual(second!.partialFingerprints);
  });
});
