/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
 * GitHub shows at most 10 errors, 10 warnings and 10 notices per step and silently drops the rest, so the most
 * important are printed first, at most 10 per level, and one last notice says how many were left out. The full list
 * goes to the step summary (a Markdown table) when `GITHUB_STEP_SUMMARY` is set.
 */
import { appendFileSync } from 'node:fs';
import type { VFile } from 'vfile';
import {
  byImportance,
  detailLines,
  fullText,
  inFileOrder,
  LEVEL_LABEL_FR,
  levelOf,
  rangeOf,
  repoPath,
  type Level,
  type Located,
} from './findings.js';
import { countFindings, countsSentence } from './summary.js';

/** GitHub's own limit per level and per step. */
export const GITHUB_ANNOTATION_LIMIT = 10;

export interface GithubOptions {
  /** Base for absolute file paths (default: process.cwd()). */
  cwd?: string;
  /** Where `GITHUB_STEP_SUMMARY` is read (default: process.env). */
  env?: Record<string, string | undefined>;
}

const COMMAND: Record<Level, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a command's message (toolkit/core `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values (toolkit/core `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function github(files: VFile[], options: GithubOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const { shown, omitted } = selectAnnotations(files);
  const lines = shown.map((entry) => annotation(entry, cwd));
  if (omitted > 0) lines.push(`::notice title=minutier::${escapeData(omittedSentence(omitted, files))}`);

  const summaryPath = (options.env ?? process.env).GITHUB_STEP_SUMMARY;
  if (summaryPath) appendFileSync(summaryPath, stepSummary(files, cwd), 'utf8');

  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * The annotations GitHub will display: up to 10 errors, 10 warnings and 10 notices, most important first. When some
 * must be left out, one notice slot is kept for the sentence that says so.
 */
export function selectAnnotations(files: VFile[]): { shown: Located[]; omitted: number } {
  const ordered = byImportance(files);
  const perLevel: Record<Level, Located[]> = { error: [], warning: [], info: [] };
  for (const entry of ordered) perLevel[levelOf(entry.message)].push(entry);

  const errors = perLevel.error.slice(0, GITHUB_ANNOTATION_LIMIT);
  const warnings = perLevel.warning.slice(0, GITHUB_ANNOTATION_LIMIT);
  const overflow =
    perLevel.error.length - errors.length + (perLevel.warning.length - warnings.length) > 0 ||
    perLevel.info.length > GITHUB_ANNOTATION_LIMIT;
  const infos = perLevel.info.slice(0, overflow ? GITHUB_ANNOTATION_LIMIT - 1 : GITHUB_ANNOTATION_LIMIT);
  const shown = [...errors, ...warnings, ...infos];
  return { shown, omitted: ordered.length - shown.length };
}

function annotation(entry: Located, cwd: string): string {
  const { file, message } = entry;
  const properties: string[] = [];
  const filePath = repoPath(file, cwd);
  if (filePath) properties.push(`file=${escapeProperty(filePath)}`);
  const range = rangeOf(message);
  if (filePath && range) {
    properties.push(`line=${range.start.line}`, `col=${range.start.column}`);
    if (range.end) properties.push(`endLine=${range.end.line}`, `endColumn=${range.end.column}`);
  }
  if (message.ruleId) properties.push(`title=${escapeProperty(message.ruleId)}`);
  const head = `::${COMMAND[levelOf(message)]}${properties.length > 0 ? ` ${properties.join(',')}` : ''}`;
  return `${head}::${escapeData(fullText(message))}`;
}

function omittedSentence(omitted: number, files: VFile[]): string {
  const counts = countFindings(files);
  const more = omitted > 1 ? `${omitted} constats de plus ne sont pas annotés` : '1 constat de plus n’est pas annoté';
  return (
    `minutier : ${more} (GitHub n’affiche que ${GITHUB_ANNOTATION_LIMIT} annotations par niveau). ` +
    `En tout : ${countsSentence(counts)}. La liste complète est dans le résumé de l’étape et dans la sortie de ` +
    '`npx minutier check`.'
  );
}

/** Markdown cell: pipes escaped, line breaks as <br>. */
export function markdownCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\n|\r/g, '<br>')
    .trim();
}

/** The full list of findings as a Markdown table, for `$GITHUB_STEP_SUMMARY`. */
export function stepSummary(files: VFile[], cwd: string = process.cwd()): string {
  const counts = countFindings(files);
  const lines = ['## minutier : vérification des procès-verbaux', '', countsSentence(counts), ''];
  if (counts.total > 0) {
    lines.push(
      '| Fichier:ligne | Niveau | Règle | Message | Attendu | Constaté |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const { file, message } of inFileOrder(files)) {
      const range = rangeOf(message);
      const where = `${repoPath(file, cwd)}${range ? `:${range.start.line}` : ''}`;
      const rule = message.ruleId ? (message.url ? `[${message.ruleId}](${message.url})` : message.ruleId) : '';
      const details = detailLines(message).filter((line) => !/^(Attendu|Constaté) :/.test(line));
      const text = [message.reason, ...details].join('\n');
      const expected = message.expected?.join(' ou ') ?? '';
      const actual = message.actual ?? '';
      lines.push(
        `| ${[where, LEVEL_LABEL_FR[levelOf(message)], rule, text, expected, actual].map(markdownCell).join(' | ')} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
