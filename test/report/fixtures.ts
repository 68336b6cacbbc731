/** Findings built the way the check engine builds them: vfile messages on files whose path is repository-relative. */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export const DOCS = 'https://github.com/minutier/minutier/blob/main/docs/rules/';

export interface FindingSpec {
  reason: string;
  ruleId: string;
  /** [startLine, startColumn, endLine, endColumn] (vfile columns: UTF-16, 1-based) or [line, column]. */
  at: [number, number, number, number] | [number, number];
  level?: 'error' | 'warning' | 'info';
  note?: string;
  expected?: string[];
  actual?: string;
  suggestion?: string;
}

export function session(path: string, value: string, findings: FindingSpec[] = []): VFile {
  const file = new VFile({ path, value });
  for (const spec of findings) addFinding(file, spec);
  return file;
}

export function addFinding(file: VFile, spec: FindingSpec): VFileMessage {
  const place =
    spec.at.length === 4
      ? { start: { line: spec.at[0], column: spec.at[1] }, end: { line: spec.at[2], column: spec.at[3] } }
      : { line: spec.at[0], column: spec.at[1] };
  const message = file.message(spec.reason, { place, ruleId: spec.ruleId, source: 'minutier' });
  const level = spec.level ?? 'error';
  message.fatal = level === 'error' ? true : level === 'warning' ? false : undefined;
  message.url = `${DOCS}${spec.ruleId}.md`;
  if (spec.note) message.note = spec.note;
  if (spec.expected) message.expected = spec.expected;
  if (spec.actual !== undefined) message.actual = spec.actual;
  (message as VFileMessage & { data?: unknown }).data = {
    ...(spec.suggestion !== undefined ? { suggestion: spec.suggestion } : {}),
    rule: {
      id: spec.ruleId,
      description: `Règle ${spec.ruleId}.`,
      severity: level === 'warning' ? 'warn' : level,
      docs: `docs/rules/${spec.ruleId}.md`,
    },
  };
  return message;
}

/** The reference PV's table total, with the arithmetic error the check engine reports. */
export const TABLE_SOURCE = [
  '---',
  'organisation: somme-numerique',
  '---',
  '',
  '| Chapitre | Montant |',
  '| --- | --- |',
  '| Fonctionnement | 2 133,85 € |',
  '| Investissement | 562 480,90 € |',
  '| Total | 564 641,75 € |',
  '',
].join('\n');

export function tableFile(path = 'sessions/2022-06-28-comite-syndical.md', source = TABLE_SOURCE): VFile {
  const lines = source.split('\n');
  const line = lines.findIndex((text) => text.startsWith('| Total')) + 1;
  const text = lines[line - 1]!;
  const column = text.indexOf('564 641,75') + 1;
  return session(path, source, [
    {
      reason: 'Le total du tableau ne correspond pas à la somme des lignes.',
      ruleId: 'table-total-row',
      at: [line, column, line, column + '564 641,75'.length],
      note: '2 133,85 + 562 480,90 = 564 614,75, et non 564 641,75',
      expected: ['564 614,75'],
      actual: '564 641,75',
      suggestion: '564 614,75',
    },
  ]);
}
