/**
 * `minutier build`: checks the sessions (the command line prints their report), then writes every session's documents
 * — the PV in HTML and PDF, the liste des délibérations, one extrait per deliberation (session-documents.ts) — and
 * `output/index.html` (index-page.ts).
 * One browser for the whole run, pages in parallel; a broken session is reported and skipped, the others are built;
 * every file is written atomically; nothing is deleted.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import type { Session } from '../model/types.js';
import { fromPlainFile, toPlainFile } from '../check/plain-findings.js';
import {
  allExist,
  CACHE_FILE,
  hash,
  hashFolder,
  loadCache,
  readOrEmpty,
  saveCache,
  shardCacheFile,
  shardCacheFiles,
} from './cache.js';
import { outputConflict, planOutputs } from './plan.js';
import type { BuildOptions } from './options.js';
import type { BuildProgress as Progress } from './progress.js';
import { checkSessions, type CheckedSessions, type Notice } from './sessions.js';
import { PdfQueue } from './pdf-queue.js';
import { writeAllScdl, writeSessionScdl } from '../publish/build-scdl.js';
import {
  lockOutputFolder,
  makeOutputFolder,
  OutputFolderError,
  type LockLost,
  type LockWait,
} from './output-folder.js';
import { renderAndQueue, type SessionBuild } from './session-documents.js';
import { ALL_DOCUMENTS, existing, indexEntry, writeIndex } from './index-page.js';

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
  const configText = (await readOrEmpty('minutier.config.json')) + (await readOrEmpty('.minutierrc.json'));
  const sharedKey = hash(
    await readOrEmpty(path.join(packageRoot, 'package.json')),
    await hashFolder(path.join(packageRoot, 'dist')),
    await hashFolder(path.join(packageRoot, 'templates')),
    configText,
    options.documents.join(','),
  );
  /** Everything a session's documents and findings depend on. */
  const inputsKey = async (sessionFile: string, organisationFile?: string, templatesDir?: string) =>
    hash(
      sharedKey,
      await readFile(sessionFile),
      await readOrEmpty(organisationFile),
      templatesDir ? await hashFolder(templatesDir) : '',
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
  let failures = 0;
  let written = 0;
  const builds: SessionBuild[] = [];
  const queue = new PdfQueue(progress);
  /** The review pages, written once every session is checked and its PDFs queued (below). */
  const reviews: SessionBuild[] = [];

  // Each session is rendered, and its PDFs start printing, as soon as it is checked: the browser works while the
  // next sessions are parsed. The report still comes first on screen (progress lines wait for it).
  const startSession = async (file: VFile): Promise<void> => {
    const session = file.data.session as Session | undefined;
    if (!session) {
      failures += 1;
      progress.report({ kind: 'session-unreadable', path: file.path });
      return;
    }
    // Documents are named after the file: two sessions with the same file name would overwrite each other's.
    const namesake = named.get(session.id);
    if (namesake !== undefined) {
      failures += 1;
      progress.report({ kind: 'session-namesake', path: file.path, namesake });
      return;
    }
    const outputs = planOutputs(session, options.documents);
    const conflict = outputConflict(outputs, claimed);
    if (conflict !== undefined) {
      failures += 1;
      progress.report({ kind: 'session-output-conflict', path: file.path, conflict });
      return;
    }
    named.set(session.id, file.path);
    for (const output of outputs) claimed.set(output.relative.toLowerCase(), file.path);
    if (options.strict && file.messages.some((m) => m.fatal)) {
      failures += 1;
      progress.report({ kind: 'session-has-errors', path: file.path });
      return;
    }
    const organisationFile = session.organisation.file;
    const templatesDir = session.organisation.templatesFolder;
    const key = await inputsKey(path.resolve(file.path), organisationFile, templatesDir);
    const build: SessionBuild = { session, file, key, organisationFile, templatesDir, outputs, failed: false };
    builds.push(build);
    progress.add(outputs.length);
    await renderAndQueue(build, outDir, file, queue, progress, () => (written += 1), 'documents');
    if (!build.failed && build.outputs.some((o) => o.kind === 'review')) reviews.push(build);
    // Open data (docs/publication.md): the session's SCDL rows, with the required values it lacks reported.
    build.scdl = await writeSessionScdl(session, file, outDir, options.strict);
    for (const line of build.scdl.report) progress.report({ kind: 'open-data-problem', line });
    if (build.scdl.refused) {
      build.failed = true;
      progress.report({ kind: 'open-data-refused', path: file.path, output: build.scdl.relative });
    } else written += 1;
  };

  const checked = await checkSessions(options, { reuse, onChecked: startSession, onNotice: events.onNotice });
  events.onChecked(checked);
  progress.release();
  const upToDate = checked.files.filter((file) => file.data.upToDate).length;

  // Off the PDFs' critical path: every PDF of the run is queued (the browser busy with them) before any review page
  // is rendered, and each review page gives the event loop back to the printing pages before the next.
  for (const build of reviews) {
    await new Promise((resolve) => setImmediate(resolve));
    await renderAndQueue(build, outDir, build.file, queue, progress, () => (written += 1), 'review');
  }
  const pdfResults = await queue.finish();
  written += pdfResults.written;
  for (const failure of pdfResults.failedSessions) {
    const build = builds.find((b) => b.session.id === failure);
    if (build) build.failed = true;
  }
  progress.end();

  for (const build of builds) {
    if (build.failed) {
      failures += 1;
      delete cache.sessions[build.session.id];
      continue;
    }
    cache.sessions[build.session.id] = {
      key: build.key,
      outputs: build.outputs.map((o) => o.relative),
      // The index lists every document of the session on disk, also those an earlier run built (`--documents`).
      entry: indexEntry(build.session, await existing(outDir, planOutputs(build.session, ALL_DOCUMENTS))),
      sortKey: `${build.session.date.value} ${build.session.id}`,
      ...(build.organisationFile ? { organisationFile: build.organisationFile } : {}),
      ...(build.templatesDir ? { templatesDir: build.templatesDir } : {}),
      findings: toPlainFile(build.file),
      ...(build.scdl ? { scdl: { rows: build.scdl.rows, report: build.scdl.report } } : {}),
    };
    if (build.scdl && !build.scdl.refused) cache.sessions[build.session.id]!.outputs.push(build.scdl.relative);
  }
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
  await writeAllScdl(
    outDir,
    Object.values(cache.sessions).map((s) => ({ sortKey: s.sortKey, rows: s.scdl?.rows })),
  );
  // Nothing built: the cache, hence the index, is unchanged; leave both untouched (no file written at all).
  const indexFile = path.join(outDir, 'index.html');
  if (
    builds.length > 0 ||
    shardCaches.length > 0 ||
    (upToDate > 0 && !(await allExist(outDir, ['index.html', cacheFile])))
  ) {
    try {
      await writeIndex(indexFile, cache);
      await saveCache(outDir, cache, cacheFile);
      // Merged into the folder's cache: the shards' files have served.
      for (const name of shardCaches) await rm(path.join(outDir, name), { force: true });
    } catch (error) {
      failures += 1;
      progress.report({ kind: 'index-failed', error });
    }
  }
  if (pdfResults.browserMissing) progress.report({ kind: 'browser-missing', reason: pdfResults.browserMissing });
  return { written, upToDate, failures, outDir, sessions: checked.files.length };
}
