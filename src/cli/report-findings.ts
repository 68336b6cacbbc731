/** Shared by `check` and `build`: choose the sessions, check them, print the report in the asked format. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { allRules, checkFiles, expandPaths, loadConfig, type Rule } from '../check/index.js';
import { changedSessions, exitCode, formatReport, isFormatName, onlyErrors, formatNames } from '../report/index.js';
import { UsageError, type CommonOptions } from './main.js';
import { inShard } from './shard.js';
import { fixFiles } from '../check/suggest/fix.js';

/** `--fix`: writes the proposed annotations, then checks the rewritten sessions again (their report replaces the first). */
async function fixAndRecheck(files: VFile[], config: Awaited<ReturnType<typeof loadConfig>>, cwd: string): Promise<void> {
  const { fixed } = await fixFiles(files, cwd);
  for (const { path: written, applied } of fixed) {
    process.stderr.write(`minutier : ${applied} annotation${applied > 1 ? 's' : ''} écrite${applied > 1 ? 's' : ''} dans ${written}\n`);
    const index = files.findIndex((file) => file.path === written);
    const [again] = await checkFiles([written], { config, cwd });
    if (index >= 0 && again) files[index] = again;
  }
}

/** Configuration and git reference problems are the user's to fix: exit code 2 with their message, no stack. */
function asUsageError(error: unknown): never {
  throw new UsageError(error instanceof Error ? error.message : String(error));
}

/**
 * Problems inside an organisation file are reported on that file (the parser attaches it to each session that uses
 * it, as `file.data.organisationFile`): show each such file once, after the sessions.
 */
function withOrganisationFiles(files: VFile[]): VFile[] {
  const all = [...files];
  const seen = new Set<string>();
  for (const file of files) {
    const organisation = file.data.organisationFile as VFile | undefined;
    if (!organisation || organisation.messages.length === 0 || seen.has(organisation.path)) continue;
    seen.add(organisation.path);
    all.push(organisation);
  }
  return all;
}

export interface CheckedSessions {
  files: VFile[];
  exitCode: 0 | 1;
  /** The report as printed. */
  report: string;
}

/** The session files the options designate, narrowed by `--shard` and `--changed-since`. */
export async function selectSessions(options: CommonOptions, cwd = process.cwd()): Promise<string[]> {
  if (options.paths.length === 0 && !existsSync(path.join(cwd, 'sessions'))) {
    throw new UsageError(
      'Aucun dossier sessions/ ici : lancez minutier à la racine du dépôt des procès-verbaux, ou indiquez les fichiers ou dossiers à traiter.',
    );
  }
  const given = options.paths.length > 0 ? options.paths : ['sessions'];
  const all = await expandPaths(given, cwd);
  const files = options.shard ? inShard(all, options.shard, cwd) : all;
  if (!options.changedSince) return files;
  const changed = await changedSessions({ ref: options.changedSince, cwd, candidates: files });
  return changed.files;
}

export interface CheckHooks {
  /** Answers for a session without checking it again (the build's cache of up-to-date sessions). */
  reuse?: (sessionFile: string) => Promise<VFile | undefined>;
  /** Called with each session as soon as it is checked (the build starts rendering it). */
  onChecked?: (file: VFile) => Promise<void>;
}

/** Checks the sessions the options designate and prints the report; the report is the same whatever the hooks do. */
export async function checkAndReport(
  options: CommonOptions,
  write: (text: string) => void,
  hooks: CheckHooks = {},
): Promise<CheckedSessions> {
  if (!isFormatName(options.format)) {
    throw new UsageError(`Format inconnu : « ${options.format} ». Formats : ${formatNames.join(', ')}.`);
  }
  const cwd = process.cwd();
  const config = await loadConfig(cwd).catch(asUsageError);
  const sessions = await selectSessions(options, cwd).catch(asUsageError);
  if (sessions.length === 0) {
    process.stderr.write(
      options.changedSince
        ? `Aucune séance modifiée depuis ${options.changedSince} : rien à vérifier.\n`
        : options.shard
          ? `Aucune séance dans la part ${options.shard.index}/${options.shard.count} : rien à traiter.\n`
          : 'Aucune séance (fichier .md) à traiter.\n',
    );
  }
  const files: VFile[] = [];
  const stale: Array<{ index: number; path: string }> = [];
  for (const [index, session] of sessions.entries()) {
    const reused = hooks.reuse ? await hooks.reuse(session) : undefined;
    if (reused) files[index] = reused;
    else stale.push({ index, path: session });
  }
  const checked = await checkFiles(stale.map((s) => s.path), {
    config,
    cwd,
    ...(hooks.onChecked ? { onChecked: hooks.onChecked } : {}),
  });
  stale.forEach(({ index }, position) => (files[index] = checked[position]!));
  if (options.fix) await fixAndRecheck(files, config, cwd);
  const reported = withOrganisationFiles(files);
  const shown = options.quiet ? onlyErrors(reported) : reported;
  const rules = allRules.map((rule: Rule) => rule.meta);
  const report = formatReport(options.format, shown, { cwd, rules });
  if (report) write(report.endsWith('\n') ? report : `${report}\n`);
  const exitOptions: { quiet: boolean; maxWarnings?: number } = { quiet: options.quiet };
  if (options.maxWarnings !== undefined) exitOptions.maxWarnings = options.maxWarnings;
  return { files, exitCode: exitCode(reported, exitOptions), report };
}
