/**
 * checkSessions keeps each session's model for a caller that takes the sessions as they are checked (a build, which
 * renders them), and drops it for one that prints findings only (`check`): the same findings either way.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VFile } from 'vfile';
import { checkSessions } from '../../src/pipeline/sessions.js';
import type { CommonOptions } from '../../src/pipeline/options.js';

const root = path.resolve(import.meta.dirname, '../..');
const options: CommonOptions = {
  paths: [path.join(root, 'sessions')],
  format: 'json',
  quiet: false,
  concurrency: 'off',
};
const findings = (files: VFile[]) =>
  files.map((file) => ({
    path: file.path,
    messages: file.messages.map((m) => [m.ruleId, m.line, m.column, m.reason]),
  }));

describe('checkSessions', () => {
  it('drops each model once checked when no hook asks for the sessions (`check`)', async () => {
    const { files } = await checkSessions(options);
    expect(files.length).toBeGreaterThan(2);
    expect(files.filter((file) => file.data.session !== undefined)).toEqual([]);
  });

  it('keeps every model for a caller that takes the sessions as they are checked (a build), with the same findings', async () => {
    const seen: string[] = [];
    const kept = await checkSessions(options, { onChecked: (file) => Promise.resolve(void seen.push(file.path)) });
    const dropped = await checkSessions(options);
    expect(seen).toHaveLength(kept.files.length);
    expect(kept.files.every((file) => file.data.session !== undefined)).toBe(true);
    expect(findings(kept.files)).toEqual(findings(dropped.files));
  });
});
