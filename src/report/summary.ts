/**
 * Counts and exit code, the ESLint way: 0 when there is no error (and no more warnings than allowed), 1 otherwise.
 * Exit code 2 (crash, bad configuration) belongs to the CLI, which never reaches the report in that case.
 */
import type { VFile } from 'vfile';
import { levelOf, withMessages } from './findings.js';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  total: number;
}

export interface ExitOptions {
  /** Exit 1 when there are more warnings than this (ESLint's `--max-warnings`); unlimited when absent or negative. */
  maxWarnings?: number;
  /** Only errors count (`--quiet`): warnings never fail the run. */
  quiet?: boolean;
}

export function countFindings(files: VFile[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, total: 0 };
  for (const file of files) {
    for (const message of file.messages) {
      const level = levelOf(message);
      if (level === 'error') counts.errors += 1;
      else if (level === 'warning') counts.warnings += 1;
      else counts.infos += 1;
      counts.total += 1;
    }
  }
  return counts;
}

export function exitCode(files: VFile[], options: ExitOptions = {}): 0 | 1 {
  const counts = countFindings(files);
  if (counts.errors > 0) return 1;
  if (options.quiet) return 0;
  const max = options.maxWarnings;
  if (typeof max === 'number' && max >= 0 && counts.warnings > max) return 1;
  return 0;
}

/** Copies of the files that keep only their errors (`--quiet`); the files given are not changed. */
export function onlyErrors(files: VFile[]): VFile[] {
  return files.map((file) =>
    withMessages(
      file,
      file.messages.filter((message) => levelOf(message) === 'error'),
    ),
  );
}

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count > 1 ? pluralForm : singular}`;
}

/** « 2 erreurs, 1 avertissement, 0 information » — or « Aucun constat. » */
export function countsSentence(counts: Counts): string {
  if (counts.total === 0) return 'Aucun constat.';
  return [
    plural(counts.errors, 'erreur', 'erreurs'),
    plural(counts.warnings, 'avertissement', 'avertissements'),
    plural(counts.infos, 'information', 'informations'),
  ].join(', ');
}

/** Why the run fails, in French, or undefined when it passes (for the CLI's last line). */
export function exitReason(files: VFile[], options: ExitOptions = {}): string | undefined {
  const counts = countFindings(files);
  if (counts.errors > 0) return `Échec : ${plural(counts.errors, 'erreur', 'erreurs')} à corriger.`;
  const max = options.maxWarnings;
  if (!options.quiet && typeof max === 'number' && max >= 0 && counts.warnings > max) {
    return `Échec : ${plural(counts.warnings, 'avertissement', 'avertissements')}, plus que le maximum autorisé (${max}).`;
  }
  return undefined;
}
