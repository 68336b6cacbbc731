/**
 * The PV and the checks cannot disagree on a figure: the sample PV prints the voices and members in office the model
 * computes (src/model/attendance.ts), not figures of its own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { formatNumber } from '../../src/model/french.js';
import { membersInOffice, totalVoicesOf } from '../../src/model/attendance.js';
import { parseSession } from '../../src/parse/parse-session.js';
import { renderSessionHtml } from '../../src/render/index.js';
import { sessionFigures, totalVoices, totalVoicesSentence } from '../../src/render/sentences.js';

const root = path.resolve(import.meta.dirname, '../..');
const samplePath = 'sessions/2022-06-28-comite-syndical.md';

describe('figures of the sample PV', () => {
  it('are the model’s', async () => {
    const file = new VFile({ path: samplePath, value: readFileSync(path.join(root, samplePath), 'utf8'), cwd: root });
    const session = await parseSession(file);
    if (!session) throw new Error(file.messages.map(String).join('\n'));
    const organisation = session.organisation;

    const voices = totalVoicesOf(organisation);
    expect(voices).toBeDefined();
    expect(totalVoices(organisation)).toBe(voices!.value);
    const sentence = totalVoicesSentence(organisation)!;
    expect(sentence).toContain(`${formatNumber(voices!.value)}\u00A0voix`);

    const members = membersInOffice(organisation);
    const figures = sessionFigures(session);
    if (session.stated.inOffice === undefined) expect(figures.inOffice?.toNumber()).toBe(members?.value);

    const { html } = renderSessionHtml(session);
    expect(html.replace(/&nbsp;/g, '\u00A0')).toContain(`comptabilisons ${formatNumber(voices!.value)}\u00A0voix`);
  });
});
