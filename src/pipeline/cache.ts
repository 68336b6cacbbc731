/**
 * Incremental builds: a session whose inputs did not change (its file, its organisation file, the templates, the
 * configuration, minutier's version, the documents asked for) is not rebuilt. The cache lives in the output folder,
 * so deleting `output/` or passing `--force` rebuilds everything.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { PlainFile } from '../check/plain-findings.js';
import type { IndexEntry } from '../render/index.js';
import type { ScdlValues } from '../publish/scdl.js';
import type { FolderHash } from './input-hash.js';

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
  /**
   * The folders hashed for the keys (minutier's dist/ and templates/, organisations' templates), each with the file
   * stats it was hashed with: the next run hashes again only a folder whose stats changed (input-hash.ts).
   */
  folders?: Record<string, FolderHash>;
}

/** The cache a `build --shard i/n` writes, beside the others: a final `build` merges them (docs/performance.md). */
export function shardCacheFile(shard: { index: number; count: number }): string {
  return `.minutier-cache.shard-${shard.index}-of-${shard.count}.json`;
}

const SHARD_CACHE = /^\.minutier-cache\.shard-\d+-of-\d+\.json$/u;

async function readCache(file: string): Promise<BuildCache | undefined> {
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as BuildCache;
    if (cache.version === CACHE_VERSION && cache.sessions && typeof cache.sessions === 'object') return cache;
  } catch {
    // No cache, or an unreadable one: its sessions are rebuilt.
  }
  return undefined;
}

/** The shards' cache files found in the output folder (copied there from each shard's output). */
export async function shardCacheFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir).catch(() => [] as string[]);
  return entries.filter((name) => SHARD_CACHE.test(name)).sort();
}

/** The output folder's cache, with the sessions of every shard's cache merged in. */
export async function loadCache(outDir: string): Promise<BuildCache> {
  const cache = (await readCache(path.join(outDir, CACHE_FILE))) ?? { version: CACHE_VERSION, sessions: {} };
  for (const name of await shardCacheFiles(outDir)) {
    const shard = await readCache(path.join(outDir, name));
    if (shard) Object.assign(cache.sessions, shard.sessions);
  }
  return cache;
}

/** Writes the cache (sessions in a stable order, so that the same build gives the same bytes however it ran). */
export async function saveCache(outDir: string, cache: BuildCache, file = CACHE_FILE): Promise<void> {
  const sessions = Object.fromEntries(Object.entries(cache.sessions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFileAtomic(path.join(outDir, file), `${JSON.stringify({ ...cache, sessions }, null, 2)}\n`);
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
