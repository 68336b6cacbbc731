/** What `minutier build` shows while it works: a progress bar on a terminal, plain lines in a CI log or a pipe. */
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';

function stream(tty: boolean) {
  const chunks: string[] = [];
  const writable = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream & { isTTY: boolean; columns: number };
  writable.isTTY = tty;
  writable.columns = 100;
  return { writable, text: () => chunks.join('') };
}

const ci = process.env.CI;
beforeEach(() => {
  delete process.env.CI;
});
afterEach(() => {
  if (ci !== undefined) process.env.CI = ci;
});

describe('Progress', () => {
  it('writes one plain line per document when the output is not a terminal, after the report', () => {
    const out = stream(false);
    const progress = new Progress(out.writable);
    progress.add(2);
    progress.step('2026-12-10-conseil-municipal.html');
    expect(out.text()).toBe(''); // held while the check report is printed
    progress.release();
    progress.step('2026-12-10-conseil-municipal.pdf');
    progress.say('✓ 1 séance, 2 fichiers écrits dans output/.');
    progress.end();
    expect(out.text()).toBe(
      '[1/2] 2026-12-10-conseil-municipal.html\n[2/2] 2026-12-10-conseil-municipal.pdf\n✓ 1 séance, 2 fichiers écrits dans output/.\n',
    );
  });

  it('draws a bar with the count and the last document on a terminal, keeps messages above it, and clears it at the end', async () => {
    const out = stream(true);
    const progress = new Progress(out.writable);
    progress.add(3);
    progress.release();
    progress.step('a.html');
    await sleep(120);
    expect(out.text()).toMatch(/░.* 1\/3 a\.html/u);
    progress.say('✗ b.pdf : le navigateur a échoué');
    progress.step('c.pdf');
    await sleep(120);
    expect(out.text()).toContain('✗ b.pdf : le navigateur a échoué\n');
    expect(out.text()).toMatch(/ 2\/3 c\.pdf/u);
    progress.end();
    // Plain lines are for logs only: no "[n/N]" line on a terminal.
    expect(out.text()).not.toContain('[1/3]');
  });

  it('prints plain lines on a terminal inside CI (the CI variable)', () => {
    process.env.CI = 'true';
    const out = stream(true);
    const progress = new Progress(out.writable);
    progress.add(1);
    progress.release();
    progress.step('index.html');
    progress.end();
    expect(out.text()).toBe('[1/1] index.html\n');
  });
});
