/**
 * `minutier export --format json`, as another tool reads it: the printed JSON validates against the published JSON
 * Schema (docs/schema/session.schema.json, with ajv's draft 2020-12), and that schema is the one the zod schemas
 * generate today (`npm run schema` writes it again when they change).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { sessionJsonSchema } from '../../src/publish/export-json.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin', 'minutier.js');
const published = JSON.parse(readFileSync(path.join(root, 'docs/schema/session.schema.json'), 'utf8')) as Record<
  string,
  unknown
>;

async function minutier(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

interface Exported {
  fichier: string;
  illisible?: true;
  deliberations?: Array<{
    numero: number;
    type: string;
    presence: { votants: number; voix: number; exclus: string[] };
    vote?: { unanimite: boolean };
    donneesOuvertes: Record<string, string>;
  }>;
  constats: Array<{ regle: string | null; severite: string; ligne: number | null; colonne: number | null }>;
}

describe('minutier export --format json', () => {
  it('publishes the JSON Schema the zod schemas generate (run `npm run schema` after changing them)', () => {
    expect(published).toEqual(sessionJsonSchema());
  });

  it('prints each checked session, valid against the published schema, with who votes at each item and the findings', async () => {
    const result = await minutier([
      'export',
      'sessions/2022-06-28-comite-syndical.md',
      'test/fixtures/publication/seance-publiee.md',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const exported = JSON.parse(result.stdout) as Exported[];
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(published);
    expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);

    const [sample, complete] = exported as [Exported, Exported];
    const ca = sample.deliberations!.find((d) => d.type === 'compte-administratif')!;
    expect(ca.presence.votants).toBe(24);
    expect(ca.presence.exclus.join(' ')).toMatch(/VARLET Philippe/u);
    expect(sample.deliberations!.find((d) => d.numero === 1)!.presence.votants).toBe(25);
    expect(sample.constats).toContainEqual(
      expect.objectContaining({ regle: 'relation-holds', severite: 'erreur', ligne: 125, colonne: 35 }),
    );
    expect(complete.deliberations![0]!.donneesOuvertes.DELIB_MATIERE_CODE).toBe('7.1');
    expect(complete.constats).toEqual([]);
  });

  it('exports an unreadable file as such, with its findings, and exits 1', async () => {
    const result = await minutier(['export', 'test/fixtures/bad/vide.md']);
    expect(result.code).toBe(1);
    const [entry] = JSON.parse(result.stdout) as Exported[];
    expect(entry).toMatchObject({ fichier: 'test/fixtures/bad/vide.md', illisible: true });
    expect(entry!.constats.length).toBeGreaterThan(0);
  });

  it('knows only json', async () => {
    const result = await minutier(['export', 'sessions', '--format', 'csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/le seul format est json/u);
  });
});
