/**
 * `minutier build`: checks the sessions (the command line prints their report), then writes every session's documents
 * — the PV in HTML and PDF, the liste des délibérations, one extrait per deliberation (session-documents.ts) — and
 * `output/index.html` (index-page.ts).
 * One browser for the whole run, pages in parallel; a broken session is reported and skipped, the others are built;
 * every file is written atomically; nothing is deleted.
 *
 * A session whose inputs did not change is answered from the cache (cache.ts), and what writes documents
 * (build-sessions.ts: renderers, templates, printer, open data) is loaded only when a session needs writing: a build
 * with nothing to do reads the cache, compares keys and replays the findings (docs/performance.md, « Unchanged
 * rebuild »).
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { fromPlainFile } from '../check/plain-findings.js';
import { SCDL_FILE } from '../publish/scdl-file.js';
import type { SessionBuilder } from './build-sessions.js';
import { allExist, CACHE_FILE, loadCache, saveCache, shardCacheFile, shardCacheFiles } from './cache.js';
import { hash, InputHashes } from './input-hash.js';
import type { BuildOptions } from './options.js';
import type { BuildProgress as Progress } from './progress.js';
import { checkSessions, type CheckedSessions, type Notice } from './sessions.js';
import {
  lockOutputFolder,
  makeOutputFolder,
  OutputFolderError,
  type LockLost,
  type LockWait,
} from './output-folder.js';

/** A note of the check (see Notice), or the output folder's lock: another build holds it, or it was lost. */
export type BuildNotice = Notice | ({ kind: 'lock-wait' } & LockWait) | ({ kind: 'lock-lost' } & LockLost);

/** What the build says while it runs; the command line shows it. */
export interface BuildEvents {
  /** Every session is checked: the report is printed now, before any progress line. */
  onChecked: (checked: CheckedSessions) => void;
  /** A note beside the report (see Notice), or the output folder's lock: another build holds it, or it was lost. */
  onNotice: (notice: BuildNotice) => void;
  progress: Progress;
}

/** What a build did: the command line sums it up and gives the exit code. */
export interface BuildResult {
  sessions: number;
  written: number;
  upToDate: number;
  /** Sessions not (or not wholly) produced, and an index that could not be written. */
  failures: number;
  outDir: string;
}

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Checks, then builds. An output folder that cannot be used throws OutputFolderError after the check (its report does
 * not need the folder).
 */
export async function build(options: BuildOptions, events: BuildEvents): Promise<BuildResult> {
  const outDir = path.resolve(options.out);
  let release: () => Promise<void>;
  try {
    await makeOutputFolder(outDir);
    release = await lockOutputFolder(outDir, {
      onWait: (wait) => events.onNotice({ kind: 'lock-wait', ...wait }),
      onCompromised: (lost) => events.onNotice({ kind: 'lock-lost', ...lost }),
    });
  } catch (error) {
    if (!(error instanceof OutputFolderError)) throw error;
    // Nothing can be written, but the check does not need the folder: its findings are reported all the same.
    events.onChecked(await checkSessions(options, { onNotice: events.onNotice }));
    throw error;
  }
  try {
    return await buildLocked(options, outDir, events);
  } finally {
    await release().catch(() => undefined);
  }
}

