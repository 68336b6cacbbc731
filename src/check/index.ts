/**
 * `minutier check` without the printing: expands folders, reads, parses and checks each session. One broken session
 * never stops the others: whatever goes wrong is reported on its own file, positioned.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseSession } from '../parse/parse-session.js';
import { decodeSource } from '../parse/source.js';
import { checkSession, type Config } from './engine.js';
import type { Rule } from './rule.js';
import { allRules } from './rules/index.js';

export { checkSession, type CheckOptions, type Config } from './engine.js';
export { loadConfig, ConfigError } from './config.js';
export type { Finding, Rule, RuleContext, RuleMeta, Severity } from './rule.js';
export { allRules, arithmeticRules, procedureRules } from './rules/index.js';

export interface CheckFilesOptions {
  /** Default: every rule. */
  rules?: Rule[];
  config?: Config;
  /** Paths are shown relative to it (default: process.cwd()). */
  cwd?: string;
  /** Called with each file as soon as it is checked, before the next one is read. */
  onChecked?: (file: VFile) => Promise<void> | void;
}

/**
 * The session files a list of paths designates: files as given, folders searched for `*.md` files (no README.md),
 * subfolders included (`sessions/2022/…`), hidden folders and node_modules left out; sorted by path.
 */
export async function expandPaths(paths: string[], cwd = process.cwd()): Promise<string[]> {
  const out: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let isDirectory = false;
    try {
      isDirectory = (await stat(absolute)).isDirectory();
    } catch {
      // Missing: keep it, checkFiles reports it on its own file.
    }
    if (isDirectory) out.push(...(await sessionFilesIn(absolute)).sort());
    else out.push(absolute);
  }
  return [...new Set(out)];
}

async function sessionFilesIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      found.push(...(await sessionFilesIn(full)));
    } else if (entry.isFile() && entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') {
      found.push(full);
    }
  }
  return found;
}

function shown(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}

export async function checkFiles(paths: string[], options: CheckFilesOptions = {}): Promise<VFile[]> {
  const cwd = options.cwd ?? process.cwd();
  const rules = options.rules ?? allRules;
  const files: VFile[] = [];
  for (const absolute of await expandPaths(paths, cwd)) {
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
    try {
      const session = await parseSession(file);
      // Formatters and the review page read `file.value` as text: the decoded source the positions refer to
      // (the readable prefix when the file is not valid UTF-8).
      file.value = session?.source ?? decodeSource(bytes).text;
      if (session) {
        // The build renders the same model: keep it rather than parse the session twice.
        file.data.session = session;
        checkSession(session, file, { rules, config: options.config });
      }
    } catch (error) {
      if (typeof file.value !== 'string') file.value = decodeSource(bytes).text;
      const message = file.message(
        `Erreur interne en lisant cette séance : ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. Les autres séances ont été vérifiées.`,
        { place: { line: 1, column: 1 }, ruleId: 'engine-internal', source: 'minutier' },
      );
      message.fatal = true;
    }
    await options.onChecked?.(file);
  }
  return files;
}
