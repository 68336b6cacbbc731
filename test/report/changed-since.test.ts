import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedSessions } from '../../src/report/index.js';

let repo: string;

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.org',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: repo,
    },
  });
}

function write(relative: string, text: string): void {
  const file = path.join(repo, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const SESSIONS = ['sessions/2022-06-28-comite.md', 'sessions/2022-09-13-comite.md', 'sessions/2022-12-06-comite.md'];

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'minutier-changed-'));
  git('init', '-q', '-b', 'main');
  for (const session of SESSIONS) write(session, `# ${session}\n`);
  write('organisations/somme-numerique.yml', 'nom: Somme Numérique\n');
  write('templates/pv.hbs', '{{titre}}\n');
  write('README.md', 'Procès-verbaux\n');
  git('add', '.');
  git('commit', '-q', '-m', 'initial');
  git('checkout', '-q', '-b', 'feature');
});

afterEach(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('changedSessions', () => {
  it('returns nothing when nothing changed', async () => {
    expect(await changedSessions({ ref: 'main', cwd: repo, candidates: SESSIONS })).toEqual({ all: false, files: [] });
  });

  it('finds sessions changed in commits since the branch left the ref', async () => {
    write(SESSIONS[1]!, '# modifiée\n');
    git('commit', '-q', '-am', 'edit');
    // A later commit on main must not count: `ref...HEAD` compares with the merge base.
    git('checkout', '-q', 'main');
    write(SESSIONS[2]!, '# changée sur main\n');
    git('commit', '-q', '-am', 'main edit');
    git('checkout', '-q', 'feature');
    expect(await changedSessions({ ref: 'main', cwd: repo, candidates: SESSIONS })).toEqual({
      all: false,
      files: [SESSIONS[1]],
    });
  });

  it('adds staged, unstaged and untracked changes', async () => {
    write(SESSIONS[0]!, '# non indexée\n');
    write(SESSIONS[2]!, '# indexée\n');
    git('add', SESSIONS[2]!);
    write('sessions/2023-01-10-comite.md', '# nouvelle\n');
    const candidates = [...SESSIONS, 'sessions/2023-01-10-comite.md'];
    const result = await changedSessions({ ref: 'main', cwd: repo, candidates });
    expect(result).toEqual({ all: false, files: [SESSIONS[0], SESSIONS[2], 'sessions/2023-01-10-comite.md'] });
  });

  it('accepts absolute candidates and returns them as given', async () => {
    write(SESSIONS[0]!, '# modifiée\n');
    const absolute = SESSIONS.map((s) => path.join(repo, s));
    expect((await changedSessions({ ref: 'main', cwd: repo, candidates: absolute })).files).toEqual([absolute[0]]);
  });

  it.each([
    ['organisations/somme-numerique.yml', 'nom: Somme Numérique (modifiée)\n'],
    ['templates/pv.hbs', '{{titre}} modifié\n'],
    ['minutier.config.yml', 'rules: {}\n'],
    ['.minutierrc.json', '{}\n'],
  ])('checks every session when %s changes', async (changed, text) => {
    write(changed, text);
    git('add', changed);
    git('commit', '-q', '-m', 'shared change');
    const result = await changedSessions({ ref: 'main', cwd: repo, candidates: SESSIONS });
    expect(result).toEqual({ all: true, files: SESSIONS, trigger: changed });
  });

  it('does not check everything for unrelated files', async () => {
    write('README.md', 'Autre texte\n');
    write('docs/organisations/notes.md', 'pas un fichier d’organisme\n');
    expect(await changedSessions({ ref: 'main', cwd: repo, candidates: SESSIONS })).toEqual({ all: false, files: [] });
  });

  it('works from a minutes folder inside a larger repository', async () => {
    // Re-home the minutes in a subfolder: git names files from the top, minutier from its own folder.
    git('mv', 'sessions', 'pv-sessions-tmp');
    mkdirSync(path.join(repo, 'minutes'));
    git('mv', 'pv-sessions-tmp', 'minutes/sessions');
    git('commit', '-q', '-m', 'move');
    git('branch', '-q', '-f', 'base');
    write(`minutes/${SESSIONS[0]}`, '# modifiée\n');
    const cwd = path.join(repo, 'minutes');
    expect(await changedSessions({ ref: 'base', cwd, candidates: SESSIONS })).toEqual({
      all: false,
      files: [SESSIONS[0]],
    });
    // organisations/ at the top of the repository is outside the minutes folder: not a shared change for it.
    write('organisations/somme-numerique.yml', 'nom: autre\n');
    expect((await changedSessions({ ref: 'base', cwd, candidates: SESSIONS })).all).toBe(false);
  });

  it('explains in French when the ref does not exist', async () => {
    await expect(changedSessions({ ref: 'origin/main', cwd: repo, candidates: SESSIONS })).rejects.toThrow(
      /la référence git « origin\/main » n’existe pas dans ce dépôt.*fetch-depth: 0/,
    );
  });

  it('never lets a ref be read as an option or a shell command', async () => {
    await expect(changedSessions({ ref: '--output=/tmp/x', cwd: repo, candidates: SESSIONS })).rejects.toThrow(
      /n’est pas une référence git valable/,
    );
    await expect(changedSessions({ ref: 'main; touch pwned', cwd: repo, candidates: SESSIONS })).rejects.toThrow(
      /n’existe pas/,
    );
  });

  it('explains in French when the folder is not a git repository', async () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'minutier-nogit-'));
    try {
      await expect(changedSessions({ ref: 'main', cwd: plain, candidates: [] })).rejects.toThrow(
        /n’est pas dans un dépôt git/,
      );
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
