import path from 'node:path';
import type { BuildOptions } from '../pipeline/options.js';
import type { BuildResult } from '../pipeline/index.js';
import { Progress } from './progress.js';
import { assertFormat, printReport, reportRules, writeNotice } from './report-findings.js';

/** The build's last line: what was written where, what was up to date, what was not produced. */
function summary(counts: BuildResult): string {
  const where = path.relative(process.cwd(), counts.outDir) || '.';
  const parts = [
    `${counts.sessions} séance${counts.sessions > 1 ? 's' : ''}`,
    `${counts.written} fichier${counts.written > 1 ? 's' : ''} écrit${counts.written > 1 ? 's' : ''} dans ${where}/`,
  ];
  if (counts.upToDate > 0) parts.push(`${counts.upToDate} déjà à jour`);
  if (counts.failures > 0) parts.push(`${counts.failures} non produite${counts.failures > 1 ? 's' : ''}`);
  return `${counts.failures > 0 ? '✗' : '✓'} ${parts.join(', ')}.`;
}

export async function buildCommand(options: BuildOptions): Promise<number> {
  assertFormat(options);
  const { build } = await import('../pipeline/index.js');
  const rules = await reportRules(options.format);
  const progress = new Progress();
  const result = await build(options, {
    onChecked: (checked) => printReport(options, checked, (text) => process.stdout.write(text), rules),
    onNotice: writeNotice,
    progress,
  });
  progress.say(summary(result));
  return result.failures > 0 ? 1 : 0;
}
