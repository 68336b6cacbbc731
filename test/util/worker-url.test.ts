import { describe, expect, it } from 'vitest';
import { workerUrl } from '../../src/util/worker-url.js';

describe('workerUrl', () => {
  it('finds the worker beside the compiled module, the bundle, or the sources', () => {
    expect(workerUrl('print-worker', 'file:///r/dist/print/worker-printer.js').href).toBe(
      'file:///r/dist/print/print-worker.js',
    );
    expect(workerUrl('print-worker', 'file:///r/dist/bundle/minutier.cjs').href).toBe(
      'file:///r/dist/bundle/print-worker.mjs',
    );
    // From the sources the compiled twin runs (npm test compiles first), even under a folder itself named src.
    expect(workerUrl('check-worker', 'file:///home/src/r/src/pipeline/check-parallel.ts').href).toBe(
      'file:///home/src/r/dist/pipeline/check-worker.js',
    );
  });
});
