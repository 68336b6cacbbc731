// `node --import ./bench/lib/trace-imports.mjs …`: appends every module URL the program resolves (ES modules) or
// loads (CommonJS files, such as dist/bundle/*.cjs and what they require) to the file named by BENCH_IMPORTS_FILE
// (one a line). Used to prove that `minutier check` never loads Puppeteer or pdf-lib.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.BENCH_IMPORTS_FILE;
if (file) {
  register(new URL('./trace-imports-hooks.mjs', import.meta.url), { data: { file } });
  const load = Module.prototype.load;
  Module.prototype.load = function (filename) {
    appendFileSync(file, `${pathToFileURL(filename).href}\n`);
    return load.call(this, filename);
  };
}
