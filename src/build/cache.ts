/**
 * Incremental builds: a session whose inputs did not change (its file, its organisation file, the templates, the
 * configuration, minutier's version, the documents asked for) is not rebuilt. The cache lives in the output folder,
 * so deleting `output/` or passing `--force` rebuilds everything.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { PlainFile } from '../check/plain-findings.js';
import type { IndexEntry } from '../render/index.js';
import type { ScdlValues } from '../publish/scdl.js';

export const CACHE_FILE = '.minutier-cache.json';
/** 4: index hrefs are percent-encoded. */
const CACHE_VERSION = 4;

export interface CachedSession {
  key: string;
  outputs: string[];
  entry: IndexEntry;
  sortKey: string;
  /** The inputs besides the session file, so that the key can be checked again before parsing anything. */
  organisationFile?: string;
  templatesDir?: string;
  /** The check's findings, replayed in the report when the session is up to date. */
  findings: PlainFile;
  /** The session's SCDL rows and their problems (src/publish/build-scdl.ts), for `output/deliberations.csv`. */
  scdl?: { rows: ScdlValues[]; report: string[] };
}

export interface BuildCache {
  version: number;
  sessions: Record<string, CachedSession>;
}

export async function loadCache(outDir: string): Promise<BuildCache> {
  try {
    const cache = JSON.parse(await readFile(path.join(outDir, CACHE_FILE), 'utf8')) as BuildCache;
    if (cache.version === CACHE_VERSION && cache.sessions && typeof cache.sessions === 'object') return cache;
  } catch {
    // No cache, or an unreadable one: everything is rebuilt.
  }
  return { version: CACHE_VERSION, sessions: {} };
}

export async function saveCache(outDir: string, cache: BuildCache): Promise<void> {
  await writeFileAtomic(path.join(outDir, CACHE_FILE), `${JSON.stringify(cache, null, 2)}\n`);
}

export function hash(...parts: Array<string | Uint8Array>): string {
  const digest = createHash('sha256');
  for (const part of parts) {
    digest.update(String(typeof part === 'string' ? part.length : part.byteLength));
    digest.update(':');
    digest.update(part);
  }
  return digest.digest('hex');
}

/** The content of every file below a folder, in a stable order (templates). Missing folder: empty. */
export async function hashFolder(folder: string): Promise<string> {
  const parts: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) parts.push(path.relative(folder, full), hash(await readFile(full)));
    }
  }
  await walk(folder);
  return hash(...parts);
}

export async function readOrEmpty(file: string | undefined): Promise<string> {
  if (!file) return '';
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

export async function allExist(outDir: string, relatives: string[]): Promise<boolean> {
  for (const relative of relatives) {
    try {
      await stat(path.join(outDir, relative));
    } catch {
      return false;
    }
  }
  return true;
}
