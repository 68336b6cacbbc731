/**
 * Nothing lost: a `minutier build` killed with SIGKILL while it prints PDFs leaves the previous complete outputs
 * intact and readable; stray temporary files are never named like outputs; a build never deletes a file it did
 * not write. Real CLI, real Chromium (two complete builds and one interrupted).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STACK_LINE,
  controlSession,
  hostileDir,
  listFiles,
  pdfOpens,
  root,
  runCli,
  type CliResult,
} from './helpers.js';

const TEMP_NAME = /(^|\/)\.[^/]+\.tmp-[0-9a-f]+$/u;
const UNRELATED = {
  'notes-du-secretariat.txt': 'Notes personnelles, à garder.\n',
  'archives/pv-2019-signe.pdf': '%PDF-1.4 archive\n',
};

let repo: string;
let out: string;
let first: CliResult;
let before: Map<string, string>;
let killed: { signal: NodeJS.Signals | null; code: number | null; rewrittenBeforeKill: number; pdfs: number };
let after: string[];
let last: CliResult;

async function digest(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

async function snapshot(): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const relative of await listFiles(out)) map.set(relative, await digest(path.join(out, relative)));
  return map;
}

/**
 * Direct children of a process (Chromium is launched detached, in its own process group), read from /proc: no `ps`,
 * which a fresh machine may lack.
 */
async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  const entries = await readdir('/proc').catch(() => [] as string[]);
  for (const entry of entries) {
    if (!/^\d+$/u.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid …: comm may hold spaces or parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) children.push(Number(entry));
  }
  return children;
}

/** The browser's temporary profile folder (`--user-data-dir`), from its command line. */
async function userDataDirOf(pid: number): Promise<string | undefined> {
  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  const flag = commandLine.split('\0').find((arg) => arg.startsWith('--user-data-dir='));
  return flag?.slice('--user-data-dir='.length);
}

function killGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Starts `build --force`, and kills it (SIGKILL) as soon as one PDF of the previous build has been replaced. */
async function interruptedBuild(pdfs: string[]): Promise<typeof killed> {
  const startedAt = Date.now();
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin/minutier.js'), 'build', 'sessions', '--out', 'out', '--force'],
    {
      cwd: repo,
      detached: true,
      stdio: 'ignore',
    },
  );
  const exited = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const browsers = new Set<number>();
  let rewrittenBeforeKill = 0;
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    for (const pid of await childrenOf(child.pid!)) browsers.add(pid);
    const times = await Promise.all(
      pdfs.map((pdf) =>
        stat(path.join(out, pdf))
          .then((s) => s.mtimeMs)
          .catch(() => 0),
      ),
    );
    rewrittenBeforeKill = times.filter((time) => time >= startedAt).length;
    if (rewrittenBeforeKill > 0) {
      killGroup(child.pid!);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  const result = await exited;
  // The browser was started by the killed build: end it (and its own process group) by id, and remove the profile
  // folder the killed build could not (nothing survives a SIGKILL to clean up after itself).
  const profiles = await Promise.all([...browsers].map(userDataDirOf));
  for (const pid of browsers) killGroup(pid);
  for (const dir of profiles) if (dir) await rm(dir, { recursive: true, force: true });
  return { ...result, rewrittenBeforeKill, pdfs: pdfs.length };
}

