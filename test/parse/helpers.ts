import { VFile } from 'vfile';
import type { Position } from 'unist';
import { createSessionFile, parseSession } from '../../src/parse/index.js';
import type { Session } from '../../src/model/types.js';

export interface Finding {
  place: string;
  ruleId: string | undefined;
  fatal: boolean | undefined | null;
  reason: string;
}

export function findings(file: VFile): Finding[] {
  return file.messages.map((message) => {
    const place = message.place as Position | undefined;
    return {
      place:
        place && 'start' in place
          ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
          : '',
      ruleId: message.ruleId,
      fatal: message.fatal,
      reason: message.reason,
    };
  });
}

export async function parsePath(path: string): Promise<{ session: Session | undefined; file: VFile }> {
  const file = await createSessionFile(path);
  const session = await parseSession(file);
  return { session, file };
}

export async function parseText(text: string | Uint8Array, path = 'test/fixtures/ok/texte.md') {
  const file = new VFile({ path, value: text });
  const session = await parseSession(file);
  return { session, file };
}

/** The text a position covers in the source. */
export function slice(session: Session, position: Position): string {
  return session.source.slice(position.start.offset, position.end.offset);
}

/** 1-based line and column of an index, counted independently of the parser. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}
