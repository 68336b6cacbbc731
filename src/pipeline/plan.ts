/** What `minutier build` writes for one session, and where: the file names users and the index rely on. */
import path from 'node:path';
import { extraitName } from '../model/document-names.js';
import type { Deliberation, Session } from '../model/types.js';
import type { OutputConflict } from './progress.js';

export type DocumentKind = 'pv' | 'liste' | 'extraits';
/** What is written: the documents asked for, plus the review page that goes with the PV. */
export type OutputKind = DocumentKind | 'review';

export interface PlannedOutput {
  kind: OutputKind;
  /** Path relative to the output folder, forward slashes. */
  relative: string;
  format: 'html' | 'pdf';
  deliberation?: Deliberation;
}

/** `output/<session>.{html,pdf}` and `<session>.review.html`, `output/<session>/liste-des-deliberations.{html,pdf}`, `output/<session>/extraits/NN-<slug>.pdf`. */
export function planOutputs(session: Session, kinds: readonly DocumentKind[]): PlannedOutput[] {
  const outputs: PlannedOutput[] = [];
  if (kinds.includes('pv')) {
    outputs.push({ kind: 'pv', relative: `${session.id}.html`, format: 'html' });
    outputs.push({ kind: 'pv', relative: `${session.id}.pdf`, format: 'pdf' });
    outputs.push({ kind: 'review', relative: `${session.id}.review.html`, format: 'html' });
  }
  if (kinds.includes('liste')) {
    outputs.push({ kind: 'liste', relative: `${session.id}/liste-des-deliberations.html`, format: 'html' });
    outputs.push({ kind: 'liste', relative: `${session.id}/liste-des-deliberations.pdf`, format: 'pdf' });
  }
  if (kinds.includes('extraits')) {
    // Two deliberations with the same number and title would write one file: the second gets `-2`, the third `-3`…
    // (file systems that ignore case see `Budget` and `budget` as one name: compare lowercased).
    const taken = new Set<string>();
    for (const deliberation of session.deliberations) {
      const base = extraitName(deliberation);
      let name = base;
      for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}-${k}`;
      taken.add(name.toLowerCase());
      outputs.push({ kind: 'extraits', relative: `${session.id}/extraits/${name}.pdf`, format: 'pdf', deliberation });
    }
  }
  return outputs;
}

/** Names the build keeps for itself at the top of the output folder (compared lowercased). */
export const RESERVED_NAMES = ['index.html'];

/**
 * Why a session's documents cannot be written next to the others, or undefined: one of its files would be the index
 * page, or a file another session already writes (`a.review.md` writes `a.review.html`, which is `a.md`'s review
 * page). Compared lowercased, as macOS and Windows file systems do.
 */
export function outputConflict(
  outputs: PlannedOutput[],
  taken: Map<string, string>,
  reserved: readonly string[] = RESERVED_NAMES,
): OutputConflict | undefined {
  for (const output of outputs) {
    const name = output.relative.toLowerCase();
    if (reserved.includes(name)) return { output: output.relative, index: name };
    const owner = taken.get(name);
    if (owner !== undefined) return { output: output.relative, owner };
  }
  return undefined;
}

/** An output's address from the index page: each path segment percent-encoded (`#`, `?`, `%`, spaces…). */
export function outputHref(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

export function outputPath(outDir: string, relative: string): string {
  return path.join(outDir, ...relative.split('/'));
}