beforeAll(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), 'minutier-lost-'));
  out = path.join(repo, 'out');
  await mkdir(path.join(repo, 'sessions'), { recursive: true });
  await mkdir(path.join(repo, 'organisations'), { recursive: true });
  await copyFile(path.join(hostileDir, 'organisations/hostile.yml'), path.join(repo, 'organisations/hostile.yml'));
  for (const [index, date] of ['2024-02-01', '2024-03-01', '2024-04-01'].entries()) {
    await writeFile(path.join(repo, 'sessions', `seance-${index + 1}.md`), controlSession({ date, items: 3 }));
  }
  for (const [relative, content] of Object.entries(UNRELATED)) {
    await mkdir(path.dirname(path.join(out, relative)), { recursive: true });
    await writeFile(path.join(out, relative), content);
  }
  first = await runCli(['build', 'sessions', '--out', 'out'], repo);
  before = await snapshot();
  const pdfs = [...before.keys()].filter((file) => file.endsWith('.pdf') && !file.startsWith('archives/'));
  killed = await interruptedBuild(pdfs);
  after = await listFiles(out);
}, 400_000);

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('a build killed while it prints PDFs', () => {
  it('the first build is complete: every PDF opens', async () => {
    expect(first.code).toBe(0);
    expect(first.stdout + first.stderr).not.toMatch(STACK_LINE);
    const pdfs = [...before.keys()].filter((file) => file.endsWith('.pdf') && !file.startsWith('archives/'));
    expect(pdfs.length).toBeGreaterThanOrEqual(15);
    for (const pdf of pdfs) expect(await pdfOpens(path.join(out, pdf)), pdf).toBe(true);
  });

  it('was really killed mid-way (SIGKILL, some PDFs replaced, not all)', () => {
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.rewrittenBeforeKill).toBeGreaterThan(0);
    expect(killed.rewrittenBeforeKill).toBeLessThan(killed.pdfs);
  });

  it('every previous output is still there, and every PDF and HTML is complete and readable', async () => {
    for (const relative of before.keys()) expect(after, relative).toContain(relative);
    for (const relative of after.filter((file) => !TEMP_NAME.test(file))) {
      const file = path.join(out, relative);
      if (relative.endsWith('.pdf') && !relative.startsWith('archives/')) {
        expect(await pdfOpens(file), relative).toBe(true);
        expect((await readFile(file)).subarray(-1024).toString('latin1'), relative).toContain('%%EOF');
      }
      if (relative.endsWith('.html')) expect((await readFile(file, 'utf8')).trimEnd(), relative).toMatch(/<\/html>$/u);
    }
  });

  it('the only new files are temporary ones, never named like an output', () => {
    const added = after.filter((relative) => !before.has(relative));
    for (const relative of added) {
      expect(relative).toMatch(TEMP_NAME);
      expect(relative).not.toMatch(/\.(pdf|html|json)$/u);
    }
  });

  it('files the build did not write are untouched, by the complete build and by the killed one', async () => {
    for (const [relative, content] of Object.entries(UNRELATED)) {
      expect(await readFile(path.join(out, relative), 'utf8')).toBe(content);
    }
  });

  it('a new complete build after the crash succeeds and still keeps the unrelated files', async () => {
    last = await runCli(['build', 'sessions', '--out', 'out', '--force'], repo);
    expect(last.code).toBe(0);
    const final = await listFiles(out);
    for (const relative of before.keys()) expect(final).toContain(relative);
    for (const relative of final.filter((file) => file.endsWith('.pdf') && !file.startsWith('archives/'))) {
      expect(await pdfOpens(path.join(out, relative)), relative).toBe(true);
    }
    for (const [relative, content] of Object.entries(UNRELATED)) {
      expect(await readFile(path.join(out, relative), 'utf8')).toBe(content);
    }
  }, 200_000);
});

describe('a build stopped with Ctrl+C (SIGINT) or kill (SIGTERM) while it prints', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s ends it as the signal would, its browser and profile folder gone',
    async (signal) => {
      const child = spawn(
        process.execPath,
        [path.join(root, 'bin/minutier.js'), 'build', 'sessions', '--out', `out-${signal}`, '--force'],
        {
          cwd: repo,
          stdio: 'ignore',
        },
      );
      const exited = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) =>
        child.on('exit', (code, exitSignal) => resolve({ code, signal: exitSignal })),
      );
      // Wait for the browser (a child with a profile folder) to be printing.
      let browser: { pid: number; profile: string } | undefined;
      for (let tries = 0; tries < 2000 && !browser; tries++) {
        for (const pid of await childrenOf(child.pid!)) {
          const profile = await userDataDirOf(pid);
          if (profile) browser = { pid, profile };
        }
        if (!browser) await new Promise((resolve) => setTimeout(resolve, 15));
      }
      expect(browser).toBeDefined();
      child.kill(signal);
      const result = await exited;
      expect(result.signal).toBe(signal);
      await expect(stat(browser!.profile)).rejects.toThrow(/ENOENT/);
      expect(() => process.kill(browser!.pid, 0)).toThrow();
    },
    60_000,
  );
});
