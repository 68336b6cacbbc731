/**
 * `check --concurrency`, as ESLint's: how many threads check the sessions (src/pipeline/check-parallel.ts). Kept apart
 * so that the command line reads the option without loading the checker.
 */
import { availableParallelism } from 'node:os';

/** `--concurrency`: a number of threads, `auto` (by the machine's cores and the number of sessions) or `off` (one thread). */
export type Concurrency = number | 'auto' | 'off';

/** With `auto`, one thread per this many sessions at least (below it: no worker). */
export const SESSIONS_PER_THREAD = 12;

/**
 * With `auto`, at most half the machine's cores, as ESLint's `auto`: each thread is a V8 isolate that warms its own
 * JIT, whose optimising compiler and GC run on another core (measured: a serial check of 100 sessions uses 1.5 cores).
 * On two cores a second thread only competes with the first one's compiler (docs/performance.md, « Check speed »).
 */
export function autoThreadLimit(cores: number = availableParallelism()): number {
  return Math.max(1, cores >> 1);
}

/** Parses `--concurrency`; the French reason when the text is not a count, `auto` or `off`. */
export function parseConcurrency(text: string): Concurrency | { error: string } {
  const value = text.trim();
  if (value === 'auto' || value === 'off') return value;
  if (/^\d+$/u.test(value) && Number(value) >= 1) return Number(value);
  return {
    error: `--concurrency attend un nombre de fils d’exécution (1 ou plus), « auto » ou « off », pas « ${text} ».`,
  };
}

/** How many threads check `count` sessions, the main thread included (1: no worker). */
export function threadsFor(concurrency: Concurrency | undefined, count: number): number {
  if (concurrency === undefined || concurrency === 'off') return 1;
  if (concurrency === 'auto') {
    return Math.max(1, Math.min(autoThreadLimit(), Math.floor(count / SESSIONS_PER_THREAD)));
  }
  return Math.max(1, Math.min(concurrency, count));
}
