/**
 * The terminal report: vfile-reporter's layout (the one remark-lint users know), with each message's computation,
 * expected and stated values and proposed correction shown under it, in French.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';
import { detailLines, withMessages } from './findings.js';

export interface StylishOptions {
  /** ANSI colours; vfile-reporter decides from the terminal when absent. */
  color?: boolean;
  /** Hide files without messages. */
  quietFiles?: boolean;
}

export function stylish(files: VFile[], options: StylishOptions = {}): string {
  const shown = files.map((file) => withMessages(file, file.messages.map(withFrenchNote)));
  return reporter(shown, {
    verbose: true,
    ...(options.color === undefined ? {} : { color: options.color }),
    quiet: options.quietFiles ?? false,
  });
}

/** A copy of the message whose `note` gathers every detail line; vfile-reporter prints it under the message. */
function withFrenchNote(message: VFileMessage): VFileMessage {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message);
  const lines = detailLines(message);
  copy.note = lines.length > 0 ? lines.join('\n') : undefined;
  // The rule id is printed on the line; its documentation link would take three more lines per finding.
  copy.url = undefined;
  return copy;
}
