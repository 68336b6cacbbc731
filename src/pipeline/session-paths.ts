/**
 * Which session files a list of paths designates: folders searched for `*.md` files, links followed inside the
 * repository. Apart from check-files.ts so that a build whose sessions are all up to date lists them without loading
 * the parser (docs/performance.md, « Unchanged rebuild »).
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * A file of a folder left out: a link to a session already listed, a broken link, a link out of the repository. The
 * paths are as shown to the user (relative to the working folder when inside it).
 */
export type SkippedFile = { file: string } & (
  { why: 'same-file'; first: string } | { why: 'broken-link' } | { why: 'outside'; target: string; boundary: string }
);

/**
 * The session files a list of paths designates: files as given, folders searched for `*.md` files (no README.md),
 * subfolders included (`sessions/2022/…`), hidden folders and node_modules left out; sorted by path.
 */
export async function expandPaths(
  paths: string[],
  cwd = process.cwd(),
  onSkip: (skipped: SkippedFile) => void = () => undefined,
): Promise<string[]> {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let isDirectory = false;
    try {
      isDirectory = (await stat(absolute)).isDirectory();
    } catch {
      // Missing: keep it, checkFiles reports it on its own file.
    }
    if (isDirectory) {
      // Links are followed inside the repository (the working folder, or the folder given when it lies elsewhere).
      const real = await realpath(absolute);
      const root = await realpath(cwd).catch(() => cwd);
      const boundary = isInside(real, root) ? root : real;
      const scan: FolderScan = { boundary, cwd, visited: new Set([real]), seen, onSkip };
      out.push(...(await sessionFilesIn(absolute, scan)).sort());
    } else out.push(absolute);
  }
  return [...new Set(out)];
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

interface FolderScan {
  boundary: string;
  cwd: string;
  /** Real paths of the folders already searched (a link back to a parent would loop). */
  visited: Set<string>;
  /** Real path of each session file found → the path it was found under (a link to a session already listed). */
  seen: Map<string, string>;
  onSkip: (skipped: SkippedFile) => void;
}

const isSessionName = (name: string) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md';

async function sessionFilesIn(folder: string, scan: FolderScan): Promise<string[]> {
  const found: string[] = [];
  const take = async (full: string): Promise<void> => {
    const real = await realpath(full).catch(() => full);
    const first = scan.seen.get(real);
    if (first !== undefined && first !== full) {
      scan.onSkip({ file: shown(full, scan.cwd), why: 'same-file', first: shown(first, scan.cwd) });
      return;
    }
    scan.seen.set(real, full);
    found.push(full);
  };
  // Files and folders before links: a session reached both ways is listed under its own name.
  const entries = (await readdir(folder, { withFileTypes: true })).sort(
    (a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || (a.name < b.name ? -1 : 1),
  );
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    const hidden = entry.name.startsWith('.') || entry.name === 'node_modules';
    if (entry.isDirectory() && !hidden) {
      scan.visited.add(await realpath(full).catch(() => full));
      found.push(...(await sessionFilesIn(full, scan)));
    } else if (entry.isFile() && isSessionName(entry.name)) {
      await take(full);
    } else if (entry.isSymbolicLink() && !hidden) {
      let real: string;
      let isDirectory: boolean;
      try {
        real = await realpath(full);
        isDirectory = (await stat(real)).isDirectory();
      } catch {
        if (isSessionName(entry.name)) scan.onSkip({ file: shown(full, scan.cwd), why: 'broken-link' });
        continue;
      }
      if (!isDirectory && !isSessionName(entry.name)) continue;
      if (!isInside(real, scan.boundary)) {
        scan.onSkip({ file: shown(full, scan.cwd), why: 'outside', target: real, boundary: scan.boundary });
        continue;
      }
      if (isDirectory) {
        if (scan.visited.has(real)) continue;
        scan.visited.add(real);
        found.push(...(await sessionFilesIn(full, scan)));
      } else await take(full);
    }
  }
  return found;
}

export function shown(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}
