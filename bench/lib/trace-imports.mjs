// `node --import ./bench/lib/trace-imports.mjs …`: appends every module URL the program resolves to the file named by
// BENCH_IMPORTS_FILE (one a line). Used to prove that `minutier check` never loads Puppeteer or pdf-lib.
import { register } from 'node:module';

if (process.env.BENCH_IMPORTS_FILE) {
  register(new URL('./trace-imports-hooks.mjs', import.meta.url), { data: { file: process.env.BENCH_IMPORTS_FILE } });
}
