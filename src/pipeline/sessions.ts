/**
 * Which sessions a run handles, and their checking: the paths given (or sessions/), narrowed by `--shard` and
 * `--changed-since`, read, parsed and checked (the build's up-to-date sessions answered from its cache), `--fix`
 * applied. Nothing is printed here: notes go to `onNotice`, the command line formats the report.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Config } from '../check/index.js';
import { ConfigurationError, UsageError } from '../util/errors.js';
import { threadsFor } from './concurrency.js';
import type { CommonOptions } from './options.js';
import { expandPaths, type SkippedFile } from './session-paths.js';
import { inShard } from './shard.js';

/** Configuration and git reference problems are the user's to fix: their message, no stack. */
function asConfigurationError(error: unknown): never {
  if (error instanceof UsageError) throw error;
  throw new ConfigurationError(error instanceof Error ? error.message : String(error));
}

/** The configuration of the working folder (minutier.config.json, .minutierrc.json). */
export async function loadRunConfig(cwd: string): Promise<Config> {
  // Loaded when needed: the configuration's schema (zod) and the rules are not, when every session is up to date.
  const { loadConfig } = await import('../check/config.js');
  return loadConfig(cwd).catch(asConfigurationError);
}

/** The session files the options designate, narrowed by `--shard` and `--changed-since`. */
export async function selectSessions(
  options: CommonOptions,
  cwd = process.cwd(),
  onNotice?: (notice: Notice) => void,
): Promise<string[]> {
  return chooseSessions(options, cwd, onNotice).catch(asConfigurationError);
}

async function chooseSessions(
  options: CommonOptions,
  cwd: string,
  onNotice?: (notice: Notice) => void,
): Promise<string[]> {
  if (options.paths.length === 0 && !existsSync(path.join(cwd, 'sessions'))) {
    throw new UsageError(
      'Aucun dossier sessions/ ici : lancez minutier à la racine du dépôt des procès-verbaux, ou indiquez les fichiers ou dossiers à traiter.',
    );
  }
  const given = options.paths.length > 0 ? options.paths : ['sessions'];
  const all = await expandPaths(given, cwd, onNotice && ((skipped) => onNotice({ kind: 'skipped', ...skipped })));
  const files = options.shard ? inShard(all, options.shard, cwd) : all;
  if (!options.changedSince) return files;
  const { changedSessions } = await import('../report/changed-since.js');
  const changed = await changedSessions({ ref: options.changedSince, cwd, candidates: files });
  return changed.files;
}

/**
 * Something the user should read beside the report, as a value; the command line words and prints it
 * (src/cli/notices.ts): a file left out (a symbolic link), no session to handle (with the options that selected
 * none), annotations written by `--fix`.
 */
export type Notice =
  | ({ kind: 'skipped' } & SkippedFile)
  | { kind: 'nothing'; changedSince?: string; shard?: { index: number; count: number } }
  | { kind: 'fixed'; file: string; applied: number };

export interface CheckHooks {
  /** Answers for a session without checking it again (the build's cache of up-to-date sessions). */
  reuse?: (sessionFile: string) => Promise<VFile | undefined>;
  /** Called with each session as soon as it is parsed, before its rules run (the build may start rendering it). */
  onParsed?: (file: VFile) => Promise<void>;
  /** Called with each session as soon as it is checked (the build writes what depends on the findings). */
  onChecked?: (file: VFile) => Promise<void>;
  /** Called once, before the first check, when some session is not answered by `reuse` (the build warms its printer). */
  onStale?: () => void;
  /** A note for the user: a link skipped, no session to handle, annotations written by `--fix`. */
  onNotice?: (notice: Notice) => void;
}

export interface CheckedSessions {
  /**
   * One per session, in the order of the paths; each with its findings (`messages`) and, when the caller asked for
   * the sessions as they are checked (`onParsed`, `onChecked`: a build), its model (`data.session`). Without those
   * hooks (`check`), each model is dropped once checked: holding them until the report made a check of 100 sessions
   * peak at ~280 MB instead of ~200 (docs/performance.md, « Round 7: V8 tiering »).
   */
  files: VFile[];
  cwd: string;
}

/** Nothing to do, and the options that selected no session. */
function nothingToDo(options: CommonOptions): Notice {
  return {
    kind: 'nothing',
    ...(options.changedSince ? { changedSince: options.changedSince } : {}),
    ...(options.shard ? { shard: { index: options.shard.index, count: options.shard.count } } : {}),
  };
}

/** `--fix`: writes the proposed annotations, then checks the rewritten sessions again (their findings replace the first). */
async function fixAndRecheck(
  files: VFile[],
  config: Config,
  cwd: string,
  onNotice: (notice: Notice) => void,
): Promise<void> {
  const [{ fixFiles }, { checkFiles }] = await Promise.all([import('./fix.js'), import('./check-files.js')]);
  const { fixed } = await fixFiles(files, cwd);
  for (const { path: written, applied } of fixed) {
    onNotice({ kind: 'fixed', file: written, applied });
    const index = files.findIndex((file) => file.path === written);
    const [again] = await checkFiles([written], { config, cwd });
    if (index >= 0 && again) files[index] = again;
  }
}

/**
 * Checks the sessions the options designate; the findings are the same whatever the hooks do. When every session is
 * answered by `reuse` (a build with nothing to do), neither the configuration nor the checker is loaded: the
 * configuration's text is part of what the build's cache compares (docs/performance.md, « Unchanged rebuild »).
 */
export async function checkSessions(options: CommonOptions, hooks: CheckHooks = {}): Promise<CheckedSessions> {
  const cwd = process.cwd();
  const notice = hooks.onNotice ?? (() => undefined);
  let loading: Promise<Config> | undefined;
  const config = () => (loading ??= loadRunConfig(cwd));
  // Without a cache to answer, the configuration is read first, as ever: its problems come before any other.
  if (!hooks.reuse) await config();
  const sessions = await selectSessions(options, cwd, notice).catch(async (error: unknown) => {
    await config();
    throw error;
  });
  if (sessions.length === 0) {
    await config();
    notice(nothingToDo(options));
  }
  const files: VFile[] = [];
  const stale: Array<{ index: number; path: string }> = [];
  for (const [index, session] of sessions.entries()) {
    const reused = hooks.reuse ? await hooks.reuse(session) : undefined;
    if (reused) files[index] = reused;
    else stale.push({ index, path: session });
  }
  if (stale.length > 0) {
    hooks.onStale?.();
    const checked = await checkStale(
      stale.map((s) => s.path),
      options,
      { config: await config(), cwd },
      hooks,
    );
    stale.forEach(({ index }, position) => (files[index] = checked[position]!));
  }
  if (options.fix) await fixAndRecheck(files, await config(), cwd, notice);
  return { files, cwd };
}

/** The sessions the cache could not answer, checked (the checker loaded now). */
async function checkStale(
  paths: string[],
  options: CommonOptions,
  run: { config: Config; cwd: string },
  { onParsed, onChecked }: CheckHooks,
): Promise<VFile[]> {
  // The build needs each session's model as soon as it is parsed: it checks on the main thread.
  const threads = onChecked || onParsed ? 1 : threadsFor(options.concurrency, paths.length);
  if (threads > 1) {
    const { checkFilesInParallel } = await import('./check-parallel.js');
    return checkFilesInParallel(paths, { ...run, threads });
  }
  const { checkFiles } = await import('./check-files.js');
  return checkFiles(paths, {
    ...run,
    ...(onParsed ? { onParsed } : {}),
    ...(onChecked ? { onChecked } : {}),
    keepSessions: Boolean(onParsed || onChecked),
  });
}
