/**
 * Reading and checking session files: expands folders, reads, parses and checks each session. One broken session
 * never stops the others: whatever goes wrong is reported on its own file, positioned.
 */
import { readFile } from 'node:fs/promises';
import { VFile } from 'vfile';
import { parseSession } from '../parse/parse-session.js';
import { decodeSource } from '../parse/source.js';
import type { Session } from '../model/types.js';
import { allRules, checkSession, type Config, type Rule } from '../check/index.js';
import { expandPaths, shown, type SkippedFile } from './session-paths.js';

export { expandPaths, type SkippedFile } from './session-paths.js';

export interface CheckFilesOptions {
  /** Default: every rule. */
  rules?: Rule[];
  config?: Config;
  /** Paths are shown relative to it (default: process.cwd()). */
  cwd?: string;
  /**
   * Called with each file whose session was parsed, before its rules run (`file.data.session` is set; its messages are
   * the parser's so far).
   */
  onParsed?: (file: VFile) => Promise<void> | void;
  /** Called with each file as soon as it is checked, before the next one is read. */
  onChecked?: (file: VFile) => Promise<void> | void;
  /**
   * Keep each session's model as `file.data.session` (default). `false`: dropped once its rules ran (and onChecked
   * was called), for a caller that prints findings only: a model weighs about 0.8 MB and would stay until the report.
   */
  keepSessions?: boolean;
  /** A file left out (a symbolic link); default: said to no one. */
  onNotice?: (skipped: SkippedFile) => void;
}

export async function checkFiles(paths: string[], options: CheckFilesOptions = {}): Promise<VFile[]> {
  const cwd = options.cwd ?? process.cwd();
  const rules = options.rules ?? allRules;
  const files: VFile[] = [];
  for (const absolute of await expandPaths(paths, cwd, options.onNotice)) {
    const file = new VFile({ path: shown(absolute, cwd), cwd });
    files.push(file);
    let bytes: Uint8Array;
    try {
      // The bytes, not `readFile(…, 'utf8')`: that would replace invalid UTF-8 (a Latin-1 file) by U+FFFD silently;
      // parseSession decodes them and reports `parse-encoding` at the first bad byte.
      bytes = new Uint8Array(await readFile(absolute));
      file.value = bytes;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message = file.message(
        code === 'ENOENT'
          ? `Fichier introuvable : ${file.path}`
          : code === 'EISDIR'
            ? `${file.path} est un dossier`
            : `Impossible de lire ${file.path} : ${(error as Error).message}`,
        { ruleId: 'read-file', source: 'minutier' },
      );
      message.fatal = true;
      await options.onChecked?.(file);
      continue;
    }
    let session: Session | undefined;
    try {
      session = await parseSession(file);
      // Formatters and the review page read `file.value` as text: the decoded source the positions refer to
      // (the readable prefix when the file is not valid UTF-8).
      file.value = session?.source ?? decodeSource(bytes).text;
      // The build renders the same model: keep it rather than parse the session twice.
      if (session) file.data.session = session;
    } catch (error) {
      internalError(file, bytes, error);
      session = undefined;
    }
    if (session) {
      // Outside the try: what the caller does with the session is not the session's fault.
      await options.onParsed?.(file);
      try {
        checkSession(session, file, { rules, config: options.config });
      } catch (error) {
        internalError(file, bytes, error);
      }
    }
    await options.onChecked?.(file);
    if (options.keepSessions === false) delete file.data.session;
  }
  return files;
}

/** Something went wrong inside minutier with this session: said on the file, the other sessions go on. */
function internalError(file: VFile, bytes: Uint8Array, error: unknown): void {
  if (typeof file.value !== 'string') file.value = decodeSource(bytes).text;
  const message = file.message(
    `Erreur interne en lisant cette séance : ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. Les autres séances ont été vérifiées.`,
    { place: { line: 1, column: 1 }, ruleId: 'engine-internal', source: 'minutier' },
  );
  message.fatal = true;
}
