import { checkAndReport } from './report-findings.js';
import type { CommonOptions } from './main.js';

export async function checkCommand(options: CommonOptions): Promise<number> {
  const { exitCode } = await checkAndReport(options, (text) => process.stdout.write(text));
  return exitCode;
}
