/**
 * The hashes the build's cache keys are made of (cache.ts): files by their content; folders (minutier's own dist/ and
 * templates/, an organisation's templates) by the content of every file below them.
 *
 * Hashing dist/ (some megabytes) was the largest cost of a build with nothing to do, so a folder's hash is kept in the
 * cache with the stats of its files (path, size, modification and change times, inode): when none of them changed,
 * the hash is taken from the cache instead of reading the files again, as make and git decide from file stats. The
 * content hash stays the truth: stats that changed (a `touch`, a rebuild of dist/ giving the same bytes) only mean the
 * folder is hashed again, and the key changes only if the content did. A stamp is kept only when every file of the
 * folder changed more than STAMP_MARGIN_MS before it was taken, so that a file rewritten within the same clock tick
 * as the stamp (same size, same time) cannot go unnoticed (git's « racy » files) — a folder that had just changed when
 * the build started (dist/ freshly compiled) is stamped and hashed again when the cache is saved; and the change time,
 * which no tool can set back, is part of it, so that a file whose modification time was restored (`cp -p`,
 * `touch -d`, an archive) is hashed again (docs/performance.md, « Unchanged rebuild »).
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** A folder's content hash and the stats of its files when it was taken. */
export interface FolderHash {
  stamp: string;
  hash: string;
}

/** A change this recent, before the stats are taken, could hide another within the same tick of the clock. */
export const STAMP_MARGIN_MS = 2_000;

export function hash(...parts: Array<string | Uint8Array>): string {
  const digest = createHash('sha256');
  for (const part of parts) {
    digest.update(String(typeof part === 'string' ? part.length : part.byteLength));
    digest.update(':');
    digest.update(part);
  }
  return digest.digest('hex');
}

/** Every file below a folder, in a stable order (relative path, absolute path). Missing folder: none. */
function filesBelow(folder: string): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push([path.relative(folder, full), full]);
    }
  };
  walk(folder);
  return files;
}

/** The content of every file below a folder, in a stable order. Missing folder: the hash of nothing. */
export async function hashFolder(folder: string): Promise<string> {
  const parts: string[] = [];
  for (const [relative, full] of filesBelow(folder)) parts.push(relative, hash(await readFile(full)));
  return hash(...parts);
}

/** The stats of every file below a folder; `trusted` when none changed within STAMP_MARGIN_MS of now. */
function stampFolder(folder: string, now: number): { stamp: string; trusted: boolean } {
  const parts: string[] = [];
  let newest = 0;
  for (const [relative, full] of filesBelow(folder)) {
    try {
      const stats = statSync(full, { bigint: true });
      parts.push(relative, `${stats.size} ${stats.mtimeNs} ${stats.ctimeNs} ${stats.ino}`);
      newest = Math.max(newest, Number(stats.mtimeMs), Number(stats.ctimeMs));
    } catch {
      parts.push(relative, 'unreadable');
    }
  }
  return { stamp: hash(...parts), trusted: newest < now - STAMP_MARGIN_MS };
}

export async function readOrEmpty(file: string | undefined): Promise<string> {
  if (!file) return '';
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The hashes of one run: each folder hashed (or found in `previous`, the last run's) once, each organisation file
 * read once, however many sessions name them. `stamps` gives what the next run may reuse.
 */
export class InputHashes {
  readonly #folders: Record<string, FolderHash> = {};
  /** Folders that had just changed when they were hashed: stamped again by `stamps`. */
  readonly #recent = new Set<string>();
  readonly #previous: Record<string, FolderHash>;
  readonly #hashes = new Map<string, Promise<string>>();
  readonly #texts = new Map<string, Promise<string>>();

  readonly #now: () => number;

  /** `now`: the clock the stamps are judged by (tests move it forward). */
  constructor(previous: Record<string, FolderHash> | undefined, now: () => number = Date.now) {
    this.#previous = previous ?? {};
    this.#now = now;
  }

  /** The content hash of a folder (below it, every file's path and content). */
  folder(folder: string): Promise<string> {
    const absolute = path.resolve(folder);
    let result = this.#hashes.get(absolute);
    if (!result) {
      result = this.#hashFolder(absolute);
      this.#hashes.set(absolute, result);
    }
    return result;
  }

  async #hashFolder(folder: string): Promise<string> {
    const { stamp, trusted } = stampFolder(folder, this.#now());
    const previous = this.#previous[folder];
    const folderHash = previous?.stamp === stamp ? previous.hash : await hashFolder(folder);
    if (trusted) this.#folders[folder] = { stamp, hash: folderHash };
    else this.#recent.add(folder);
    return folderHash;
  }

  /**
   * What the next run may reuse, for the cache: every folder hashed, a folder that had just changed when it was
   * hashed stamped and hashed again now (the run's own keys keep the first hash: if the content changed meanwhile, the
   * next run sees it).
   */
  async stamps(): Promise<Record<string, FolderHash>> {
    for (const folder of this.#recent) {
      const { stamp, trusted } = stampFolder(folder, this.#now());
      if (trusted) this.#folders[folder] = { stamp, hash: await hashFolder(folder) };
    }
    this.#recent.clear();
    return Object.fromEntries(Object.entries(this.#folders).sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** A text file's content, read once per run ('' when it cannot be read). */
  text(file: string | undefined): Promise<string> {
    if (!file) return Promise.resolve('');
    const absolute = path.resolve(file);
    let result = this.#texts.get(absolute);
    if (!result) {
      result = readOrEmpty(absolute);
      this.#texts.set(absolute, result);
    }
    return result;
  }
}
