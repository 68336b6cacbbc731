/** `minutier init` and `minutier new` as a user meets them, through the real CLI in temporary folders. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutier } from './helpers.js';

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/mu);
const folders: string[] = [];
const folder = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutier-init-'));
  folders.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

describe('minutier init', () => {
  let dir: string;
  const syndicat = [
    'init',
    '--forme',
    'syndicat',
    '--nom',
    'Syndicat des eaux de la Vallée',
    '--id',
    'eaux-vallee',
    '--president',
    'M. BERNARD Luc',
    '--quorum',
    'presents-et-representes',
    '--pouvoirs',
    '2',
    '--college',
    'communes;Les communes membres;1;1;3',
    '--college',
    "agglo;La communauté d'agglomération;2;3",
    '--membre',
    'M. BERNARD Luc',
    '--membre',
    "Mme D'ARC Jeanne",
    '--membre',
    'DUBOIS Marc, dit « Marco »',
    '--yes',
  ];

  beforeAll(async () => {
    dir = await folder();
  });

  it('writes the repository, with an organisation file minutier reads: forme, colleges, CGCT defaults and the given rules', async () => {
    const result = await minutier(syndicat, dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const organisation = YAML.parse(await readFile(path.join(dir, 'organisations/eaux-vallee.yml'), 'utf8'));
    expect(organisation).toMatchObject({
      nom: 'Syndicat des eaux de la Vallée',
      forme: 'syndicat mixte',
      instance: 'Comité syndical',
      president: 'BERNARD Luc',
      colleges: [
        { id: 'communes', nom: 'Les communes membres', membres: 3, delegues: 1, voix: 1 },
        { id: 'agglo', nom: "La communauté d'agglomération", delegues: 2, voix: 3 },
      ],
      quorum: { base: 'membres', compte: 'presents-et-representes', seuil: '1/2' },
      pouvoirs: { maximum: 2 },
      convocation: { 'jours-francs': 5 },
      delegues: [
        { nom: 'BERNARD Luc', civilite: 'M.' },
        { nom: "D'ARC Jeanne", civilite: 'Mme' },
        { nom: 'DUBOIS Marc, dit « Marco »' },
      ],
    });
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.scripts).toMatchObject({ check: 'minutier check', build: 'minutier build' });
    expect(pkg.dependencies.minutier).toMatch(/^\^\d+\.\d+\.\d+$/u);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^output\/$/mu);
    expect(await readFile(path.join(dir, '.github/workflows/minutes.yml'), 'utf8')).toContain(
      'npx minutier check --format github',
    );
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toContain('npx minutier new');
  });

  it('refuses to overwrite, in French, naming the files, and writes nothing; --force replaces', async () => {
    await writeFile(path.join(dir, 'README.md'), 'Mon README\n');
    const again = await minutier(syndicat, dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('existent déjà');
    expect(again.stderr).toContain('README.md');
    expect(again.stderr).toContain('--force');
    noStackTrace(again.stderr);
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toBe('Mon README\n');
    const forced = await minutier([...syndicat, '--force'], dir);
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toContain('Syndicat des eaux de la Vallée');
  });

  it('without a terminal, says which answer is missing', async () => {
    const empty = await folder();
    const result = await minutier(['init', '--forme', 'commune'], empty);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--nom manque');
    const badForme = await minutier(['init', '--forme', 'paroisse', '--nom', 'X'], empty);
    expect(badForme.code).toBe(2);
    expect(badForme.stderr).toContain('« paroisse » inconnue');
    const badCollege = await minutier(['init', '--forme', 'syndicat', '--nom', 'X', '--college', 'Communes;2'], empty);
    expect(badCollege.code).toBe(2);
    expect(badCollege.stderr).toContain('--college');
    noStackTrace(result.stderr + badForme.stderr + badCollege.stderr);
  });

  it('gives a commune 3 jours francs below 3 500 inhabitants and 5 above (L2121-11, L2121-12)', async () => {
    const small = await folder();
    await minutier(
      ['init', '--forme', 'commune', '--nom', 'Commune de Petitbourg', '--habitants', '300', '--yes'],
      small,
    );
    expect(
      YAML.parse(await readFile(path.join(small, 'organisations/commune-de-petitbourg.yml'), 'utf8')).convocation[
        'jours-francs'
      ],
    ).toBe(3);
    const large = await folder();
    await minutier(
      ['init', '--forme', 'commune', '--nom', 'Ville de Grandbourg', '--habitants', '12000', '--yes'],
      large,
    );
    const organisation = YAML.parse(await readFile(path.join(large, 'organisations/ville-de-grandbourg.yml'), 'utf8'));
    expect(organisation.convocation['jours-francs']).toBe(5);
    expect(organisation.quorum.compte).toBe('presents');
    expect(organisation.pouvoirs.maximum).toBe(1);
  });
});

describe('minutier new', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await folder();
    await minutier(
      [
        'init',
        '--forme',
        'syndicat',
        '--nom',
        'Syndicat des eaux',
        '--id',
        'eaux',
        '--president',
        'M. BERNARD Luc',
        '--membre',
        'M. BERNARD Luc',
        '--membre',
        "Mme D'ARC Jeanne",
        '--membre',
        'DUBOIS Marc',
        '--yes',
      ],
      dir,
    );
  });

  it('prepares the first session: every member once, the suggested convocation date, the ordre du jour numbered', async () => {
    await writeFile(path.join(dir, 'odj.txt'), '1. Rapport annuel 2026\n\n- Tarifs 2027\n');
    const result = await minutier(
      ['new', '--date', '2027-01-20', '--heure', '17h', '--lieu', 'au siège', '--ordre-du-jour', 'odj.txt'],
      dir,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = await readFile(path.join(dir, 'sessions/2027-01-20-comite-syndical.md'), 'utf8');
    const header = YAML.parse(/^---\n([\s\S]*?)\n---/u.exec(text)![1]!);
    expect(header).toMatchObject({
      organisation: 'eaux',
      date: '2027-01-20',
      heure: '17h',
      lieu: 'au siège',
      convocation: '2027-01-14', // 5 jours francs: 15, 16, 17, 18, 19
      president: 'BERNARD Luc',
      presents: [{ nom: 'BERNARD Luc' }, { nom: "D'ARC Jeanne" }, { nom: 'DUBOIS Marc' }],
      excuses: [],
      absents: [],
    });
    expect(text).toContain('### 1. Rapport annuel 2026\n\n### 2. Tarifs 2027\n');
    // The quorum is the author's to state (L2121-15): a hint, never an invented statement.
    expect(text).toContain('# annonce: { quorum-atteint: true }   # à compléter');
    const check = await minutier(['check'], dir);
    expect(check.code).toBe(0);
    expect(check.stdout).not.toMatch(/\berror\b/u);
    expect(check.stdout).toContain('ne dit pas le résultat du vote');
    expect(check.stdout).toContain('Il manque la mention du quorum');
  });

  it('prepares the next one from the previous: président, secrétaires, hour and place, approbation of its PV as item 1', async () => {
    const first = path.join(dir, 'sessions/2027-01-20-comite-syndical.md');
    await writeFile(
      first,
      (await readFile(first, 'utf8')).replace(
        '# secretaires: [NOM Prénom]   # à compléter',
        "secretaires: [Mme D'ARC Jeanne]",
      ),
    );
    const result = await minutier(['new', '--date', '2027-03-03'], dir);
    expect(result.code).toBe(0);
    const text = await readFile(path.join(dir, 'sessions/2027-03-03-comite-syndical.md'), 'utf8');
    const header = YAML.parse(/^---\n([\s\S]*?)\n---/u.exec(text)![1]!);
    expect(header).toMatchObject({
      heure: '17h',
      lieu: 'au siège',
      president: 'BERNARD Luc',
      secretaires: ["Mme D'ARC Jeanne"],
      'approbation-pv': '2027-01-20',
    });
    expect(text).toContain('### 1. Approbation du procès-verbal de la séance du 20 janvier 2027');
    const check = await minutier(['check', 'sessions/2027-03-03-comite-syndical.md'], dir);
    expect(check.code).toBe(0);
  });

  it('never overwrites a session, and leaves what a first session lacks to fill in, said by the check', async () => {
    const again = await minutier(['new', '--date', '2027-03-03'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('existe déjà');
    const other = await folder();
    await minutier(['init', '--forme', 'commune', '--nom', 'Commune de Nulle-Part', '--yes'], other);
    const bare = await minutier(['new', '--date', '2027-01-20'], other);
    expect(bare.code).toBe(0);
    const written = await readFile(path.join(other, 'sessions/2027-01-20-conseil-municipal.md'), 'utf8');
    expect(written).toMatch(/^# heure: …\s+# à compléter$/mu);
    expect(written).toMatch(/^# president: …\s+# à compléter$/mu);
    const checked = await minutier(['check'], other);
    expect(checked.code).toBe(0);
    expect(checked.stdout + checked.stderr).toContain('Il manque l’heure de la séance');
    const badDate = await minutier(
      ['new', '--date', '2027-02-30', '--heure', '9h', '--lieu', 'ici', '--president', 'X Y'],
      other,
    );
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("n'existe pas dans le calendrier");
    const badHour = await minutier(
      ['new', '--date', '2027-01-27', '--heure', '25h', '--lieu', 'ici', '--president', 'X Y'],
      other,
    );
    expect(badHour.code).toBe(2);
    expect(badHour.stderr).toContain("--heure : l'heure « 25h » n'existe pas");
    noStackTrace(again.stderr + bare.stderr + badDate.stderr + badHour.stderr);
  });
});

describe('--help', () => {
  it.each(['init', 'new', 'preview'])('minutier %s --help shows its options and examples', async (command) => {
    const result = await minutier([command, '--help'], os.tmpdir());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`minutier ${command}`);
    expect(result.stdout).toContain('Exemples :');
  });

  it('minutier --help lists every command, with examples', async () => {
    const result = await minutier(['--help'], os.tmpdir());
    for (const command of ['init', 'new', 'preview', 'check', 'build'])
      expect(result.stdout).toContain(`minutier ${command}`);
    expect(result.stdout).toContain('Exemples :');
  });
});
