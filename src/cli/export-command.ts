/**
 * `minutier export [fichiers ou dossiers…] --format json`: prints the checked session model as JSON
 * (src/publish/export-json.ts, schema docs/schema/session.schema.json). Exit code 1 when a file could not be read as a
 * session, 0 otherwise: findings are data here, not failures.
 */
import { checkFiles, loadConfig } from '../check/index.js';
import { exportJson } from '../publish/export-json.js';
import { selectSessions } from './report-findings.js';
import { UsageError, type CommonOptions } from './main.js';

export async function exportCommand(options: CommonOptions, format: string | undefined): Promise<number> {
  if ((format ?? 'json') !== 'json') throw new UsageError(`export : format « ${format} » inconnu ; le seul format est json.`);
  const cwd = process.cwd();
  const config = await loadConfig(cwd).catch((error: unknown) => {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  });
  const sessions = await selectSessions(options, cwd).catch((error: unknown) => {
    throw error instanceof UsageError ? error : new UsageError(error instanceof Error ? error.message : String(error));
  });
  const files = await checkFiles(sessions, { config, cwd });
  process.stdout.write(exportJson(files));
  return files.some((file) => !file.data.session) ? 1 : 0;
}
