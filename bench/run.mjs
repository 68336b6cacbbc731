#!/usr/bin/env node
/**
 * `npm run bench`: minutier measured against md-to-pdf and a bare Puppeteer loop on N copies of the sample session,
 * plus `check` alone beside its floor (the same files parsed alone, bench/bare-parse.mjs), an unchanged rebuild and
 * peak memory. Prints a table and rewrites the measured part of
 * docs/performance.md (between the `bench:start` / `bench:end` markers; the analysis around them is kept).
 *
 *   node bench/run.mjs [--sizes 1,20] [--check-sizes 1,20,100] [--runs 3] [--full-runs 3]
 *                      [--no-md-to-pdf] [--no-full] [--no-write] [--keep]
 *
 * Every measurement is a separate process started the way a user starts it (`node bin/minutier.js …`,
 * `node_modules/.bin/md-to-pdf a.md b.md …`), timed from spawn to exit. md-to-pdf gets all the files in one
 * invocation; when that fails (it gives each page 30 s, no setting raises it, and it loads every file at once), that
 * run is redone in batches of 5 files, one invocation after the other, and the row says how many runs were. dist/ is recompiled first when a file of
 * src/ is newer than its compiled twin (`tsc -p tsconfig.build.json`).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const rel = (...parts) => path.join(root, ...parts);
const SAMPLE = rel('sessions', '2022-06-28-comite-syndical.md');
const RSS_HOOK = rel('bench', 'lib', 'rss-hook.cjs');
const TRACE_IMPORTS = rel('bench', 'lib', 'trace-imports.mjs');
const MINUTIER = rel('bin', 'minutier.js');
const MD_TO_PDF = rel('node_modules', 'md-to-pdf', 'dist', 'cli.js');
const BARE = rel('bench', 'bare-puppeteer.mjs');
const BARE_PARSE = rel('bench', 'bare-parse.mjs');
const DOC = rel('docs', 'performance.md');
/** Files per md-to-pdf invocation when one invocation for all of them fails (see the md-to-pdf measurement). */
const MD_TO_PDF_BATCH = 5;

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,20' },
    'check-sizes': { type: 'string', default: '1,20,100' },
    runs: { type: 'string', default: '3' },
    'full-runs': { type: 'string' },
    'no-md-to-pdf': { type: 'boolean', default: false },
    'no-full': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const list = (text) =>
  text
    .split(',')
    .map((n) => Number(n.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
const sizes = list(flags.sizes);
const checkSizes = list(flags['check-sizes']);
const runs = Math.max(1, Number(flags.runs));
const fullRuns = Math.max(1, Number(flags['full-runs'] ?? flags.runs));
const log = (text) => process.stderr.write(`${text}\n`);

// ---------------------------------------------------------------------------------------------------------------
// dist/ up to date

function newestStale() {
  const stale = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const compiled = rel('dist', path.relative(rel('src'), full)).replace(/\.ts$/u, '.js');
        if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(full).mtimeMs) stale.push(full);
      }
    }
  };
  walk(rel('src'));
  return stale;
}

