/**
 * Where a worker thread's module is, beside the module that starts it (`here`, its import.meta.url): `name.js` when
 * compiled by tsc; in the bundle (`.cjs`), `name.mjs`, which loads `name.cjs` with its code cache
 * (scripts/bundle.mjs); from the sources (`.ts`, the tests), the compiled `name.js` in the same folder of dist/.
 */
export function workerUrl(name: string, here: string): URL {
  if (here.endsWith('.cjs')) return new URL(`./${name}.mjs`, here);
  if (here.endsWith('.ts')) {
    const at = here.lastIndexOf('/src/');
    return new URL(`./${name}.js`, `${here.slice(0, at)}/dist/${here.slice(at + '/src/'.length)}`);
  }
  return new URL(`./${name}.js`, here);
}
