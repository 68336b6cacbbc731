/** Shared by the authoring tests: run the real CLI, open a real browser. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import { requireBrowser } from '../../src/print/find-browser.js';

export const root = path.resolve(import.meta.dirname, '../..');
export const bin = path.join(root, 'bin/minutier.js');
const execFileAsync = promisify(execFile);

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node <worktree>/bin/minutier.js …` in a folder, with no terminal (flags only). */
export async function minutier(args: string[], cwd: string, script = bin): Promise<Result> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, CI: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A visible-text reader's browser: the system Chromium, driven by puppeteer-core. */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath } = await requireBrowser();
  return await puppeteer.launch({
    executablePath,
    headless: 'shell',
    pipe: true,
    args: ['--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
}
