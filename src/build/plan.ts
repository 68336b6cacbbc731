/** What `minutier build` writes for one session, and where: the file names users and the index rely on. */
import path from 'node:path';
import type { Deliberation, Session } from '../model/types.js';

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

const MAX_SLUG = 60;

/** A file-name slug anyone can type and every file system accepts: ASCII, lowercase, short, cut at a word. */
export function fileSlug(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  return slug || 'deliberation';
}

export function extraitName(deliberation: Deliberation): string {
  return `${String(deliberation.number.value).padStart(2, '0')}-${fileSlug(deliberation.title.value)}`;
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
    for (const deliberation of session.deliberations) {
      outputs.push({ kind: 'extraits', relative: `${session.id}/extraits/${extraitName(deliberation)}.pdf`, format: 'pdf', deliberation });
    }
  }
  return outputs;
}

export function outputPath(outDir: string, relative: string): string {
  return path.join(outDir, ...relative.split('/'));
}
