/**
 * The holes the hostile corpus found (docs/security.md), checked at the parser, fast: the whole-build proof is
 * test/security/hostile-build.test.ts.
 */
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearOrganisationCache, templatesRefusal } from '../../src/parse/organisation.js';
import { findings, parsePath, parseText } from './helpers.js';

const HEADER = `---
organisation:
  nom: Syndicat d'essai
  delegues:
    - { nom: MARTIN Anne }
    - { nom: DURAND Paul }
instance: Comité syndical
date: 2024-01-15
heure: 18h00
lieu: à la mairie
president: MARTIN Anne
secretaires: [DURAND Paul]
presents:
  - { nom: MARTIN Anne }
  - { nom: DURAND Paul }
---
`;

describe('doubled braces are text, not annotations', () => {
  it('{{#each this}}, {{> pv}}, {{{raw}}} and 12{{#x}} are neither reported (parse-annotation) nor read as annotations', async () => {
    const body =
      'Le président ouvre la séance : {{#each this}}[{{@key}}]{{/each}} {{> pv}} {{{raw}}} 12{{#x}} {{= 2}}.\n';
    const { session, file } = await parseText(`${HEADER}\n${body}`);
    expect(findings(file).filter((finding) => finding.ruleId === 'parse-annotation')).toEqual([]);
    expect(session).toBeDefined();
    expect(session!.annotations).toEqual([]);
  });

  it('a real annotation right after a number is still read', async () => {
    const { session, file } = await parseText(`${HEADER}\nUn total de 12{#total} voix.\n`);
    expect(findings(file).filter((finding) => finding.fatal)).toEqual([]);
    expect(session!.annotations.map((annotation) => annotation.name?.value)).toEqual(['total']);
  });
});

describe('templates: a session never chooses them; an organisation file names a folder of its repository', () => {
  it('an inline organisation with templates is refused at the key', async () => {
    const { session, file } = await parseText(
      HEADER.replace("  nom: Syndicat d'essai\n", "  nom: Syndicat d'essai\n  templates: /etc\n"),
    );
    expect(session).toBeUndefined();
    const refused = findings(file).find((finding) => finding.fatal)!;
    expect(refused).toMatchObject({ place: '4:3-4:12', ruleId: 'parse-schema' });
    expect(refused.reason).toMatch(/ne choisit pas ses gabarits/u);
  });

  it.each([
    ['/etc', /chemin absolu/u],
    ['C:\\Windows', /chemin absolu/u],
    ['../../etc', /sort du dépôt/u],
    ['..\\..\\etc', /sort du dépôt/u],
    ['../gabarits/../../x', /sort du dépôt/u],
    ['  ', /vide/u],
  ])('organisation file: « %s » is refused', (value, reason) => {
    expect(templatesRefusal(value, true)).toMatch(reason);
  });

  it.each(['../gabarits', 'gabarits', '..', './modeles/../gabarits'])(
    'organisation file: « %s » is accepted',
    (value) => {
      expect(templatesRefusal(value, true)).toBeUndefined();
    },
  );

  it('an organisation file whose templates leave the repository is refused at that value, in that file', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'minutier-templates-'));
    try {
      clearOrganisationCache();
      await mkdir(path.join(root, 'organisations'));
      await mkdir(path.join(root, 'sessions'));
      const organisation = await readFile('test/fixtures/hostile/organisations/hostile.yml', 'utf8');
      await writeFile(
        path.join(root, 'organisations/hostile.yml'),
        `${organisation.trimEnd()}\ntemplates: ../../etc\n`,
      );
      const session = path.join(root, 'sessions/s.md');
      await writeFile(session, await readFile('test/fixtures/hostile/liens.md', 'utf8'));
      const { session: parsed, file } = await parsePath(session);
      expect(parsed).toBeUndefined();
      expect(findings(file)[0]).toMatchObject({ ruleId: 'parse-organisation', fatal: true });
      const inFile = findings(file.data.organisationFile!);
      expect(inFile).toHaveLength(1);
      expect(inFile[0]!.ruleId).toBe('parse-schema');
      expect(inFile[0]!.reason).toMatch(/« \.\.\/\.\.\/etc » sort du dépôt/u);
    } finally {
      clearOrganisationCache();
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('templates: the model carries the folder the parse stage allowed', () => {
  async function organisationWithTemplates(root: string, templates: string) {
    clearOrganisationCache();
    await mkdir(path.join(root, 'organisations'), { recursive: true });
    await mkdir(path.join(root, 'sessions'), { recursive: true });
    const organisation = await readFile('test/fixtures/hostile/organisations/hostile.yml', 'utf8');
    await writeFile(
      path.join(root, 'organisations/hostile.yml'),
      `${organisation.trimEnd()}\ntemplates: ${templates}\n`,
    );
    const session = path.join(root, 'sessions/s.md');
    await writeFile(session, await readFile('test/fixtures/hostile/liens.md', 'utf8'));
    return parsePath(session);
  }

  it('a folder of the repository: its absolute path is in the model', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'minutier-templates-'));
    try {
      await mkdir(path.join(root, 'gabarits'));
      const { session } = await organisationWithTemplates(root, '../gabarits');
      expect(session?.organisation.templates).toBe('../gabarits');
      expect(session?.organisation.templatesFolder).toBe(path.join(root, 'gabarits'));
    } finally {
      clearOrganisationCache();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('a symbolic link out of the repository is refused at that value, in that file', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'minutier-templates-'));
    const outside = await mkdtemp(path.join(os.tmpdir(), 'minutier-outside-'));
    try {
      await mkdir(root, { recursive: true });
      await symlink(outside, path.join(root, 'gabarits'));
      const { session, file } = await organisationWithTemplates(root, '../gabarits');
      expect(session).toBeUndefined();
      const inFile = findings(file.data.organisationFile!);
      expect(inFile).toHaveLength(1);
      expect(inFile[0]).toMatchObject({ ruleId: 'parse-schema', fatal: true });
      expect(inFile[0]!.reason).toMatch(/« \.\.\/gabarits » sort du dépôt/u);
    } finally {
      clearOrganisationCache();
      await rm(root, { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('YAML refusals say what and where', () => {
  it('a refused tag is named', async () => {
    const { file } = await parseText(HEADER.replace('lieu: à la mairie', "lieu: !!js/function 'function () {}'"));
    const refused = findings(file).find((finding) => finding.fatal)!;
    expect(refused.ruleId).toBe('parse-yaml');
    expect(refused.place).toBe('10:7-10:20');
    expect(refused.reason).toContain('« !!js/function »');
  });

  it('deep nesting is « trop profonde », placed where the nesting starts, not an alias bomb', async () => {
    const { file } = await parseText(HEADER.replace('lieu: à la mairie', `annonce: ${'['.repeat(5000)}`));
    const refused = findings(file).find((finding) => finding.fatal)!;
    expect(refused.ruleId).toBe('parse-yaml');
    expect(refused.place.startsWith('10:10-')).toBe(true);
    expect(refused.reason).toMatch(/imbrication trop profonde/iu);
    expect(refused.reason).not.toMatch(/alias/u);
  });
});
