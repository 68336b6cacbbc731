/**
 * The names of a session's documents, shared by the pipeline (the output files), the open data (the extrait's name in
 * the SCDL rows) and the authors' commands (the file names init and new choose).
 */
import type { Deliberation } from './types.js';

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
