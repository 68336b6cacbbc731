/** A session made of a fixed header and a given body, parsed, checked and rendered as `minutier build` does. */
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { checkSession } from '../../src/check/engine.js';
import { allRules } from '../../src/check/rules/index.js';
import type { Session } from '../../src/model/types.js';
import { parseSession } from '../../src/parse/parse-session.js';
import { bodyWords, documentWords, missingWords } from '../../src/html/faithful.js';
import { renderExtrait, renderListeDeliberations, renderSessionHtml } from '../../src/render/index.js';

const root = path.resolve(import.meta.dirname, '../..');

export const HEADER = `---
organisation:
  nom: Syndicat exemple
  president: MARTIN Anne
  delegues:
    - { nom: MARTIN Anne }
    - { nom: DURAND Paul }
    - { nom: PETIT Louise }
instance: Comité syndical
date: 2022-06-28
heure: 17h30
lieu: à la mairie
convocation: 2022-06-20
president: MARTIN Anne
secretaires: [DURAND Paul]
presents:
  - { nom: MARTIN Anne }
  - { nom: DURAND Paul }
  - { nom: PETIT Louise }
---

`;

/** Line of the body's first line in the session file. */
export const BODY_LINE = HEADER.split('\n').length;

export interface Built {
  source: string;
  session: Session | undefined;
  messages: VFileMessage[];
  pv?: string;
  liste?: string;
  extraits: string[];
}

export async function build(body: string): Promise<Built> {
  const source = HEADER + body;
  const file = new VFile({ path: 'sessions/exemple.md', value: source, cwd: root });
  const session = await parseSession(file);
  if (!session) return { source, session, messages: file.messages, extraits: [] };
  checkSession(session, file, { rules: allRules });
  return {
    source,
    session,
    messages: file.messages,
    pv: renderSessionHtml(session).html,
    liste: renderListeDeliberations(session).html,
    extraits: session.deliberations.map((deliberation) => renderExtrait(session, deliberation).html),
  };
}

/** The messages of one rule, as `line:column message`. */
export function findings(
  built: Built,
  ruleId = 'body-faithful',
): Array<{ line: number; column: number; reason: string; fatal: boolean | null | undefined }> {
  return built.messages
    .filter((message) => message.ruleId === ruleId)
    .map((message) => ({
      line: message.line ?? 0,
      column: message.column ?? 0,
      reason: message.reason,
      fatal: message.fatal,
    }));
}

/** The body words (of the whole body) that the PV does not print in order. */
export function missingInPv(built: Built): string[] {
  const session = built.session!;
  const body = session.tree.children.filter((node) => node.type !== 'yaml');
  return missingWords(bodyWords(body, built.source), documentWords(built.pv!)).map((run) =>
    run.map((w) => w.word).join(' '),
  );
}

/** The file line of body line n (1-based). */
export function bodyLine(n: number): number {
  return BODY_LINE + n - 1;
}
