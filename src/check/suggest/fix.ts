/**
 * The edits a finding proposes for `minutier check --fix` (relation-suggested's annotations). Writing them into the
 * session files is the pipeline's work (src/pipeline/fix.ts).
 */
import type { VFileMessage } from 'vfile-message';
import type { Edit } from './names.js';

interface PlacedEdit {
  place: { start: { offset?: number }; end: { offset?: number } };
  text: string;
}

/** The edits a message proposes (its `data.edits`), as source offsets. */
export function editsOf(message: VFileMessage): Edit[] {
  const data = (message as VFileMessage & { data?: { edits?: PlacedEdit[] } }).data;
  const edits: Edit[] = [];
  for (const edit of data?.edits ?? []) {
    const start = edit.place.start.offset;
    const end = edit.place.end.offset;
    if (typeof start === 'number' && typeof end === 'number') edits.push({ start, end, text: edit.text });
  }
  return edits;
}
