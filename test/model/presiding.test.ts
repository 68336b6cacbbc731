/** « Qui préside est présent » (docs/format.md): a président the PV names only as président counts as present. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { checkSession } from '../../src/check/engine.js';
import { attendanceAt, presidingNotListed, votersAt } from '../../src/model/attendance.js';
import { ruleById } from '../rules/harness.js';
import { parseText } from '../parse/helpers.js';

function session(attendance: string, vote = 'Pour : 3 Contre : 0 Abstentions : 0'): string {
  return `---
organisation:
  nom: Commune de Saint-Martin
  forme: commune
  president: MARTIN Anne
  delegues:
    - { nom: MARTIN Anne }
    - { nom: DURAND Paul }
    - { nom: PETIT Louise }
    - { nom: LEROY Marc }
date: 2023-03-14
president: Mme Anne MARTIN
${attendance}---

## Délibérations

### 1. Budget

${vote}
`;
}

const NOT_LISTED = `presents:
  - { nom: DURAND Paul, pouvoir: PETIT Louise }
excuses: [PETIT Louise, LEROY Marc]
annonce: { presents: 1 }
`;

async function check(source: string, ruleId: string) {
  const { session: parsed, file } = await parseText(source);
  expect(parsed, file.messages.map(String).join('\n')).toBeDefined();
  const checked = new VFile({ path: file.path, value: source });
  checkSession(parsed!, checked, { rules: [ruleById(ruleId)] });
  return { session: parsed!, messages: checked.messages.map((message) => message.reason) };
}

describe('who presides is present', () => {
  it('counts the président absent from the présents: 1 présent + the président + 1 pouvoir = 3 votants', async () => {
    const { session: parsed, messages } = await check(session(NOT_LISTED), 'vote-count');
    expect(presidingNotListed(parsed)?.name).toBe('Mme Anne MARTIN');
    const voters = votersAt(parsed, attendanceAt(parsed, 1));
    expect(voters).toMatchObject({ count: 3, present: 2, represented: 1 });
    expect(messages).toEqual([]);
  });

  it('the figures the PV announces stay compared with its lists alone (« présents : 1 »)', async () => {
    const { messages } = await check(session(NOT_LISTED), 'attendance-stated-figures');
    expect(messages).toEqual([]);
  });

  it('the vote that leaves the président out is reported, and the note says why', async () => {
    const { session: parsed } = await parseText(session(NOT_LISTED, 'Pour : 2 Contre : 0 Abstentions : 0'));
    const checked = new VFile({ path: 'x.md', value: '' });
    checkSession(parsed!, checked, { rules: [ruleById('vote-count')] });
    expect(checked.messages.map((message) => message.reason)).toEqual([
      'Le vote compte 2 votants mais le point 1 a 3 votants.',
    ]);
    expect(String((checked.messages[0] as { note?: string }).note)).toContain(
      '2 présents (dont MARTIN Anne, qui préside la séance sans figurer dans la liste des présents)',
    );
  });

  it('a président listed as excused, or arriving later, is not added', async () => {
    const excused = session(
      NOT_LISTED.replace('[PETIT Louise, LEROY Marc]', '[PETIT Louise, LEROY Marc, MARTIN Anne]'),
    );
    const { session: parsed } = await parseText(excused);
    expect(presidingNotListed(parsed!)).toBeUndefined();
    const arriving = session(`${NOT_LISTED}mouvements:\n  - { arrivee: MARTIN Anne, avant: 2 }\n`);
    const { session: later } = await parseText(arriving);
    expect(presidingNotListed(later!)).toBeUndefined();
    expect(votersAt(later!, attendanceAt(later!, 1)).count).toBe(2);
  });
});
