import type { CommonOptions } from '../pipeline/options.js';
import { checkSessions } from '../pipeline/sessions.js';
import { assertFormat, printReport, reportRules, writeNotice } from './report-findings.js';

export async function checkCommand(options: CommonOptions): Promise<number> {
  assertFormat(options);
  const checked = await checkSessions(options, { onNotice: writeNotice });
  return printReport(options, checked, (text) => process.stdout.write(text), await reportRules(options.format));
}
