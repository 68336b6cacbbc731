/** What a run is asked to do: the options `check`, `build` and `export` share, and those of `build`. */
import type { Concurrency } from './concurrency.js';
import type { Shard } from './shard.js';

export interface CommonOptions {
  paths: string[];
  format: string;
  quiet: boolean;
  maxWarnings?: number;
  changedSince?: string;
  /** `--shard i/n`: only the sessions of shard i of n (src/pipeline/shard.ts). */
  shard?: Shard;
  /** `check --fix`: write the annotations relation-suggested proposes, then check again. */
  fix?: boolean;
  /** `check --concurrency`: threads that check the sessions (src/pipeline/check-parallel.ts); default: one. */
  concurrency?: Concurrency;
}

export const documentKinds = ['pv', 'liste', 'extraits'] as const;

export interface BuildOptions extends CommonOptions {
  out: string;
  documents: Array<(typeof documentKinds)[number]>;
  strict: boolean;
  force: boolean;
}
