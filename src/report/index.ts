/**
 * The report stage: findings (vfile messages) shown where reviewers look — the terminal, GitHub annotations and step
 * summary, code scanning (SARIF), reviewdog. Every formatter is `(files, options) => string`; the CLI prints the string.
 */
import type { VFile } from 'vfile';
import { github, type GithubOptions } from './github.js';
import { json, type JsonOptions } from './json.js';
import { rdjsonl, type RdjsonlOptions } from './rdjsonl.js';
import { sarif, type SarifOptions } from './sarif.js';
import { stylish, type StylishOptions } from './stylish.js';

export const formatNames = ['stylish', 'json', 'github', 'sarif', 'rdjsonl'] as const;
export type FormatName = (typeof formatNames)[number];
export const defaultFormat: FormatName = 'stylish';

/** The `minutier` subcommands and `check` flags the report stage and the CI workflow rely on. */
export const cliSubcommands = ['check', 'build'] as const;
export const checkFlags = ['--format', '--changed-since', '--max-warnings', '--quiet'] as const;

export type ReportOptions = StylishOptions & JsonOptions & GithubOptions & SarifOptions & RdjsonlOptions;

export type Formatter = (files: VFile[], options?: ReportOptions) => string;

export const formatters: Record<FormatName, Formatter> = { stylish, json, github, sarif, rdjsonl };

export function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}

export function formatReport(name: string, files: VFile[], options: ReportOptions = {}): string {
  if (!isFormatName(name)) {
    throw new Error(`Format de rapport inconnu : « ${name} ». Formats possibles : ${formatNames.join(', ')}.`);
  }
  return formatters[name](files, options);
}

export { changedSessions, type ChangedSessions, type ChangedSessionsOptions } from './changed-since.js';
export {
  countFindings,
  countsSentence,
  exitCode,
  exitReason,
  onlyErrors,
  type Counts,
  type ExitOptions,
} from './summary.js';
export { escapeData, escapeProperty, GITHUB_ANNOTATION_LIMIT, selectAnnotations, stepSummary } from './github.js';
export { findingHash, sarifLog, FINGERPRINT_KEY, type ReportRule } from './sarif.js';
export { byteColumn, rdDiagnostics, type RdDiagnostic } from './rdjsonl.js';
export { github, json, rdjsonl, sarif, stylish };
