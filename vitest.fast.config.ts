/**
 * `npm run test:fast`: parse, model, check, rules, report, architecture and the real corpus — no browser, no CLI
 * process, no document built (CONTRIBUTING.md). Test files share their workers' loaded modules (`isolate: false`):
 * importing the sources again for each of ~70 files was most of the time (CPU 107 s → 26 s, docs/performance.md). The
 * full suite (`npm test`, vitest.config.ts) still isolates every file.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/parse/**/*.test.ts',
      'test/model/**/*.test.ts',
      'test/check/**/*.test.ts',
      'test/rules/**/*.test.ts',
      'test/report/**/*.test.ts',
      'test/architecture/**/*.test.ts',
      'test/real-corpus.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'threads',
    isolate: false,
  },
});
