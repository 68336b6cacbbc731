/** Findings of the parser, as vfile messages with a French reason, an exact place and a `parse-*` rule id. */
import type { VFile } from 'vfile';
import type { Position } from 'unist';

export type ParseRuleId =
  | 'parse-yaml'
  | 'parse-schema'
  | 'parse-unknown-key'
  | 'parse-number'
  | 'parse-number-format'
  | 'parse-unknown-person'
  | 'parse-encoding'
  | 'parse-empty'
  | 'parse-frontmatter'
  | 'parse-organisation'
  | 'parse-annotation'
  | 'parse-limits'
  | 'parse-internal';

export const SOURCE = 'minutier';

export class Reporter {
  errors = 0;
  constructor(readonly file: VFile) {}

  error(reason: string, place: Position, ruleId: ParseRuleId, note?: string): void {
    const message = this.file.message(reason, { place, ruleId, source: SOURCE });
    message.fatal = true;
    if (note) message.note = note;
    this.errors++;
  }

  /**
   * An error that does not stop the reading: the session is still checked and built, without the piece in error (a
   * number of the body that cannot be read without guessing).
   */
  errorAndGoOn(reason: string, place: Position, ruleId: ParseRuleId, note?: string): void {
    const message = this.file.message(reason, { place, ruleId, source: SOURCE });
    message.fatal = true;
    if (note) message.note = note;
  }

  warn(reason: string, place: Position, ruleId: ParseRuleId, note?: string): void {
    const message = this.file.message(reason, { place, ruleId, source: SOURCE });
    message.fatal = false;
    if (note) message.note = note;
  }
}
