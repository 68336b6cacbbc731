/**
 * `minutier export [fichiers ou dossiers…] --format json`: prints the checked session model as JSON
 * (src/publish/export-json.ts, schema docs/schema/session.schema.json). Exit code 1 when a file could not be read as a
 * session, 0 otherwise: findings are data here, not failures.
 */
import type { CommonOptions } from '../pipeline/options.js';
import { checkFiles } from '../pipeline/check-files.js';
import { loadRunConfig, selectSessions } from '../pipeline/sessions.js';
import { exportJson } from '../publish/export-json.js';
import { UsageError } from '../util/errors.js';
import { writeNotice } from './report-findings.js';

export async function exportCommand(options: CommonOptions, format: string | undefined): Promise<number> {
  if ((format ?? 'json') !== 'json')
    throw new UsageError(`export : format « ${format} » inconnu ; le seul format est json.`);
  const cwd = process.cwd();
  const config = await loadRunConfig(cwd);
  const sessions = await selectSessions(options, cwd, writeNotice);
  const files = await checkFiles(sessions, { config, cwd });
  process.stdout.write(exportJson(files));
  return files.some((file) => !file.data.session) ? 1 : 0;
}
