/** A session saved with Windows line endings or a byte-order mark is checked exactly like its LF twin. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkFiles } from '../../src/pipeline/check-files.js';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;

beforeAll(async () => {
  // Inside the repository, so that organisations/somme-numerique.yml is found walking up.
  dir = await mkdtemp(path.join(root, 'test', '.tmp-crlf-'));
  const lf = await readFile(path.join(root, 'sessions', '2022-06-28-comite-syndical.md'), 'utf8');
  await writeFile(path.join(dir, 'lf.md'), lf);
  await writeFile(path.join(dir, 'crlf.md'), lf.replace(/\n/gu, '\r\n'));
  await writeFile(path.join(dir, 'bom.md'), `\uFEFF${lf}`);
  await writeFile(path.join(dir, 'bom-crlf.md'), `\uFEFF${lf.replace(/\n/gu, '\r\n')}`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('gives the sample the same findings, at the same lines and columns, whatever its line endings or BOM', async () => {
  const files = await checkFiles(
    ['lf.md', 'crlf.md', 'bom.md', 'bom-crlf.md'].map((name) => path.join(dir, name)),
    { cwd: root },
  );
  // Lines and columns are what a user sees; offsets count the \r characters and differ, as they should.
  const summary = (index: number) =>
    files[index]!.messages.map(
      (m) =>
        `${m.line}:${m.column}-${m.place && 'end' in m.place ? `${m.place.end.line}:${m.place.end.column}` : ''} ${m.ruleId} ${m.reason}`,
    );
  expect(summary(0).length).toBeGreaterThan(5);
  expect(summary(1)).toEqual(summary(0));
  expect(summary(2)).toEqual(summary(0));
  expect(summary(3)).toEqual(summary(0));
});
