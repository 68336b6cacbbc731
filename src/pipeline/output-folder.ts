/**
 * The output folder of `minutier build`: created before anything is rendered (so that an unwritable `--out` is said
 * once, in French, after the report), and locked for the whole run, so that two builds into the same folder never
 * interleave their writes of the index and the cache: the second waits for the first, saying so.
 *
 * The lock is proper-lockfile's: a folder `<out>/.minutier.lock` created atomically, its date refreshed while the
 * build runs; a build killed without releasing it leaves a lock that is taken over once it is stale (15 s).
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { OutputFolderError } from '../util/errors.js';

export const LOCK_NAME = '.minutier.lock';
const STALE_MS = 15_000;
const UPDATE_MS = 3_000;
const RETRY_MS = 500;
/** How long a build waits for another one before it gives up. */
const DEFAULT_MAX_WAIT_MS = 10 * 60_000;

export { OutputFolderError };

function shown(folder: string): string {
  const relative = path.relative(process.cwd(), folder);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? `${relative}/` : `${folder}/`;
}

/** The reason of a file-system error, in French. */
export function fileSystemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission refusée';
    case 'EROFS':
      return 'système de fichiers en lecture seule';
    case 'ENOSPC':
      return 'disque plein';
    case 'EDQUOT':
      return 'quota disque dépassé';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'un fichier porte déjà ce nom là où il faut un dossier';
    case 'ENOENT':
      return 'ce dossier ne peut pas être créé à cet endroit';
    case 'ENAMETOOLONG':
      return 'chemin trop long';
    default:
      return code ? `erreur ${code}` : String((error as Error | undefined)?.message ?? error);
  }
}

/**
 * Creates the folder and its missing parents one at a time. Not `mkdir({ recursive: true })`: on Node 20 it loops
 * for ever below /proc (`--out /proc/x` hung for minutes).
 */
export async function makeOutputFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(folder);
  for (;;) {
    try {
      const found = await stat(current);
      if (!found.isDirectory()) {
        throw new OutputFolderError(
          `Dossier de sortie ${shown(folder)} inutilisable : ${current} existe et n'est pas un dossier. Choisissez un autre --out.`,
        );
      }
      break;
    } catch (error) {
      if (error instanceof OutputFolderError) throw error;
      const parent = path.dirname(current);
      // ENOTDIR: a parent is a file; going up finds it and says so.
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) {
        throw new OutputFolderError(
          `Dossier de sortie ${shown(folder)} inutilisable : ${fileSystemReason(error)} (${current}).`,
        );
      }
      missing.unshift(current);
      current = parent;
    }
  }
  for (const directory of missing) {
    try {
      await mkdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new OutputFolderError(
        `Dossier de sortie ${shown(folder)} impossible à créer : ${fileSystemReason(error)} (${directory}). Choisissez un autre --out.`,
      );
    }
  }
}

/** Another build holds the folder's lock: this one waits (the folder as shown, the lock's name, its stale delay). */
export interface LockWait {
  folder: string;
  lock: string;
  staleSeconds: number;
}

/** The lock was lost while the build ran (the lock file and folder as shown, the locking library's reason). */
export interface LockLost {
  lockfile: string;
  folder: string;
  error: string;
}

export interface LockOptions {
  /** Called once when another build holds the folder and this one starts waiting. */
  onWait?: (wait: LockWait) => void;
  /** Called if the lock is lost while the build runs (its folder deleted, the machine suspended past the stale delay). */
  onCompromised?: (lost: LockLost) => void;
  maxWaitMs?: number;
}

/** Takes the folder's lock, waiting while another build holds it; resolves to the function that releases it. */
export async function lockOutputFolder(folder: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const lockfilePath = path.join(folder, LOCK_NAME);
  const maxWait = options.maxWaitMs ?? (Number(process.env.MINUTIER_LOCK_WAIT_MS) || DEFAULT_MAX_WAIT_MS);
  const started = Date.now();
  let waiting = false;
  for (;;) {
    try {
      return await lockfile.lock(folder, {
        lockfilePath,
        realpath: false,
        stale: STALE_MS,
        update: UPDATE_MS,
        retries: 0,
        onCompromised: (error) =>
          options.onCompromised?.({
            lockfile: shown(lockfilePath).slice(0, -1),
            folder: shown(folder),
            error: error.message,
          }),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        throw new OutputFolderError(`Dossier de sortie ${shown(folder)} inutilisable : ${fileSystemReason(error)}.`);
      }
      const waited = Date.now() - started;
      if (waited >= maxWait) {
        throw new OutputFolderError(
          `Un autre build écrit dans ${shown(folder)} depuis plus de ${Math.round(waited / 1000)} s (verrou ${LOCK_NAME}) : abandon. ` +
            `Attendez sa fin, ou choisissez un autre --out.`,
        );
      }
      if (!waiting) {
        waiting = true;
        options.onWait?.({ folder: shown(folder), lock: LOCK_NAME, staleSeconds: STALE_MS / 1000 });
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
