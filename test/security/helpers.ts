/**
 * What the security tests share: a copy of the hostile corpus in a temporary "repository" (with the local server's
 * port and the secret file written in), the real CLI run as a user runs it (compiled `dist/`, see
 * `npx tsc -p tsconfig.build.json`), a local HTTP server that counts requests, and the text of a PDF.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const hostileDir = path.join(root, 'test/fixtures/hostile');
const bin = path.join(root, 'bin/minutier.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/minutier.js …` in `cwd` and waits for it; never rejects on a non-zero exit code. */
export function runCli(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, MINUTIER_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A local HTTP server on 127.0.0.1 (random port) that records every request it receives. */
export async function startSpyServer(): Promise<{ port: number; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('TEXTE MODIFIÉ PAR UN SCRIPT');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The hostile session files of the corpus (README excluded). */
export async function hostileSessions(): Promise<string[]> {
  return (await readdir(hostileDir)).filter((name) => name.endsWith('.md') && name !== 'README.md').sort();
}

/**
 * Copies sessions of the corpus into `<repo>/sessions/` and the organisation into `<repo>/organisations/`, with
 * `PORT` replaced by the spy server's port and `/etc/passwd`, `/etc/hostname` by the secret file.
 */
export async function copyCorpus(repo: string, names: string[], port: number, secretFile: string): Promise<void> {
  await mkdir(path.join(repo, 'sessions'), { recursive: true });
  await mkdir(path.join(repo, 'organisations'), { recursive: true });
  await copyFile(path.join(hostileDir, 'organisations/hostile.yml'), path.join(repo, 'organisations/hostile.yml'));
  for (const name of names) {
    const text = await readFile(path.join(hostileDir, name), 'utf8');
    const rewritten = text
      .replaceAll('127.0.0.1:PORT', `127.0.0.1:${port}`)
      .replaceAll('/etc/passwd', secretFile)
      .replaceAll('/etc/hostname', secretFile);
    await writeFile(path.join(repo, 'sessions', name), rewritten);
  }
}

/** A valid session of the hostile organisation, with nothing hostile in it. */
export function controlSession(options: { date?: string; items?: number } = {}): string {
  const items = Array.from({ length: options.items ?? 1 }, (_, index) =>
    [
      `### ${index + 1}. Point n° ${index + 1}`,
      '',
      `Texte original du point ${index + 1}.`,
      '',
      'Adoptée à l’unanimité',
      '',
    ].join('\n'),
  );
  return [
    '---',
    'organisation: hostile',
    'instance: Comité syndical',
    `date: ${options.date ?? '2024-02-01'}`,
    'heure: 18h00',
    'lieu: à la mairie',
    'president: MARTIN Anne',
    'secretaires: [DURAND Paul]',
    'presents:',
    '  - { nom: MARTIN Anne }',
    '  - { nom: DURAND Paul }',
    'excuses: [PETIT Louise]',
    '---',
    '',
    'Le président ouvre la séance.',
    '',
    '## Délibérations',
    '',
    ...items,
    'La séance est levée à 19h00',
    '',
  ].join('\n');
}

/** Every file below a folder, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  await walk(dir);
  return out.sort();
}

// The PDF readers live in test/print/pdf-inspect.ts (pdf.js), the tests' one PDF helper.
export { pdfOpens, pdfText } from '../print/pdf-inspect.js';

/** Lines of a Node.js stack trace. */
export const STACK_LINE = /^ {4}at /mu;
