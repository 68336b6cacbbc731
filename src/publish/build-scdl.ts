/**
 * What `minutier build` writes for open data (docs/publication.md): `output/<session>/deliberations.csv` for each
 * session, and `output/deliberations.csv` for every session the output folder holds, oldest first. A required value
 * the session does not give is reported (file:line:column, in French) and its cell left empty; with `--strict` the
 * session's rows are refused instead. The whole CSV is rewritten only when its content changes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Session } from '../model/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { scdlCsv, scdlRows, type ScdlProblem, type ScdlValues } from './scdl.js';

import { SCDL_FILE } from './scdl-file.js';

export { SCDL_FILE };

export interface SessionScdl {
  /** `<session>/deliberations.csv`, relative to the output folder. */
  relative: string;
  rows: ScdlValues[];
  /** The problems, one French line each, `file:line:column  message`. */
  report: string[];
  /** True when `--strict` refused the rows (a required value is missing): nothing was written. */
  refused: boolean;
}

function where(file: VFile, problem: ScdlProblem): string {
  const name = problem.file ? path.relative(process.cwd(), problem.file) || problem.file : file.path;
  return `${name}:${problem.place.start.line}:${problem.place.start.column}`;
}

/** The problems of a session's rows, grouped by column: one line per column, naming every deliberation concerned. */
export function problemLines(file: VFile, problems: readonly ScdlProblem[]): string[] {
  const byColumn = new Map<string, ScdlProblem[]>();
  for (const problem of problems) byColumn.set(problem.column, [...(byColumn.get(problem.column) ?? []), problem]);
  const lines: string[] = [];
  for (const [, group] of byColumn) {
    const first = group[0]!;
    const level = first.required ? 'avertissement' : 'info';
    const distinct = [...new Set(group.map((problem) => problem.message))];
    if (distinct.length === 1 || group.every((problem) => problem.column === 'COLL_SIRET')) {
      lines.push(`${where(file, first)}  ${level}  ${first.message}  scdl`);
      continue;
    }
    const others = group
      .slice(1)
      .map((problem) => `${problem.place.start.line}`)
      .join(', ');
    lines.push(
      `${where(file, first)}  ${level}  ${first.message} De même ligne${group.length > 2 ? 's' : ''} ${others}.  scdl`,
    );
  }
  return lines;
}

/** Builds (and, unless refused, writes) the session's CSV. */
export async function writeSessionScdl(
  session: Session,
  file: VFile,
  outDir: string,
  strict: boolean,
): Promise<SessionScdl> {
  const rows = scdlRows(session, file.messages);
  const problems = rows.flatMap((row) => row.problems);
  const report = problemLines(file, problems);
  const relative = `${session.id}/${SCDL_FILE}`;
  const refused = strict && problems.some((problem) => problem.required);
  if (!refused) await writeFileAtomic(path.join(outDir, session.id, SCDL_FILE), scdlCsv(rows.map((row) => row.values)));
  return { relative, rows: refused ? [] : rows.map((row) => row.values), report, refused };
}

/** Writes `output/deliberations.csv` from every session's rows, in order; only when it changes. True when written. */
export async function writeAllScdl(
  outDir: string,
  sessions: ReadonlyArray<{ sortKey: string; rows?: ScdlValues[] }>,
): Promise<boolean> {
  const rows = [...sessions]
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .flatMap((s) => s.rows ?? []);
  const csv = scdlCsv(rows);
  const target = path.join(outDir, SCDL_FILE);
  const current = await readFile(target, 'utf8').catch(() => undefined);
  if (current === csv) return false;
  await writeFileAtomic(target, csv);
  return true;
}
