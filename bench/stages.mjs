#!/usr/bin/env node
/**
 * Where the time of `minutier build --documents pv` goes, stage by stage, in one process (the compiled dist/):
 * module imports, check (parse + rules), rendering, the review pages, browser start, printing (Printer.print, which
 * includes the PDF post-processing), the post-processing alone (finalizePdf), atomic writes. Each stage: elapsed time,
 * CPU time of this Node process (process.cpuUsage) and of the browser's processes (from /proc, Linux only).
 *
 *   node bench/stages.mjs [N=20] [--concurrency K] [--from DIR]
 *
 * --from DIR: the sessions of DIR/sessions and organisations of DIR/organisations (e.g. 20 distinct sessions) instead
 * of N copies of the sample session.
 *
 * Diagnostic only (docs/performance.md explains the figures); run `npx tsc -p tsconfig.build.json` first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values, positionals } = parseArgs({
  options: { concurrency: { type: 'string' }, from: { type: 'string' } },
  allowPositionals: true,
});
const n = Number(positionals[0] ?? 20);
const concurrency = values.concurrency ? Number(values.concurrency) : undefined;
const times = [];

/** CPU time (user + system, ms) of every process below this one (the browser), from /proc; 0 elsewhere. */
function browserCpuMs() {
  let names;
  try {
    names = readdirSync('/proc').filter((name) => /^\d+$/u.test(name));
  } catch {
    return 0;
  }
  const stats = new Map();
  for (const name of names) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // Gone meanwhile.
    }
  }
  let ticks = 0;
  const queue = [process.pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [pid, stat] of stats) {
      if (stat.ppid !== parent) continue;
      ticks += stat.ticks;
      queue.push(pid);
    }
  }
  return ticks * 10; // USER_HZ 100
}

const time = async (label, fn) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const browser = browserCpuMs();
  const result = await fn();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const nodeMs = (used.user + used.system) / 1000;
  // A browser that exits during the stage takes its ticks with it: its CPU is then not counted.
  const browserMs = Math.max(0, browserCpuMs() - browser);
  times.push([label, { ms: Math.round(ms), nodeCpuMs: Math.round(nodeMs), browserCpuMs: browserMs }]);
  process.stderr.write(
    `${label.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(6)} s   CPU Node ${(nodeMs / 1000).toFixed(2).padStart(5)} s` +
      `   navigateur ${(browserMs / 1000).toFixed(2).padStart(5)} s\n`,
  );
  return result;
};

const dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-stages-'));
try {
  await mkdir(path.join(dir, 'sessions'));
  if (values.from) {
    await cp(path.join(values.from, 'organisations'), path.join(dir, 'organisations'), { recursive: true });
    const files = (await readdir(path.join(values.from, 'sessions'))).filter((name) => name.endsWith('.md')).sort();
    for (const name of files.slice(0, n))
      await copyFile(path.join(values.from, 'sessions', name), path.join(dir, 'sessions', name));
  } else {
    await cp(path.join(root, 'organisations'), path.join(dir, 'organisations'), { recursive: true });
    const sample = path.join(root, 'sessions', '2022-06-28-comite-syndical.md');
    for (let i = 0; i < n; i++)
      await copyFile(sample, path.join(dir, 'sessions', `s-${String(i).padStart(3, '0')}.md`));
  }

  const { checkFiles } = await time('import check (parse, rules)', () => import(`${root}dist/pipeline/check-files.js`));
  const render = await time('import render (handlebars, rehype)', () => import(`${root}dist/render/index.js`));
  const { renderReview } = await time('import review', () => import(`${root}dist/render/review.js`));
  const print = await time('import print (puppeteer-core, pdf-lib)', () => import(`${root}dist/print/index.js`));
  const { headingTitles } = await import(`${root}dist/print/outline-titles.js`);
  const { finalizePdf } = await import(`${root}dist/print/pdf-finalize.js`);
  const { writeFileAtomic } = await import(`${root}dist/util/atomic-write.js`);

  const files = await time(`check ${n} séances`, () => checkFiles([path.join(dir, 'sessions')], { cwd: dir }));
  const documents = await time(`rendu HTML de ${n} PV`, () =>
    files.map((file) => render.renderSessionHtml(file.data.session)),
  );
  await time(`pages de relecture de ${n} séances`, () =>
    files.map((file) => renderReview(file.data.session, file.messages)),
  );
  await time(`écriture atomique de ${n} HTML`, async () => {
    for (const [i, document] of documents.entries())
      await writeFileAtomic(path.join(dir, 'out', `${i}.html`), document.html);
  });
  const printer = await time('lancement du navigateur', () => print.Printer.launch(concurrency ? { concurrency } : {}));
  let pdfs;
  try {
    const job = (document, i) => ({
      html: document.html,
      title: document.title,
      author: 'bench',
      subject: document.subject,
      lang: 'fr-FR',
      headerTemplate: document.headerTemplate,
      footerTemplate: document.footerTemplate,
      date: new Date('2022-06-28T17:30:00Z'),
      documentId: `bench/${i}`,
    });
    pdfs = await time(`impression de ${n} PDF (Printer.print, parallèle)`, () =>
      Promise.all(documents.map((document, i) => printer.print(job(document, i)))),
    );
    await time('impression de 1 PDF seul (page déjà ouverte)', () => printer.print(job(documents[0], 0)));
  } finally {
    await time('fermeture du navigateur', () => printer.close());
  }
  await time(`post-traitement seul, ${n} PDF (finalizePdf)`, async () => {
    for (const [i, pdf] of pdfs.entries()) {
      await finalizePdf(pdf, {
        title: 't',
        author: 'a',
        subject: 's',
        lang: 'fr-FR',
        date: new Date('2022-06-28T17:30:00Z'),
        documentId: `bench/${i}`,
        contentFingerprint: 'x',
        headings: headingTitles(documents[i].html),
      });
    }
  });
  await time(`écriture atomique de ${n} PDF`, async () => {
    for (const [i, pdf] of pdfs.entries()) await writeFileAtomic(path.join(dir, 'out', `${i}.pdf`), pdf);
  });
  const size = (await readFile(path.join(dir, 'out', '0.pdf'))).length;
  process.stderr.write(
    `taille d'un PDF : ${Math.round(size / 1024)} Kio, d'un HTML : ${Math.round(documents[0].html.length / 1024)} Kio\n`,
  );
  process.stdout.write(`${JSON.stringify(Object.fromEntries(times), null, 2)}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
