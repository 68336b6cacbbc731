/**
 * `--shard i/n`: split the sessions between n machines, as Playwright and Vitest shard their tests. A session goes to
 * the shard given by a hash of its path relative to the working folder: stable whatever else the folder holds (adding
 * a session never moves another one), the same on every machine, and about even for many sessions.
 */
import path from 'node:path';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); undefined with the French reason when it is not one. */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/u.exec(text);
  if (!match) return `--shard attend « i/n » (par exemple 2/4), pas « ${text} ».`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text} : il faut 1 ≤ i ≤ n.`;
  return { index, count };
}

/** The 1-based shard of a session file. */
export function shardOf(file: string, count: number, cwd = process.cwd()): number {
  const relative = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  // node:crypto on first use: a `check` without --shard never loads it (docs/performance.md, « Cold check, round 5 »).
  const digest = process.getBuiltinModule('node:crypto').createHash('sha256').update(relative).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The files of one shard, in their given order. */
export function inShard(files: string[], shard: Shard, cwd = process.cwd()): string[] {
  return files.filter((file) => shardOf(file, shard.count, cwd) === shard.index);
}