/** The build proper, the output folder created and locked. */
async function buildLocked(options: BuildOptions, outDir: string, events: BuildEvents): Promise<BuildResult> {
  const { progress } = events;
  const cache = await loadCache(outDir);
  const inputs = new InputHashes(cache.folders);
  const configText = (await inputs.text('minutier.config.json')) + (await inputs.text('.minutierrc.json'));
  const sharedKey = hash(
    await inputs.text(path.join(packageRoot, 'package.json')),
    await inputs.folder(path.join(packageRoot, 'dist')),
    await inputs.folder(path.join(packageRoot, 'templates')),
    configText,
    options.documents.join(','),
  );
  /** Everything a session's documents and findings depend on. */
  const inputsKey = async (sessionFile: string, organisationFile?: string, templatesDir?: string) =>
    hash(
      sharedKey,
      await readFile(sessionFile),
      await inputs.text(organisationFile),
      templatesDir ? await inputs.folder(templatesDir) : '',
    );
  const named = new Map<string, string>();
  /** Every output file of the run (lowercased) and the session that writes it. */
  const claimed = new Map<string, string>();
  // An up-to-date session is neither parsed nor checked again: its findings come back from the cache.
  const reuse = async (sessionFile: string): Promise<VFile | undefined> => {
    const cached = cache.sessions[path.basename(sessionFile, '.md')];
    if (options.force || !cached?.findings) return undefined;
    const key = await inputsKey(sessionFile, cached.organisationFile, cached.templatesDir).catch(() => undefined);
    if (key !== cached.key) return undefined;
    if (!(await allExist(outDir, cached.outputs))) return undefined;
    const file = fromPlainFile(cached.findings, process.cwd());
    file.data.upToDate = true;
    // Its documents stay on disk: no other session of the run may take their names.
    named.set(path.basename(sessionFile, '.md'), file.path);
    for (const output of cached.outputs) claimed.set(output.toLowerCase(), file.path);
    return file;
  };
  // What writes documents is loaded with the first session that needs it (none when everything is up to date).
  let builder: Promise<SessionBuilder> | undefined;
  const sessionBuilder = () =>
    (builder ??= import('./build-sessions.js').then(
      ({ SessionBuilder }) => new SessionBuilder({ options, outDir, progress, named, claimed, inputsKey }),
    ));
  const parsedSession = async (file: VFile): Promise<void> => {
    await (await sessionBuilder()).parsed(file);
  };
  const startSession = async (file: VFile): Promise<void> => {
    await (await sessionBuilder()).start(file);
  };
  // A session needs writing: the browser starts on the other core while it is checked (docs/performance.md).
  // (A failure to load the builder surfaces with the first session it writes.)
  const prepare = () =>
    void sessionBuilder().then(
      (sessions) => sessions.prepare(),
      () => undefined,
    );

  try {
    const checked = await checkSessions(options, {
      reuse,
      onParsed: parsedSession,
      onChecked: startSession,
      onStale: prepare,
      onNotice: events.onNotice,
    });
    events.onChecked(checked);
    progress.release();
    const upToDate = checked.files.filter((file) => file.data.upToDate).length;
    const sessions = await builder;
    const browserMissing = await sessions?.finish();
    progress.end();
    await sessions?.record(cache);

    // A shard knows only its own sessions: its index and its cache (a file of its own) list them alone; the final,
    // unsharded build merges the shards' caches (loadCache) and writes the whole index.
    if (options.shard) {
      const mine = new Set(checked.files.map((file) => path.basename(file.path, '.md')));
      for (const id of Object.keys(cache.sessions)) if (!mine.has(id)) delete cache.sessions[id];
    }
    const cacheFile = options.shard ? shardCacheFile(options.shard) : CACHE_FILE;
    const shardCaches = options.shard ? [] : await shardCacheFiles(outDir);
    // An up-to-date session's open-data problems are said again, as its findings are.
    for (const file of checked.files.filter((f) => f.data.upToDate)) {
      for (const line of cache.sessions[path.basename(file.path, '.md')]?.scdl?.report ?? [])
        progress.report({ kind: 'open-data-problem', line });
    }
    let failures = sessions?.failures ?? 0;
    // The files made from every session — the index, the cache, output/deliberations.csv — change only when a session
    // was built or shards are merged: otherwise they are left untouched (no file written at all), unless one is missing.
    const rewrite =
      sessions?.built ||
      shardCaches.length > 0 ||
      (upToDate > 0 && !(await allExist(outDir, ['index.html', cacheFile])));
    if (rewrite || !(await allExist(outDir, [SCDL_FILE]))) {
      const { writeAllScdl } = await import('../publish/build-scdl.js');
      await writeAllScdl(
        outDir,
        Object.values(cache.sessions).map((s) => ({ sortKey: s.sortKey, rows: s.scdl?.rows })),
      );
    }
    if (rewrite) {
      try {
        const { writeIndex } = await import('./index-page.js');
        await writeIndex(path.join(outDir, 'index.html'), cache);
        await saveCache(outDir, { ...cache, folders: await inputs.stamps() }, cacheFile);
        // Merged into the folder's cache: the shards' files have served.
        for (const name of shardCaches) await rm(path.join(outDir, name), { force: true });
      } catch (error) {
        failures += 1;
        progress.report({ kind: 'index-failed', error });
      }
    }
    if (browserMissing) progress.report({ kind: 'browser-missing', reason: browserMissing });
    return { written: sessions?.written ?? 0, upToDate, failures, outDir, sessions: checked.files.length };
  } finally {
    // The browser, if one was started, closes while the index and the cache are written (SessionBuilder.finish), and
    // is closed before the build ends, whatever happened.
    await (await builder?.catch(() => undefined))?.closed();
  }
}
