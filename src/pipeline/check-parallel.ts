/**
 * `check --concurrency`: many sessions checked on several threads, as ESLint's `--concurrency` lints files. The main
 * thread checks sessions too; worker threads (check-worker.ts) take the others, one at a time from a shared queue.
 * The files come back in the order of the paths, with the same findings as the serial check (each session is checked
 * on its own: nothing a session finds depends on another). A few sessions stay on the main thread: starting a
 * worker costs more than it saves (docs/performance.md, « Check speed »).
 */
import type { Worker } from 'node:worker_threads';
import type { VFile } from 'vfile';
import type { Config } from '../check/index.js';
import { checkFiles } from './check-files.js';
import { workerUrl } from '../util/worker-url.js';
import type { WorkerRequest, WorkerSetup } from './check-worker.js';
import { fromTransfer, type TransferredFile } from './file-transfer.js';

interface Reply {
  index: number;
  file?: TransferredFile;
  error?: string;
}

export interface ParallelOptions {
  cwd: string;
  config?: Config;
  /** Threads, the main thread included (threadsFor). */
  threads: number;
  /** The worker's module (default: check-worker beside this module; tests run from the sources give the compiled one). */
  worker?: URL;
  /** Filled with how many sessions the workers checked (the rest: the main thread). */
  stats?: { byWorkers: number };
}

/** Checks the session files on `threads` threads; the same files, findings and order as checkFiles. */
export async function checkFilesInParallel(paths: string[], options: ParallelOptions): Promise<VFile[]> {
  const { cwd, config } = options;
  const serialOptions = { cwd, ...(config ? { config } : {}) };
  if (options.threads <= 1 || paths.length < 2) return checkFiles(paths, serialOptions);
  const files: VFile[] = new Array<VFile>(paths.length);
  const organisations = new Map<string, VFile>();
  let next = 0;
  const take = (): number | undefined => (next < paths.length ? next++ : undefined);

  const setup: WorkerSetup = { cwd, ...(config ? { config } : {}) };
  // node:worker_threads on first use: a check on one thread never loads it (docs/performance.md, « Cold check, round 5 »).
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const workers = Array.from(
    { length: options.threads - 1 },
    () => new Worker(options.worker ?? workerUrl('check-worker', import.meta.url), { workerData: setup }),
  );
  /** A worker that fails leaves its session to the main thread, which checks it serially. */
  const leftOver: number[] = [];
  const runWorker = (worker: Worker) =>
    new Promise<void>((resolve) => {
      let current: number | undefined;
      const send = () => {
        current = take();
        if (current === undefined) {
          resolve();
          return;
        }
        worker.postMessage({ index: current, path: paths[current]! } satisfies WorkerRequest);
      };
      worker.on('message', (reply: Reply) => {
        if (reply.file) {
          files[reply.index] = fromTransfer(reply.file, cwd, organisations);
          if (options.stats) options.stats.byWorkers += 1;
        } else leftOver.push(reply.index);
        send();
      });
      const fail = () => {
        if (current !== undefined && files[current] === undefined) leftOver.push(current);
        current = undefined;
        resolve();
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      send();
    });
  const running = workers.map(runWorker);

  // The main thread takes its share between the workers' replies.
  for (let index = take(); index !== undefined; index = take()) {
    const [file] = await checkFiles([paths[index]!], serialOptions);
    files[index] = attachShared(file!, organisations);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(running);
  await Promise.all(workers.map((worker) => worker.terminate()));
  for (const index of leftOver.sort((a, b) => a - b)) {
    const [file] = await checkFiles([paths[index]!], serialOptions);
    files[index] = attachShared(file!, organisations);
  }
  return files;
}

/** The main thread's own files share the organisation VFile the workers' files use (one per path). */
function attachShared(file: VFile, organisations: Map<string, VFile>): VFile {
  // As the workers' files: the model stays where it was made (`check` prints findings, not models).
  delete file.data.session;
  const organisation = file.data.organisationFile;
  if (!organisation) return file;
  const shared = organisations.get(organisation.path);
  if (shared) file.data.organisationFile = shared;
  else organisations.set(organisation.path, organisation);
  return file;
}
