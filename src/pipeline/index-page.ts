/**
 * The index page of the output folder (`output/index.html`): an entry per session with the documents it has on disk.
 */
import type { Session } from '../model/types.js';
import { indexHeading, renderIndex, type IndexEntry } from '../render/index.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { allExist, type BuildCache } from './cache.js';
import { outputHref, type PlannedOutput } from './plan.js';

export function indexEntry(session: Session, outputs: PlannedOutput[]): IndexEntry {
  const find = (kind: string, format: string) => {
    const relative = outputs.find((o) => o.kind === kind && o.format === format)?.relative;
    return relative === undefined ? undefined : outputHref(relative);
  };
  const entry: IndexEntry = {
    heading: indexHeading(session),
    pv: { html: find('pv', 'html') ?? find('pv', 'pdf') ?? '' },
  };
  const pvPdf = find('pv', 'pdf');
  if (pvPdf) entry.pv.pdf = pvPdf;
  const listeHtml = find('liste', 'html');
  if (listeHtml) entry.liste = { html: listeHtml, pdf: find('liste', 'pdf') };
  const extraits = outputs.filter((o) => o.kind === 'extraits' && o.deliberation);
  if (extraits.length > 0) {
    entry.extraits = extraits.map((o) => ({
      number: o.deliberation!.number.value,
      title: o.deliberation!.title.value,
      html: outputHref(o.relative),
      pdf: outputHref(o.relative),
    }));
  }
  return entry;
}

export const ALL_DOCUMENTS = ['pv', 'liste', 'extraits'] as const;

export async function existing(outDir: string, outputs: PlannedOutput[]): Promise<PlannedOutput[]> {
  const present: PlannedOutput[] = [];
  for (const output of outputs) if (await allExist(outDir, [output.relative])) present.push(output);
  return present;
}

export async function writeIndex(indexFile: string, cache: BuildCache): Promise<void> {
  const entries = Object.values(cache.sessions)
    .sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1))
    .map((s) => s.entry);
  await writeFileAtomic(indexFile, renderIndex(entries).html);
}