/** dist/bundle/minutier.cjs (what bin/minutier.js runs) rebuilt when older than dist/cli/main.js. */
function ensureBundled(note) {
  const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -1);
  if (mtime(rel('dist', 'bundle', 'minutier.cjs')) >= mtime(rel('dist', 'cli', 'main.js'))) return note;
  log('dist/bundle périmé : node scripts/bundle.mjs…');
  execFileSync(process.execPath, [rel('scripts', 'bundle.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return `${note}, CLI regroupé (scripts/bundle.mjs)`;
}

function ensureCompiled() {
  return ensureBundled(compile());
}

function compile() {
  const stale = newestStale();
  if (stale.length === 0) return 'dist/ à jour';
  log(`dist/ périmé (${stale.length} fichier(s) de src/ plus récents) : tsc -p tsconfig.build.json…`);
  try {
    execFileSync(process.execPath, [rel('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // tsc still emits on type errors; report them but measure what was compiled.
    log(
      `tsc a signalé des erreurs (mesure faite avec ce qui a été émis) :\n${String(error.stdout ?? '').slice(0, 2000)}`,
    );
  }
  return 'dist/ recompilé par le banc';
}

// ---------------------------------------------------------------------------------------------------------------
// Processes and memory

/** Every process below `pid`, from /proc (Linux only; elsewhere: none). */
function descendants(pid) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/u.test(name));
  } catch {
    return [];
  }
  const children = new Map();
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  const out = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system) of a process so far, in clock ticks. */
function cpuTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Proportional set size (shared pages split between the processes sharing them), else RSS; in kilobytes. */
function memoryKb(pid) {
  try {
    const match = /^Pss:\s+(\d+)/mu.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Older kernels: fall back to RSS.
  }
  try {
    const match = /VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs one command to completion. Resolves to its wall time (spawn → exit), the peak RSS of the Node process (its own
 * maxRSS, written by bench/lib/rss-hook.cjs) and the peak of the summed PSS of its child processes (the browser;
 * shared pages split between the processes sharing them), sampled every 100 ms.
 */
/**
 * Set by repeat() for its one extra run: the browser's memory is read from /proc every 100 ms. Reading every
 * process's smaps_rollup costs the bench ~20 ms of CPU per reading (≈ 1.8 s over a 20-PV build, measured): on two cores
 * that slows most the program that uses both, so the timed runs are not sampled (docs/performance.md, « The bench's
 * own load »).
 */
let sampleMemory = false;

async function measure(label, nodeArgs, { cwd, env = {}, okCodes = [0] } = {}) {
  const rssFile = path.join(os.tmpdir(), `minutier-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', RSS_HOOK, ...nodeArgs], {
    cwd,
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let browserPeakKb = 0;
  const browserTicks = new Map();
  const sampler = sampleMemory
    ? setInterval(() => {
        const pids = descendants(child.pid);
        browserPeakKb = Math.max(
          browserPeakKb,
          pids.reduce((sum, pid) => sum + memoryKb(pid), 0),
        );
        for (const pid of pids) browserTicks.set(pid, Math.max(browserTicks.get(pid) ?? 0, cpuTicks(pid)));
      }, 100)
    : undefined;
  const code = await new Promise((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
  const ms = performance.now() - started;
  clearInterval(sampler);
  let nodeRssKb = 0;
  let nodeCpuMs = 0;
  try {
    const usage = JSON.parse(await readFile(rssFile, 'utf8'));
    nodeRssKb = usage.maxRSS;
    nodeCpuMs = usage.cpuUs / 1000;
    await rm(rssFile, { force: true });
  } catch {
    // No figure.
  }
  // The browser's CPU, from the samples (a lower bound: the last tenth of a second of each browser process is
  // missed). Its processes are not all waited for by the measured one (Chromium's zygote forks the renderers), so
  // the children's time in /proc/self/stat misses most of it: only the sampled run gives it.
  const browserCpuMs = ([...browserTicks.values()].reduce((a, b) => a + b, 0) * 1000) / TICKS_PER_SECOND;
  if (!okCodes.includes(code)) {
    throw new Error(`${label} : code de sortie ${code}\n${stderr.slice(-3000)}\n${stdout.slice(-2000)}`);
  }
  return { ms, nodeRssKb, browserPeakKb, cpuMs: nodeCpuMs + browserCpuMs, sampled: sampleMemory, stdout, stderr };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `once(i)` `count` times in a row, then once more with the browser's memory sampled (that run's time is not
 * counted); median and min of the times, max of the memories.
 */
async function repeat(label, count, once) {
  const results = [];
  let failures = 0;
  for (let i = 0; i < count; i++) {
    try {
      const result = await once(i);
      results.push(result);
      log(`  ${label} #${i + 1} : ${(result.ms / 1000).toFixed(2)} s`);
    } catch (error) {
      // A failed run (md-to-pdf timing out under load, say) is counted, not fatal: the other figures still matter.
      failures += 1;
      log(`  ${label} #${i + 1} : ÉCHEC — ${String(error.message).split('\n')[0]}`);
    }
  }
  let memory;
  if (results.length > 0) {
    sampleMemory = true;
    try {
      memory = await once(count);
      log(`  ${label}, mémoire : ${(memory.ms / 1000).toFixed(2)} s (échantillonné, non compté)`);
    } catch (error) {
      log(`  ${label}, mémoire : ÉCHEC — ${String(error.message).split('\n')[0]}`);
    } finally {
      sampleMemory = false;
    }
  }
  if (results.length === 0) return undefined;
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  return {
    label,
    runs: results.length,
    failures,
    median: times.length % 2 ? times[middle] : (times[middle - 1] + times[middle]) / 2,
    min: times[0],
    first: results[0].ms,
    // Node's and the browser's CPU from the sampled run when there is one (only it sees the browser's processes).
    cpuMs: memory?.cpuMs ?? median(results.map((r) => r.cpuMs)),
    nodeRssKb: Math.max(...[...results, ...(memory ? [memory] : [])].map((r) => r.nodeRssKb)),
    browserPeakKb: memory?.browserPeakKb ?? 0,
    last: results.at(-1),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Workspaces

const stripFrontmatter = (text) => text.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/u, '');
const copyName = (i) => `2022-06-28-comite-syndical-${String(i + 1).padStart(3, '0')}.md`;

/** `<dir>/sessions/*.md` (N copies of the sample), `<dir>/organisations/`, `<dir>/md/*.md` (plain Markdown). */
async function workspace(dir, n, withMarkdown) {
  await mkdir(path.join(dir, 'sessions'), { recursive: true });
  await cp(rel('organisations'), path.join(dir, 'organisations'), { recursive: true });
  const plain = stripFrontmatter(await readFile(SAMPLE, 'utf8'));
  if (withMarkdown) await mkdir(path.join(dir, 'md'), { recursive: true });
  // Distinct sessions, as a real archive: one sentence differs in each copy (no cache of any kind can help).
  const sample = await readFile(SAMPLE, 'utf8');
  const anchor = "Le Président propose au Comité syndical d'arrêter le compte de gestion 2021.";
  const distinct = (text, i) => text.replace(anchor, `${anchor} Copie n° ${i + 1} du banc.`);
  for (let i = 0; i < n; i++) {
    await writeFile(path.join(dir, 'sessions', copyName(i)), distinct(sample, i));
    if (withMarkdown) await writeFile(path.join(dir, 'md', copyName(i)), distinct(plain, i));
  }
}

async function countFiles(dir, suffix) {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) count += 1;
  }
  return count;
}

async function expectFiles(dir, suffix, expected, what) {
  const count = await countFiles(dir, suffix);
  if (count !== expected) throw new Error(`${what} : ${count} fichier(s) ${suffix} au lieu de ${expected} dans ${dir}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Machine

function chromiumVersion(executablePath) {
  try {
    return execFileSync(executablePath, ['--version'], {
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'inconnue';
  }
}

function machine(executablePath) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/u, 'Z'),
    cores: os.availableParallelism(),
    cpu: cpus[0]?.model ?? 'inconnu',
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} Gio`,
    node: process.version,
    chromium: chromiumVersion(executablePath),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The measurements

async function main() {
  const compiled = ensureCompiled();
  const { findBrowser } = await import(rel('dist', 'print', 'find-browser.js'));
  const browser = await findBrowser();
  if (!browser) throw new Error('Aucun navigateur trouvé (CHROME_PATH) : le banc a besoin de Chromium.');
  const info = machine(browser.executablePath);
  const loadBefore = os.loadavg();
  const base = await mkdtemp(path.join(os.tmpdir(), 'minutier-bench-'));
  log(`Banc dans ${base} ; navigateur ${browser.executablePath} (${browser.source}).`);
  const results = {
    check: [],
    parse: [],
    parseAllCores: [],
    pv: new Map(),
    pvFullBrowser: new Map(),
    mdToPdf: new Map(),
    bare: new Map(),
    full: new Map(),
    rebuild: new Map(),
  };
  // When minutier prints with chrome-headless-shell, the full Debian/Google browser is measured beside it.
  const fullBrowser = /headless-shell/u.test(browser.executablePath)
    ? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((candidate) =>
        existsSync(candidate),
      )
    : undefined;

  try {
    // --- check first, before anything else warms the caches: the very first run is the cold start.
    const checkDirs = new Map();
    for (const n of [...new Set([1, ...checkSizes])]) {
      const dir = path.join(base, `check-${n}`);
      await workspace(dir, n, false);
      checkDirs.set(n, dir);
    }
    const coldDir = checkDirs.get(1);
    const cold = await measure('check à froid', [MINUTIER, 'check', path.join('sessions', copyName(0))], {
      cwd: coldDir,
      okCodes: [0, 1],
    });
    const nodeOnly = await repeat('node -e 0', runs, () => measure('node -e 0', ['-e', '0']));
    const importsFile = path.join(base, 'check-imports.txt');
    const traced = await measure('check (modules)', ['--import', TRACE_IMPORTS, MINUTIER, 'check', 'sessions'], {
      cwd: coldDir,
      env: { BENCH_IMPORTS_FILE: importsFile },
      okCodes: [0, 1],
    });
    void traced;
    const imported = existsSync(importsFile) ? readFileSync(importsFile, 'utf8').split('\n').filter(Boolean) : [];
    // A package is loaded either from node_modules or inside a file of dist/bundle (esbuild marks each bundled
    // module with a `// node_modules/<package>/…` comment).
    const bundledChunks = imported
      .filter((url) => url.includes('/dist/bundle/'))
      .map((url) => readFileSync(fileURLToPath(url), 'utf8'));
    const heavy = ['puppeteer', 'pdf-lib', 'handlebars', 'chromium-bidi'].filter(
      (name) =>
        imported.some((url) => url.includes(`/node_modules/${name}/`) || url.includes(`/node_modules/${name}-core/`)) ||
        bundledChunks.some(
          (text) => text.includes(`// node_modules/${name}/`) || text.includes(`// node_modules/${name}-core/`),
        ),
    );
    const importMs = await measure(
      'import check',
      [
        '--input-type=module',
        '-e',
        `const t = performance.now(); await import(${JSON.stringify(rel('dist', 'cli', 'check-command.js'))}); process.stdout.write(String(performance.now() - t));`,
      ],
      { cwd: coldDir },
    );
    for (const n of checkSizes) {
      const measured = await repeat(`check ${n}`, runs, () =>
        measure(`check ${n}`, [MINUTIER, 'check', 'sessions'], { cwd: checkDirs.get(n), okCodes: [0, 1] }),
      );
      if (measured) results.check.push({ n, ...measured });
      // The floor of « check at parser speed »: the same files parsed by the same parser, nothing else.
      const parsed = await repeat(`analyse seule ${n}`, runs, () =>
        measure(`analyse seule ${n}`, [BARE_PARSE, 'sessions'], { cwd: checkDirs.get(n) }),
      );
      if (parsed) results.parse.push({ n, ...parsed });
      // The same floor on every core: the files shared out among one parsing process per core (xargs -P).
      if (n > 1 && info.cores > 1) {
        const spread = await repeat(`analyse seule ${n}, ${info.cores} processus`, runs, () =>
          measure(
            `analyse seule ${n}, ${info.cores} processus`,
            [BARE_PARSE, '--jobs', String(info.cores), 'sessions'],
            {
              cwd: checkDirs.get(n),
            },
          ),
        );
        // Its processes are parsers, not a browser: their memory is counted with the one that shares the files out.
        if (spread)
          results.parseAllCores.push({
            n,
            ...spread,
            nodeRssKb: spread.nodeRssKb + spread.browserPeakKb,
            browserPeakKb: 0,
          });
      }
    }

    // --- builds
    const { checkFiles } = await import(rel('dist', 'pipeline', 'check-files.js'));
    const { renderSessionHtml } = await import(rel('dist', 'render', 'index.js'));
    const [sampleFile] = await checkFiles([SAMPLE], { cwd: root });
    const sampleDocument = renderSessionHtml(sampleFile.data.session);

    for (const n of sizes) {
      const dir = path.join(base, `n${n}`);
      await workspace(dir, n, !flags['no-md-to-pdf']);

      let lastPvOut;
      results.pv.set(
        n,
        await repeat(`minutier build --documents pv (${n})`, runs, async (i) => {
          const out = `out-pv-${i}`;
          const result = await measure('build pv', [MINUTIER, 'build', 'sessions', '--out', out, '--documents', 'pv'], {
            cwd: dir,
          });
          await expectFiles(path.join(dir, out), '.pdf', n, 'minutier build --documents pv');
          lastPvOut = path.join(dir, out);
          return result;
        }),
      );

      if (!lastPvOut) throw new Error('minutier build --documents pv a échoué à chaque essai.');

      // The same build with the full browser instead of chrome-headless-shell, side by side in the same run.
      if (fullBrowser) {
        results.pvFullBrowser.set(
          n,
          await repeat(`minutier build --documents pv, navigateur complet (${n})`, runs, async (i) => {
            const out = `out-pv-full-browser-${i}`;
            const result = await measure(
              'build pv (chromium)',
              [MINUTIER, 'build', 'sessions', '--out', out, '--documents', 'pv'],
              {
                cwd: dir,
                env: { CHROME_PATH: fullBrowser },
              },
            );
            await expectFiles(path.join(dir, out), '.pdf', n, 'minutier build --documents pv (chromium)');
            return result;
          }),
        );
      }
      const jobs = {
        executablePath: browser.executablePath,
        headerTemplate: sampleDocument.headerTemplate,
        footerTemplate: sampleDocument.footerTemplate,
        files: Array.from({ length: n }, (_, i) => ({
          html: path.join(lastPvOut, copyName(i).replace(/\.md$/u, '.html')),
          pdf: path.join(dir, 'bare', copyName(i).replace(/\.md$/u, '.pdf')),
        })),
      };
      await mkdir(path.join(dir, 'bare'), { recursive: true });
      await writeFile(path.join(dir, 'bare-jobs.json'), JSON.stringify(jobs));
      results.bare.set(
        n,
        await repeat(`boucle Puppeteer nue (${n})`, runs, async () => {
          const result = await measure('bare', [BARE, 'bare-jobs.json'], { cwd: dir });
          await expectFiles(path.join(dir, 'bare'), '.pdf', n, 'boucle Puppeteer nue');
          return result;
        }),
      );

      if (!flags['no-md-to-pdf']) {
        const config = path.join(dir, 'md-to-pdf.config.json');
        const args = ['--disable-gpu'];
        if (process.getuid?.() === 0) args.push('--no-sandbox');
        await writeFile(config, JSON.stringify({ launch_options: { executablePath: browser.executablePath, args } }));
        const files = Array.from({ length: n }, (_, i) => path.join('md', copyName(i)));
        const clear = async () => {
          for (const entry of await readdir(path.join(dir, 'md'))) {
            if (entry.endsWith('.pdf')) await rm(path.join(dir, 'md', entry));
          }
        };
        let batched = 0;
        const measured = await repeat(`md-to-pdf (${n})`, runs, async () => {
          await clear();
          try {
            // As documented: every file in one invocation (one browser, the files printed concurrently).
            const result = await measure('md-to-pdf', [MD_TO_PDF, '--config-file', config, ...files], { cwd: dir });
            await expectFiles(path.join(dir, 'md'), '.pdf', n, 'md-to-pdf');
            return result;
          } catch (error) {
            // md-to-pdf gives each page 30 s to load, with no setting to raise it, and loads all its files at once: on
            // a loaded machine the single invocation fails. A user then runs it on smaller batches, one after the
            // other; so does the bench, and the row says so.
            log(
              `  md-to-pdf en un seul appel a échoué (${String(error.message).split('\n')[0]}) : reprise par lots de ${MD_TO_PDF_BATCH}.`,
            );
            await clear();
            const total = { ms: 0, nodeRssKb: 0, browserPeakKb: 0, cpuMs: 0, stdout: '', stderr: '' };
            for (let start = 0; start < files.length; start += MD_TO_PDF_BATCH) {
              const batch = files.slice(start, start + MD_TO_PDF_BATCH);
              const result = await measure('md-to-pdf (lot)', [MD_TO_PDF, '--config-file', config, ...batch], {
                cwd: dir,
              });
              total.ms += result.ms;
              total.cpuMs += result.cpuMs;
              total.nodeRssKb = Math.max(total.nodeRssKb, result.nodeRssKb);
              total.browserPeakKb = Math.max(total.browserPeakKb, result.browserPeakKb);
            }
            await expectFiles(path.join(dir, 'md'), '.pdf', n, 'md-to-pdf par lots');
            // The note counts the timed runs only (the memory run is not timed).
            if (!sampleMemory) batched += 1;
            return total;
          }
        });
        if (measured) measured.batched = batched;
        results.mdToPdf.set(n, measured);
      }

      if (!flags['no-full']) {
        let lastFullOut;
        results.full.set(
          n,
          await repeat(`minutier build complet (${n})`, fullRuns, async (i) => {
            const out = `out-full-${i}`;
            const result = await measure('build', [MINUTIER, 'build', 'sessions', '--out', out], { cwd: dir });
            lastFullOut = out;
            return result;
          }),
        );
        if (!lastFullOut) continue;
        const full = results.full.get(n);
        if (full) full.pdfs = await countFiles(path.join(dir, lastFullOut), '.pdf');
        results.rebuild.set(
          n,
          await repeat(`minutier build sans changement (${n})`, runs, async () => {
            const result = await measure('rebuild', [MINUTIER, 'build', 'sessions', '--out', lastFullOut], {
              cwd: dir,
            });
            if (
              !/déjà à jour/u.test(result.stdout + result.stderr) ||
              /[1-9]\d* fichiers? écrits?/u.test(result.stdout + result.stderr)
            ) {
              throw new Error(
                `La reconstruction sans changement a écrit quelque chose :\n${result.stdout.slice(-500)}`,
              );
            }
            return result;
          }),
        );
      }
    }

    const report = {
      info,
      compiled,
      loadBefore,
      loadAfter: os.loadavg(),
      runs,
      fullRuns,
      cold,
      nodeOnly,
      importCheckMs: Number(importMs.stdout),
      heavy,
      results,
      command:
        `npm run bench -- --sizes ${sizes.join(',')} --check-sizes ${checkSizes.join(',')} --runs ${runs}` +
        (flags['full-runs'] ? ` --full-runs ${fullRuns}` : '') +
        (flags['no-md-to-pdf'] ? ' --no-md-to-pdf' : '') +
        (flags['no-full'] ? ' --no-full' : ''),
    };
    const markdown = renderReport(report);
    process.stdout.write(`${markdown}\n`);
    if (!flags['no-write']) await writeDoc(markdown);
  } finally {
    if (flags.keep) log(`Dossiers conservés : ${base}`);
    else await rm(base, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const s = (ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
const sessionsLabel = (n) => (n === 1 ? '1 séance' : `${n} séances`);
const mb = (kb) => (kb ? `${Math.round(kb / 1024)} Mo` : '—');

function row(what, n, r, note = '') {
  if (!r) return undefined;
  const failed = r.failures ? `${note ? ' ; ' : ''}${r.failures} essai(s) en échec, non comptés` : '';
  return `| ${what} | ${n} | ${s(r.median)} | ${s(r.min)} | ${s(r.cpuMs)} | ${r.runs} | ${mb(r.nodeRssKb)} | ${mb(r.browserPeakKb)} | ${note}${failed} |`;
}

function targets(report) {
  const { results } = report;
  const at = (map) => map.get(20) ?? map.get(Math.max(...map.keys()));
  const n = results.pv.has(20) ? 20 : Math.max(...results.pv.keys());
  const out = [];
  const verdict = (ok) => (ok ? '**atteint**' : '**non atteint**');
  const pv = at(results.pv);
  const md = at(results.mdToPdf);
  if (pv && md) {
    const ratio = pv.median / md.median;
    out.push(
      `| ${sessionsLabel(n)} : au plus 0,9 × md-to-pdf (cible haute 0,75 ×) | ≤ ${s(md.median * 0.9)} | ${s(pv.median)} (md-to-pdf ${s(md.median)}${md.batched ? `, dont ${md.batched} essai(s) par lots` : ''}, rapport ${ratio.toFixed(2)}) | ${verdict(ratio <= 0.9)}${ratio <= 0.75 ? ' (cible haute aussi)' : ''} |`,
    );
  }
  const bare = at(results.bare);
  if (pv && bare) {
    out.push(
      `| au plus 1,1 × la boucle Puppeteer nue (${sessionsLabel(n)}) | ≤ ${s(bare.median * 1.1)} | ${s(pv.median)} (boucle ${s(bare.median)}, rapport ${(pv.median / bare.median).toFixed(2)}) | ${verdict(pv.median <= bare.median * 1.1)} |`,
    );
  }
  if (pv) {
    const peak = pv.nodeRssKb + pv.browserPeakKb;
    out.push(
      `| mémoire de pointe du build de ${n} PV (Node + navigateur) sous 1,5 Go | < 1 536 Mo | ${mb(peak)} | ${verdict(peak < 1.5 * 1024 * 1024)} |`,
    );
  }
  const check100 = results.check.find((c) => c.n === 100);
  // Each check target beside its floor, the same files parsed alone (bench/bare-parse.mjs).
  const floor = (count, ms) => {
    const parse = results.parse.find((p) => p.n === count);
    const spread = results.parseAllCores.find((p) => p.n === count);
    return (
      (parse ? ` ; analyse seule ${s(parse.median)}, rapport ${(ms / parse.median).toFixed(2)}` : '') +
      (spread ? ` ; analyse seule sur les ${report.info.cores} cœurs ${s(spread.median)}` : '')
    );
  };
  if (check100)
    out.push(
      `| 100 séances contrôlées en au plus 3 s | ≤ 3,00 s | ${s(check100.median)}${floor(100, check100.median)} | ${verdict(check100.median <= 3000)} |`,
    );
  out.push(
    `| une séance contrôlée en au plus 0,4 s, à froid | ≤ 0,40 s | ${s(report.cold.ms)} (premier lancement)${floor(1, report.cold.ms)} | ${verdict(report.cold.ms <= 400)} |`,
  );
  const rebuild = results.rebuild.get(20);
  if (rebuild)
    out.push(
      `| reconstruction de 20 séances inchangées en au plus 0,5 s | ≤ 0,50 s | ${s(rebuild.median)} | ${verdict(rebuild.median <= 500)} |`,
    );
  return out;
}

function renderReport(report) {
  const { info, results } = report;
  const lines = [];
  lines.push(`Mesuré le ${info.date} avec \`${report.command}\` (${report.compiled}).`, '');
  lines.push(
    `Machine : ${info.cores} cœurs (${info.cpu}), ${info.memory} de mémoire, ${info.platform} ; Node ${info.node} ; ${info.chromium}. ` +
      `Charge moyenne (1 min) au début ${report.loadBefore[0].toFixed(1)}, à la fin ${report.loadAfter[0].toFixed(1)}` +
      (report.loadBefore[0] > info.cores * 0.75 || report.loadAfter[0] > info.cores * 0.75
        ? ' — machine partagée et chargée : les temps absolus sont pessimistes, les rapports restent comparables.'
        : '.'),
    '',
  );
  lines.push(
    '| mesure | séances | médiane | min | CPU (Node + navigateur) | essais | mémoire Node (pic) | navigateur (pic, somme PSS) | remarque |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  const add = (line) => line && lines.push(line);
  for (const n of [...results.pv.keys()]) {
    const perPdf = (r, count) => (r && count ? `${s(r.median / count)} par PDF` : '');
    add(
      row(
        'minutier `build --documents pv` (HTML + PDF du PV)',
        n,
        results.pv.get(n),
        `chrome-headless-shell ; ${perPdf(results.pv.get(n), n)}`,
      ),
    );
    add(
      row(
        'minutier `build --documents pv`, navigateur complet',
        n,
        results.pvFullBrowser.get(n),
        'chromium (nouveau headless)',
      ),
    );
    const md = results.mdToPdf.get(n);
    add(
      row(
        'md-to-pdf, même Markdown sans en-tête',
        n,
        md,
        md?.batched
          ? `${md.batched} essai(s) par lots de ${MD_TO_PDF_BATCH} fichiers (l’appel unique a dépassé sa limite de 30 s par page), les autres en un seul appel`
          : 'un seul appel',
      ),
    );
    add(
      row(
        'boucle Puppeteer nue sur le HTML de minutier',
        n,
        results.bare.get(n),
        `1 navigateur, 1 page réutilisée (média print, polices servies de mémoire), setContent + pdf ; ${perPdf(results.bare.get(n), n)}`,
      ),
    );
    const full = results.full.get(n);
    add(
      row(
        'minutier `build` complet (PV, liste, extraits)',
        n,
        full,
        full ? `${full.pdfs} PDF ; ${perPdf(full, full.pdfs)}` : '',
      ),
    );
    add(row('minutier `build` sans changement', n, results.rebuild.get(n), 'rien n’est écrit'));
  }
  for (const c of results.check) {
    add(row('minutier `check`', c.n, c, 'un processus neuf à chaque essai'));
    add(
      row(
        'analyse seule : remark-parse (tableaux, en-tête) et yaml',
        c.n,
        results.parse.find((p) => p.n === c.n),
        'le plancher du contrôle (bench/bare-parse.mjs) : lire et analyser, rien d’autre',
      ),
    );
    add(
      row(
        `analyse seule, ${info.cores} processus à la fois`,
        c.n,
        results.parseAllCores.find((p) => p.n === c.n),
        `le même plancher sur tous les cœurs (\`bare-parse.mjs --jobs ${info.cores}\`, un processus par cœur) ; mémoire : tous les processus`,
      ),
    );
  }
  lines.push(
    `| minutier \`check\`, tout premier lancement | 1 | ${s(report.cold.ms)} | — | ${s(report.cold.cpuMs)} | 1 | ${mb(report.cold.nodeRssKb)} | — | avant tout autre essai |`,
  );
  add(row('`node -e 0` (démarrage de Node seul)', '—', report.nodeOnly));
  lines.push('');
  lines.push(
    'Temps : du lancement du processus à sa fin (ce qu’attend l’utilisateur). CPU : temps processeur (utilisateur + ' +
      'système) du processus Node et des processus du navigateur, et mémoire du navigateur (somme des PSS de ses ' +
      'processus) : relevés toutes les 100 ms pendant un essai de plus, non chronométré — la relève coûte au banc ≈ 20 ms ' +
      'de CPU chaque fois, elle ralentirait les essais chronométrés. Le CPU est bien moins sensible que le temps écoulé à ' +
      'la charge de la machine.',
    '',
  );
  lines.push(
    `Import des modules de \`check\` (dist/cli/check-command.js) : ${s(report.importCheckMs)}. ` +
      `Modules lourds chargés par \`check\` : ${report.heavy.length ? report.heavy.join(', ') : 'aucun (ni puppeteer, ni pdf-lib, ni handlebars)'}.`,
    '',
  );
  lines.push('| objectif | seuil | mesuré | verdict |', '|---|---:|---|---|', ...targets(report));
  return lines.join('\n');
}

async function writeDoc(markdown) {
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const block = `${start}\n${markdown}\n${end}`;
  let text = existsSync(DOC) ? await readFile(DOC, 'utf8') : '';
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  } else {
    text = `# Performances\n\n${block}\n`;
  }
  await writeFile(DOC, text);
  log(`Écrit : ${path.relative(root, DOC)}`);
}

main().catch((error) => {
  process.stderr.write(`bench : ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
