/**
 * bin/v8-tiering.js: the launcher raises V8's interrupt budget on the V8 it was measured on (docs/performance.md,
 * « Round 7: V8 tiering »), before the bundle is compiled, so that the code cache made by one run is used by the next.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);
const { tuneTiering } = require('../../bin/v8-tiering.js') as {
  tuneTiering: (v8Version?: string, execArgv?: string[]) => string | undefined;
};

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'minutier-v8-tiering-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('tuneTiering', () => {
  it('leaves a V8 it was not measured on with its own defaults', () => {
    expect(tuneTiering('12.4.254.21-node.33', [])).toBeUndefined();
    expect(tuneTiering('11.8.172.17-node.15', [])).toBeUndefined();
  });

  it('leaves the budget given on node’s command line', () => {
    expect(tuneTiering('11.3.244.8-node.38', ['--interrupt-budget=1000'])).toBeUndefined();
    expect(tuneTiering('11.3.244.8-node.38', ['--interrupt_budget', '1000'])).toBeUndefined();
  });

  it.runIf(/^11\.3\./.test(process.versions.v8))(
    'reaches V8 on Node 20: a code cache made with it is used with it, and rejected without it',
    async () => {
      const folder = path.join(work, 'dist', 'bundle');
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, 'x.cjs'), "exports.value = () => 'ok';\n");
      const url = (file: string) => JSON.stringify(pathToFileURL(path.join(root, 'bin', file)).href);
      const load = async (tuned: boolean) => {
        const script = `import { createRequire } from 'node:module';
          const require = createRequire(${url('minutier.js')});
          const flag = ${tuned} ? require('./v8-tiering.js').tuneTiering() : undefined;
          const { loadCached, saveCodeCaches, codeCacheReport } = require('./code-cache.js');
          loadCached(${JSON.stringify(pathToFileURL(path.join(folder, 'x.cjs')).href)}).value();
          saveCodeCaches();
          process.stdout.write(JSON.stringify({ flag, statuses: codeCacheReport().map((entry) => entry.status) }));`;
        const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script]);
        return JSON.parse(stdout) as { flag?: string; statuses: string[] };
      };
      expect(await load(true)).toEqual({ flag: '--interrupt-budget=270336', statuses: ['written'] });
      expect(await load(true)).toEqual({ flag: '--interrupt-budget=270336', statuses: ['used'] });
      expect(await load(false)).toEqual({ statuses: ['written'] });
      expect(await load(false)).toEqual({ statuses: ['used'] });
      expect(await load(true)).toEqual({ flag: '--interrupt-budget=270336', statuses: ['written'] });
    },
  );
});
