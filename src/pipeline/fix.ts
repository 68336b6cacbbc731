/**
 * `minutier check --fix`, as ESLint's: the annotations the relation-suggested findings propose (src/check/suggest/fix.ts
 * reads them from the findings) are written into the session files — annotations only, never a number — each file
 * atomically, then the files are checked again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { editsOf } from '../check/suggest/fix.js';
import { applyEdits } from '../check/suggest/names.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface FixResult {
  /** Files written, with how many annotations were added or completed in each. */
  fixed: Array<{ path: string; applied: number }>;
}

/**
 * Writes the proposed annotations of every checked file. The positions refer to the decoded text (`file.value`, BOM
 * removed): the file on disk is rewritten from it, with its BOM when it had one, and only when it has not changed since
 * it was checked.
 */
export async function fixFiles(files: VFile[], cwd: string): Promise<FixResult> {
  const fixed: FixResult['fixed'] = [];
  for (const file of files) {
    if (typeof file.value !== 'string' || !file.path) continue;
    const edits = file.messages.flatMap(editsOf);
    if (edits.length === 0) continue;
    const absolute = path.resolve(cwd, file.path);
    const bytes = await readFile(absolute, 'utf8');
    const bom = bytes.charCodeAt(0) === 0xfeff;
    if ((bom ? bytes.slice(1) : bytes) !== file.value) continue; // changed meanwhile: leave it for the next run
    const { text, applied } = applyEdits(file.value, edits);
    if (applied === 0 || text === file.value) continue;
    await writeFileAtomic(absolute, bom ? `\uFEFF${text}` : text);
    fixed.push({ path: file.path, applied });
  }
  return { fixed };
}
