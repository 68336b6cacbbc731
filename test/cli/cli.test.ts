/** The command line as a user meets it: exit codes, usage errors, bad input among good, no browser. */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function minutier(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [path.join(root, 'bin/minutier.js'), ...args], {
      cwd: options.cwd ?? root,
      env: { ...process.env, ...options.env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/mu);

describe('minutier check', () => {
  it('exits 1 on the sample, whose published PV has errors, and names them', async () => {
    const result = await minutier(['check']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('sessions/2022-06-28-comite-syndical.md');
    expect(result.stdout).toMatch(/125:35-125:48\s+error\s+1 746 700€ HT ne vaut pas/u);
  });

  it('exits 0 on a consistent session', async () => {
    const result = await minutier(['check', 'test/fixtures/ok/minimal.md']);
    expect(result.stdout + result.stderr).not.toMatch(/error/u);
    expect(result.code).toBe(0);
  });

  it('keeps checking the other sessions when one is broken, and positions every problem', async () => {
    const result = await minutier([
      'check',
      'test/fixtures/bad/yaml-guillemet-non-ferme.md',
      'test/fixtures/bad/binaire.md',
      'test/fixtures/bad/cle-inconnue.md',
      'test/fixtures/ok/minimal.md',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Array<{
      path: string;
      messages: Array<{ line: number | null; column: number | null; fatal?: boolean; reason: string }>;
    }>;
    expect(report.map((file) => file.path)).toEqual([
      'test/fixtures/bad/yaml-guillemet-non-ferme.md',
      'test/fixtures/bad/binaire.md',
      'test/fixtures/bad/cle-inconnue.md',
      'test/fixtures/ok/minimal.md',
    ]);
    for (const file of report.slice(0, 3)) {
      const fatal = file.messages.filter((message) => message.fatal);
      expect(fatal.length, file.path).toBeGreaterThan(0);
      for (const message of fatal) {
        expect(message.line, `${file.path}: ${message.reason}`).toBeGreaterThan(0);
        expect(message.column, `${file.path}: ${message.reason}`).toBeGreaterThan(0);
      }
    }
    expect(report[2]!.messages.some((message) => /vouliez-vous dire/u.test(message.reason))).toBe(true);
    expect(report[3]!.messages.filter((message) => message.fatal)).toEqual([]);
    noStackTrace(result.stdout + result.stderr);
  });

  it('says where to run it when there is no sessions/ folder, and that an empty one holds nothing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-empty-'));
    try {
      const missing = await minutier(['check'], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('Aucun dossier sessions/ ici');
      await mkdir(path.join(dir, 'sessions'));
      const empty = await minutier(['check'], { cwd: dir });
      expect(empty.code).toBe(0);
      expect(empty.stderr).toContain('Aucune séance');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing file and goes on', async () => {
    const result = await minutier(['check', 'sessions/nope.md', 'test/fixtures/ok/minimal.md']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Fichier introuvable');
    expect(result.stdout).toContain('test/fixtures/ok/minimal.md');
  });

  it.each([
    [['check', '--format', 'xml'], /Format inconnu : « xml »/u],
    [['check', '--bogus'], /Option inconnue/u],
    [['frobnicate'], /Commande inconnue : « frobnicate »/u],
    [['check', '--max-warnings', 'beaucoup'], /--max-warnings attend un entier/u],
    [['build', '--documents', 'pv,affiche'], /--documents : « affiche » inconnu/u],
    [['check', '--changed-since', 'no-such-ref-anywhere'], /no-such-ref-anywhere/u],
  ])('exits 2 with a clear message on bad usage: %j', async (args, message) => {
    const result = await minutier(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    noStackTrace(result.stderr);
  });

  it('fails on too many warnings, and --quiet shows only errors', async () => {
    // The minimal session with one name spelled differently: a warning, no error.
    const dir = await mkdtemp(path.join(root, 'test/fixtures/ok/.tmp-warn-'));
    try {
      const text = (await readFile(path.join(root, 'test/fixtures/ok/minimal.md'), 'utf8')).replace(
        'excuses: [MARTIN Anne]',
        'excuses: [MARTIN anne]',
      );
      const session = path.join(dir, 'variante.md');
      await writeFile(session, text);
      const relaxed = await minutier(['check', session]);
      expect(relaxed.stdout).toMatch(/warning/u);
      expect(relaxed.code).toBe(0);
      const strict = await minutier(['check', session, '--max-warnings', '0']);
      expect(strict.code).toBe(1);
      const quiet = await minutier(['check', session, '--quiet', '--max-warnings', '0']);
      expect(quiet.code).toBe(0);
      expect(quiet.stdout).not.toMatch(/warning/u);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('minutier build without a browser', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'minutier-nobrowser-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('still writes the HTML, says how to get a browser, and exits 1', async () => {
    const result = await minutier(
      ['build', 'sessions/2022-06-28-comite-syndical.md', '--out', out, '--documents', 'pv'],
      {
        env: { CHROME_PATH: path.join(out, 'no-chromium-here') },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CHROME_PATH');
    expect(result.stderr).toMatch(/PDF non produits/u);
    const files = await readdir(out);
    expect(files).toContain('2022-06-28-comite-syndical.html');
    expect(files).not.toContain('2022-06-28-comite-syndical.pdf');
    noStackTrace(result.stdout + result.stderr);
  });
});

describe('minutier build --strict without a browser', () => {
  it('asks for no browser when no session is to be printed', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'minutier-strict-nobrowser-'));
    try {
      const result = await minutier(
        ['build', 'sessions/2022-06-28-comite-syndical.md', '--out', out, '--documents', 'pv', '--strict'],
        { env: { CHROME_PATH: path.join(out, 'no-chromium-here') } },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/non produite, elle contient des erreurs \(--strict\)/u);
      expect(result.stderr).not.toContain('CHROME_PATH');
      noStackTrace(result.stdout + result.stderr);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('sessions in subfolders', () => {
  it('finds sessions filed by year, and refuses to build two sessions that would write the same documents', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-years-'));
    try {
      await cp(path.join(root, 'organisations'), path.join(dir, 'organisations'), { recursive: true });
      for (const year of ['2022', '2023']) {
        await mkdir(path.join(dir, 'sessions', year), { recursive: true });
        await cp(
          path.join(root, 'sessions/2022-06-28-comite-syndical.md'),
          path.join(dir, 'sessions', year, '2022-06-28-comite-syndical.md'),
        );
      }
      const checked = await minutier(['check', '--format', 'json'], { cwd: dir });
      const paths = (JSON.parse(checked.stdout) as Array<{ path: string }>).map((file) => file.path);
      expect(paths).toEqual([
        'sessions/2022/2022-06-28-comite-syndical.md',
        'sessions/2023/2022-06-28-comite-syndical.md',
      ]);
      const built = await minutier(['build', '--documents', 'pv'], {
        cwd: dir,
        env: { CHROME_PATH: path.join(dir, 'none') },
      });
      expect(built.code).toBe(1);
      expect(built.stderr).toMatch(
        /sessions\/2023\/2022-06-28-comite-syndical\.md : non produite, sessions\/2022\/2022-06-28-comite-syndical\.md porte le même nom/u,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('minutier build --strict', () => {
  it('refuses to build a session with errors and says so', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'minutier-strict-'));
    const sessions = path.join(out, 'in');
    await cp(path.join(root, 'sessions'), sessions, { recursive: true });
    await cp(path.join(root, 'organisations'), path.join(out, 'organisations'), { recursive: true });
    try {
      const result = await minutier(['build', sessions, '--out', path.join(out, 'out'), '--strict']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/non produite, elle contient des erreurs \(--strict\)/u);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
