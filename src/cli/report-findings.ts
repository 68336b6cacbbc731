/** Shared by `check` and `build`: the findings of the checked sessions, printed in the asked format. */
import type { VFile } from 'vfile';
import type { RuleMeta } from '../check/index.js';
import type { CommonOptions } from '../pipeline/options.js';
import type { CheckedSessions } from '../pipeline/sessions.js';
import type { BuildNotice } from '../pipeline/index.js';
import { noticeText } from './notices.js';
import { exitCode, formatNames, formatReport, isFormatName, onlyErrors } from '../report/index.js';
import { UsageError } from '../util/errors.js';

/** Refuses an unknown --format before anything is read. */
export function assertFormat(options: CommonOptions): void {
  if (!isFormatName(options.format)) {
    throw new UsageError(`Format inconnu : « ${options.format} ». Formats : ${formatNames.join(', ')}.`);
  }
}

/** A note of the pipeline on stderr, in French (cli/notices.ts). */
export function writeNotice(notice: BuildNotice): void {
  process.stderr.write(`${noticeText(notice)}\n`);
}

/**
 * Problems inside an organisation file are reported on that file (the parser attaches it to each session that uses
 * it, as `file.data.organisationFile`): show each such file once, after the sessions.
 */
function withOrganisationFiles(files: VFile[]): VFile[] {
  const all = [...files];
  const seen = new Set<string>();
  for (const file of files) {
    const organisation = file.data.organisationFile;
    if (!organisation || organisation.messages.length === 0 || seen.has(organisation.path)) continue;
    seen.add(organisation.path);
    all.push(organisation);
  }
  return all;
}

/**
 * The rules a format lists besides the findings: SARIF lists every rule minutier has, the other formats none.
 * Loaded for that format only, so that a build with nothing to check does not load the rules.
 */
export async function reportRules(format: string): Promise<RuleMeta[]> {
  if (format !== 'sarif') return [];
  const { allRules } = await import('../check/rules/index.js');
  return allRules.map((rule) => rule.meta);
}

/** Prints the report of the checked sessions (`rules`: reportRules); resolves to the check's exit code. */
export function printReport(
  options: CommonOptions,
  checked: CheckedSessions,
  write: (text: string) => void,
  rules: RuleMeta[],
): 0 | 1 {
  const reported = withOrganisationFiles(checked.files);
  const shown = options.quiet ? onlyErrors(reported) : reported;
  const report = formatReport(options.format, shown, { cwd: checked.cwd, rules });
  if (report) write(report.endsWith('\n') ? report : `${report}\n`);
  const exitOptions: { quiet: boolean; maxWarnings?: number } = { quiet: options.quiet };
  if (options.maxWarnings !== undefined) exitOptions.maxWarnings = options.maxWarnings;
  return exitCode(reported, exitOptions);
}
