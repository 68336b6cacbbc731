/**
 * `check --concurrency` (issue 13): sessions checked on several threads give the report of the serial check, byte for
 * byte, in every format, in the order of the paths; a few sessions stay on one thread.
 */
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/check/index.js';
import { checkFiles, expandPaths } from '../../src/pipeline/check-files.js';
import { checkFilesInParallel } from '../../src/pipeline/check-parallel.js';
import { autoThreadLimit, parseConcurrency, SESSIONS_PER_THREAD, threadsFor } from '../../src/pipeline/concurrency.js';
import { formatNames, formatReport } from '../../src/report/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
/** Sessions of every kind: the samples, good and broken fixtures, the real corpus (its own organisations). */
const FOLDERS = ['sessions', 'test/fixtures/ok', 'test/fixtures/bad', 'test/fixtures/relations', 'test/fixtures/real'];

async function minutier(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [path.join(root, 'bin/minutier.js'), ...args], { cwd: root, maxBuffer: 64 << 20 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

describe('--concurrency', () => {
  it('reads a count of threads, auto or off, and refuses anything else', () => {
    expect(parseConcurrency('4')).toBe(4);
    expect(parseConcurrency('auto')).toBe('auto');
    expect(parseConcurrency('off')).toBe('off');
    for (const text of ['0', '-1', 'deux', '1.5', '']) expect(parseConcurrency(text)).toHaveProperty('error');
  });

  it('keeps a few sessions on one thread and never starts more threads than sessions or (auto) half the cores', () => {
    expect(threadsFor(undefined, 500)).toBe(1);
    expect(threadsFor('off', 500)).toBe(1);
    expect(threadsFor('auto', SESSIONS_PER_THREAD * 2 - 1)).toBe(1);
    expect(threadsFor('auto', 1000)).toBe(Math.max(1, Math.floor(availableParallelism() / 2)));
    expect([1, 2, 3, 4, 8, 16].map((cores) => autoThreadLimit(cores))).toEqual([1, 1, 1, 2, 4, 8]);
    expect(threadsFor(4, 3)).toBe(3);
    expect(threadsFor(4, 100)).toBe(4);
  });

  it('gives the serial check’s files, in order, with the same findings in every format', async () => {
    const paths = await expandPaths(FOLDERS, root);
    expect(paths.length).toBeGreaterThan(40);
    const serial = await checkFiles(paths, { cwd: root });
    const stats = { byWorkers: 0 };
    const parallel = await checkFilesInParallel(paths, {
      cwd: root,
      threads: 3,
      // The worker runs compiled code: Node cannot start a worker on TypeScript sources.
      worker: new URL('../../dist/pipeline/check-worker.js', import.meta.url),
      stats,
    });
    expect(stats.byWorkers).toBeGreaterThan(0);
    expect(parallel.map((file) => file.path)).toEqual(serial.map((file) => file.path));
    const rules = allRules.map((rule) => rule.meta);
    for (const format of formatNames) {
      const options = { cwd: root, rules, ...(format === 'stylish' ? { color: false } : {}) };
      expect(formatReport(format, parallel, options), format).toBe(formatReport(format, serial, options));
    }
  });

  it('prints the same report and exits the same way from the command line, on one thread or several', async () => {
    const serial = await minutier('check', ...FOLDERS, '--format', 'json', '--concurrency', 'off');
    const parallel = await minutier('check', ...FOLDERS, '--format', 'json', '--concurrency', '2');
    expect(serial.code).toBe(1);
    expect(parallel.code).toBe(serial.code);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.stderr).toBe(serial.stderr);
  });

  it.each([
    [['check', '--concurrency', 'zero'], /--concurrency attend un nombre/u],
    [['build', '--concurrency', '2'], /--concurrency ne s’emploie qu’avec check/u],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const result = await minutier(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
