/**
 * `--changed-since <ref>`: only the sessions a pull request touches. Changed means committed since the branch left
 * <ref> (`git diff <ref>...HEAD`), or modified, staged or new in the working tree. When what every session depends on
 * changes — the organisation files, the configuration, the templates — every session is checked again.
 * git is run with execFile (no shell), so a ref can never be read as a command.
 */
import path from 'node:path';
import { promisify } from 'node:util';

export interface ChangedSessionsOptions {
  /** A branch, tag or commit: `origin/main`, `HEAD~3`… */
  ref: string;
  /** The minutes repository (default: process.cwd()). */
  cwd?: string;
  /** The session files that could be checked, relative to `cwd` or absolute. */
  candidates: string[];
}

export interface ChangedSessions {
  /** True when a change affects every session: then `files` holds every candidate. */
  all: boolean;
  /** The candidates that changed, as given. */
  files: string[];
  /** The changed path (relative to `cwd`) that made every session be checked, when `all` is true. */
  trigger?: string;
}

/** Paths (relative to the minutes repository) whose change affects every session. */
export function affectsEverySession(relativePath: string): boolean {
  const p = relativePath.split(path.sep).join('/');
  return (
    p.startsWith('organisations/') ||
    p.startsWith('templates/') ||
    /^minutier\.config\.[^/]+$/u.test(p) ||
    /^\.minutierrc[^/]*$/u.test(p)
  );
}

async function git(args: string[], cwd: string): Promise<string> {
  // Loaded here: the report stage imports this module, and most runs never ask git anything.
  const { execFile } = await import('node:child_process');
  const { stdout } = await promisify(execFile)('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

function nulSeparated(output: string): string[] {
  return output.split('\0').filter((entry) => entry.length > 0);
}

export async function changedSessions(options: ChangedSessionsOptions): Promise<ChangedSessions> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const ref = options.ref;

  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  } catch {
    throw new Error(`--changed-since : ${cwd} n’est pas dans un dépôt git (ou git n’est pas installé).`);
  }

  if (!ref || ref.startsWith('-')) {
    throw new Error(`--changed-since : « ${ref} » n’est pas une référence git valable.`);
  }
  try {
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  } catch {
    throw new Error(
      `--changed-since : la référence git « ${ref} » n’existe pas dans ce dépôt. ` +
        'Vérifiez son nom (par exemple origin/main) ; en intégration continue, récupérez tout l’historique ' +
        '(actions/checkout avec fetch-depth: 0) ou lancez `git fetch origin` avant.',
    );
  }

  let committed: string;
  try {
    committed = await git(['diff', '--name-only', '-z', `${ref}...HEAD`, '--'], cwd);
  } catch {
    throw new Error(
      `--changed-since : impossible de comparer « ${ref} » à HEAD (pas d’ancêtre commun). ` +
        'Récupérez tout l’historique (fetch-depth: 0) ou choisissez une autre référence.',
    );
  }
  const uncommitted = await git(['diff', '--name-only', '-z', 'HEAD', '--'], cwd).catch(() => '');
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name'], cwd);

  // git names files from the top of the repository (ls-files --full-name too): make them absolute.
  const changed = new Set(
    [committed, uncommitted, untracked].flatMap(nulSeparated).map((name) => path.resolve(top, name)),
  );

  const realCwd = await realPath(cwd);
  for (const absolute of changed) {
    const relative = path.relative(realCwd, absolute);
    if (!relative.startsWith('..') && affectsEverySession(relative)) {
      return { all: true, files: [...options.candidates], trigger: relative.split(path.sep).join('/') };
    }
  }

  const files: string[] = [];
  for (const candidate of options.candidates) {
    const absolute = path.resolve(realCwd, path.isAbsolute(candidate) ? await realPath(candidate) : candidate);
    if (changed.has(absolute)) files.push(candidate);
  }
  return { all: false, files };
}

/** git prints the real path of the repository: resolve symlinks (macOS /tmp, for instance) the same way. */
async function realPath(p: string): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  try {
    return await realpath(p);
  } catch {
    return path.resolve(p);
  }
}
