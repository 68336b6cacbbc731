/**
 * The sessions a build writes (those its cache could not answer): each rendered, its HTML written and its PDFs queued
 * as soon as it is parsed (checked, with `--strict`), its open-data rows written once checked; the review pages once every PDF is queued; the cache entries
 * of the sessions built. The build (index.ts) loads this module only when a session needs writing, so that a build
 * with nothing to do loads no renderer, template engine or printer (docs/performance.md, « Unchanged rebuild »).
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Session } from '../model/types.js';
import { toPlainFile } from '../check/plain-findings.js';
import { writeSessionScdl } from '../publish/build-scdl.js';
import type { BuildCache } from './cache.js';
import { ALL_DOCUMENTS, existing, indexEntry } from './index-page.js';
import type { BuildOptions } from './options.js';
import { PdfQueue } from './pdf-queue.js';
import { outputConflict, planOutputs } from './plan.js';
import type { BuildProgress } from './progress.js';
import { renderAndQueue, type SessionBuild } from './session-documents.js';

/** What the builder shares with the build: its options, output folder and progress, the names taken so far. */
export interface BuildRun {
  options: BuildOptions;
  outDir: string;
  progress: BuildProgress;
  /** Session id → the file that has it (two sessions with one file name would overwrite each other's documents). */
  named: Map<string, string>;
  /** Every output file of the run (lowercased) and the session that writes it. */
  claimed: Map<string, string>;
  /** Everything a session's documents and findings depend on (cache.ts). */
  inputsKey: (sessionFile: string, organisationFile?: string, templatesDir?: string) => Promise<string>;
}

export class SessionBuilder {
  written = 0;
  /** Sessions not (or not wholly) produced. */
  failures = 0;
  readonly #run: BuildRun;
  readonly #builds: SessionBuild[] = [];
  readonly #queue: PdfQueue;
  /** The review pages, written once every session is checked and its PDFs queued (finish). */
  readonly #reviews: SessionBuild[] = [];
  /** The sessions begun when parsed (undefined: begun, and it could not be built), until they are checked. */
  readonly #begun = new Map<VFile, SessionBuild | undefined>();

  constructor(run: BuildRun) {
    this.#run = run;
    this.#queue = new PdfQueue(run.progress);
  }

  /** Gets the browser ready while the first session that needs writing is checked (every document kind has a PDF). */
  prepare(): void {
    this.#queue.prepare();
  }

  /** True when a session was built (written, or tried): the index and the cache change. */
  get built(): boolean {
    return this.#builds.length > 0;
  }

  /**
   * A session just parsed, its rules not run yet: unless `--strict` (where its errors decide), nothing the rules find
   * can stop its documents, so they are rendered and their PDFs queued at once — the browser works while the rules
   * run and the next sessions are parsed.
   */
  async parsed(file: VFile): Promise<void> {
    if (this.#run.options.strict) return;
    this.#begun.set(file, await this.#begin(file));
  }

  /**
   * A session just checked: its documents rendered and queued if `parsed` did not already, then its open data (which
   * reads the findings). The report still comes first on screen (progress lines wait for it).
   */
  async start(file: VFile): Promise<void> {
    const build = this.#begun.has(file) ? this.#begun.get(file) : await this.#begin(file);
    this.#begun.delete(file);
    if (!build) return;
    const { options, outDir, progress } = this.#run;
    // Open data (docs/publication.md): the session's SCDL rows, with the required values it lacks reported.
    build.scdl = await writeSessionScdl(build.session, file, outDir, options.strict);
    for (const line of build.scdl.report) progress.report({ kind: 'open-data-problem', line });
    if (build.scdl.refused) {
      build.failed = true;
      progress.report({ kind: 'open-data-refused', path: file.path, output: build.scdl.relative });
    } else this.written += 1;
  }

  /** Plans a session's documents, renders them and queues their PDFs; undefined when the session cannot be built. */
  async #begin(file: VFile): Promise<SessionBuild | undefined> {
    const { options, outDir, progress, named, claimed } = this.#run;
    const session = file.data.session as Session | undefined;
    if (!session) {
      this.failures += 1;
      progress.report({ kind: 'session-unreadable', path: file.path });
      return undefined;
    }
    // Documents are named after the file: two sessions with the same file name would overwrite each other's.
    const namesake = named.get(session.id);
    if (namesake !== undefined) {
      this.failures += 1;
      progress.report({ kind: 'session-namesake', path: file.path, namesake });
      return undefined;
    }
    const outputs = planOutputs(session, options.documents);
    const conflict = outputConflict(outputs, claimed);
    if (conflict !== undefined) {
      this.failures += 1;
      progress.report({ kind: 'session-output-conflict', path: file.path, conflict });
      return undefined;
    }
    named.set(session.id, file.path);
    for (const output of outputs) claimed.set(output.relative.toLowerCase(), file.path);
    if (options.strict && file.messages.some((m) => m.fatal)) {
      this.failures += 1;
      progress.report({ kind: 'session-has-errors', path: file.path });
      return undefined;
    }
    const organisationFile = session.organisation.file;
    const templatesDir = session.organisation.templatesFolder;
    const key = await this.#run.inputsKey(path.resolve(file.path), organisationFile, templatesDir);
    const build: SessionBuild = { session, file, key, organisationFile, templatesDir, outputs, failed: false };
    this.#builds.push(build);
    progress.add(outputs.length);
    await renderAndQueue(build, outDir, file, this.#queue, progress, () => (this.written += 1), 'documents');
    if (!build.failed && build.outputs.some((o) => o.kind === 'review')) this.#reviews.push(build);
    return build;
  }

  /**
   * Every session checked: the review pages, off the PDFs' critical path (every PDF of the run is queued, the browser
   * busy with them, before any review page is rendered, and each gives the event loop back to the printing pages
   * before the next), then the PDFs awaited and the browser's closing started (closed() awaits it: the build writes
   * its index and cache meanwhile). Resolves to why no browser was found, if so.
   */
  async finish(): Promise<string | undefined> {
    const { outDir, progress } = this.#run;
    for (const build of this.#reviews) {
      await new Promise((resolve) => setImmediate(resolve));
      await renderAndQueue(build, outDir, build.file, this.#queue, progress, () => (this.written += 1), 'review');
    }
    const pdfResults = await this.#queue.finish();
    this.written += pdfResults.written;
    for (const failure of pdfResults.failedSessions) {
      const build = this.#builds.find((b) => b.session.id === failure);
      if (build) build.failed = true;
    }
    return pdfResults.browserMissing;
  }

  /** The browser closed (finish started closing it). */
  closed(): Promise<void> {
    return this.#queue.closed();
  }

  /** The sessions built, into the cache: a failed one is dropped from it (it is built again next time). */
  async record(cache: BuildCache): Promise<void> {
    const { outDir } = this.#run;
    for (const build of this.#builds) {
      if (build.failed) {
        this.failures += 1;
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
  }
}
