/** `minutier check --fix`: the proposed annotations are written (never a number), then the session is checked again. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const ANNOTATION = /\{\s*(?:#|<=|>=|≤|≥|=|<|>|≈)[^{}\n]*\}/gu;

async function minutier(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'bin/minutier.js'), ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('minutier check --fix', () => {
  let dir: string;
  let stripped: string;
  const session = 'sessions/2022-06-28-comite-syndical.md';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-fix-'));
    await cp(path.join(root, 'organisations'), path.join(dir, 'organisations'), { recursive: true });
    await cp(path.join(root, 'sessions'), path.join(dir, 'sessions'), { recursive: true });
    stripped = (await readFile(path.join(root, session), 'utf8')).replace(ANNOTATION, '');
    await writeFile(path.join(dir, session), stripped);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the annotations, changes no number, and reports the session as checked again', async () => {
    const before = await minutier(['check', '--format', 'json'], dir);
    expect(before.stdout).toContain('relation-suggested');
    const result = await minutier(['check', '--fix'], dir);
    expect(result.stderr).toMatch(/annotations écrites dans sessions\/2022-06-28-comite-syndical\.md/u);
    const fixed = await readFile(path.join(dir, session), 'utf8');
    expect(fixed).not.toBe(stripped);
    expect(fixed.replace(ANNOTATION, '')).toBe(stripped);
    expect(fixed).toMatch(/7,37\{= \w+ \/ \w+\}/u);
    // The report is the second check's: the three warnings, no suggestion left.
    expect(result.stdout).toMatch(/125:35-125:48\s+warning\s+1 746 700€ HT ne vaut pas 400 000 \+ 1 300 000/u);
    expect(result.stdout).not.toMatch(/déclarerait cette relation/u);
    // Nothing left to write.
    const again = await minutier(['check', '--fix'], dir);
    expect(again.stderr).not.toMatch(/écrites?/u);
    expect(await readFile(path.join(dir, session), 'utf8')).toBe(fixed);
  });

  it('is refused by build', async () => {
    const result = await minutier(['build', '--fix'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--fix ne s’emploie qu’avec check');
  });
});
