import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { findings, parsePath, parseText } from './helpers.js';

/** Each bad fixture, its single finding: place, rule and (the start of) the French reason. */
const CASES: Array<[file: string, place: string, ruleId: string, reason: string, modelled?: boolean]> = [
  ['yaml-guillemet-non-ferme.md', '5:7-5:19', 'parse-yaml', 'Erreur de syntaxe YAML : guillemet fermant manquant'],
  [
    'yaml-indentation.md',
    '9:4-9:11',
    'parse-yaml',
    'Erreur de syntaxe YAML : indentation incorrecte : cette ligne commence par 3 espaces, la précédente par 2',
  ],
  ['cle-inconnue.md', '7:1-7:10', 'parse-unknown-key', 'Clé inconnue « preesents » : vouliez-vous dire « presents » ?'],
  [
    'cle-inconnue-imbriquee.md',
    '8:25-8:29',
    'parse-unknown-key',
    'Clé inconnue « vois » : vouliez-vous dire « voix » ?',
  ],
  ['mauvais-type.md', '7:10-7:21', 'parse-schema', '« excuses » : doit être une liste de noms.'],
  ['date-manquante.md', '1:1-1:4', 'parse-schema', 'Champ obligatoire manquant : « date »'],
  ['organisation-manquante.md', '1:1-1:4', 'parse-schema', 'Champ obligatoire manquant : « organisation »'],
  [
    'date-inexistante.md',
    '3:7-3:17',
    'parse-schema',
    "« date » : la date « 2022-02-30 » n'existe pas dans le calendrier",
  ],
  ['heure-invalide.md', '4:8-4:13', 'parse-schema', "« heure » : l'heure « 25h00 » n'existe pas"],
  [
    'voix-en-lettres.md',
    '8:31-8:35',
    'parse-number',
    "« voix » : « deux » n'est pas un nombre : écrivez-le en chiffres",
  ],
  [
    'voix-point-decimal.md',
    '8:31-8:34',
    'parse-number',
    '« voix » : « 1.5 » n\'est pas un nombre écrit à la française : la virgule marque les décimales, écrivez « "1,5" »',
  ],
  [
    'pouvoir-inconnu.md',
    '8:34-8:48',
    'parse-unknown-person',
    "« INCONNU Albert » n'est pas dans la liste des délégués de Syndicat d'exemple",
    true,
  ],
  ['vide.md', '1:1-1:1', 'parse-empty', 'Le fichier est vide'],
  ['sans-en-tete.md', '1:1-1:31', 'parse-frontmatter', 'En-tête YAML manquant'],
  ['binaire.md', '3:1-3:1', 'parse-encoding', 'Le fichier contient un caractère nul'],
  ['latin1.md', '5:7-5:7', 'parse-encoding', "Le fichier n'est pas un texte UTF-8 valide (octet 0xe0"],
  ['etiquette-yaml.md', '7:11-7:24', 'parse-yaml', 'Erreur de syntaxe YAML : étiquette YAML non permise'],
  ['bombe-alias.md', '3:8-3:10', 'parse-yaml', 'Trop de références (alias « * ») : plus de 100'],
  [
    'annotation-detachee.md',
    '9:19-9:29',
    'parse-annotation',
    "L'annotation « {#montant} » doit suivre immédiatement un nombre",
  ],
  ['organisation-introuvable.md', '2:15-2:25', 'parse-organisation', 'Organisme « inexistant » introuvable'],
  ['organisation-chemin.md', '2:15-2:25', 'parse-organisation', "« ../exemple » n'est pas un identifiant d'organisme"],
  [
    'organisation-seuil.md',
    '2:15-2:29',
    'parse-organisation',
    "Le fichier de l'organisme test/fixtures/organisations/seuil-invalide.yml contient une erreur ; ligne 3, colonne 10",
  ],
  [
    'organisation-en-ligne-seuil.md',
    '6:20-6:26',
    'parse-schema',
    "« quorum.seuil » : « moitié » n'est pas une fraction : écrivez « 1/2 »",
  ],
];

describe('les entrées fautives donnent un message français positionné', () => {
  it.each(CASES)('%s', async (name, place, ruleId, reason, modelled = false) => {
    const { session, file } = await parsePath(`test/fixtures/bad/${name}`);
    const [first] = findings(file);
    expect(first).toBeDefined();
    expect(first!.place).toBe(place);
    expect(first!.ruleId).toBe(ruleId);
    expect(first!.reason.startsWith(reason), first!.reason).toBe(true);
    expect(first!.reason).not.toMatch(/\bat \w+ \(|Error:|undefined|\[object/u);
    expect(file.messages[0]!.source).toBe('minutier');
    expect(file.messages[0]!.file).toBe(`test/fixtures/bad/${name}`);
    if (modelled) {
      expect(first!.fatal).toBe(false);
      expect(session).toBeDefined();
    } else {
      expect(first!.fatal).toBe(true);
      expect(session).toBeUndefined();
    }
  });

  it("les erreurs d'un fichier d'organisme sont placées dans ce fichier", async () => {
    const { file } = await parsePath('test/fixtures/bad/organisation-seuil.md');
    const organisationFile = file.data.organisationFile!;
    expect(organisationFile.path).toBe('test/fixtures/organisations/seuil-invalide.yml');
    expect(findings(organisationFile)).toEqual([
      {
        place: '3:10-3:13',
        ruleId: 'parse-schema',
        fatal: true,
        reason: '« quorum.seuil » : doit être une fraction écrite « 1/2 » ou « 1/3 ».',
      },
    ]);
  });

  it('les fichiers CRLF et avec BOM donnent exactement les mêmes constats que leurs jumeaux LF', async () => {
    for (const [name] of CASES) {
      if (name === 'binaire.md' || name === 'latin1.md' || name === 'vide.md') continue;
      const bytes = await readFile(`test/fixtures/bad/${name}`);
      const lf = bytes.toString('utf8');
      const path = `test/fixtures/bad/${name}`;
      const reference = findings((await parseText(lf, path)).file);
      const crlf = findings((await parseText(lf.replace(/\n/gu, '\r\n'), path)).file);
      const bom = findings((await parseText(new Uint8Array(Buffer.from(`\uFEFF${lf}`, 'utf8')), path)).file);
      const both = findings((await parseText(`\uFEFF${lf.replace(/\n/gu, '\r\n')}`, path)).file);
      expect(crlf, name).toEqual(reference);
      expect(bom, name).toEqual(reference);
      expect(both, name).toEqual(reference);
    }
  });

  it('refuse un fichier de plus de 2 Mo', async () => {
    const big = `---\norganisation: exemple\n---\n\n${'Du texte. '.repeat(220_000)}\n`;
    const { session, file } = await parseText(big);
    expect(session).toBeUndefined();
    expect(findings(file)).toEqual([
      {
        place: '1:1-1:1',
        ruleId: 'parse-limits',
        fatal: true,
        reason: 'Le fichier est trop volumineux (2,1 Mo) : minutier lit des fichiers de 2 Mo au plus.',
      },
    ]);
  });

  it('refuse un tableau de plus de 2 000 lignes', async () => {
    const rows = Array.from({ length: 2001 }, (_, k) => `| ligne ${k} | ${k} |`).join('\n');
    const text = `---\norganisation: exemple\ndate: 2023-03-14\nheure: 18h00\nlieu: ici\npresident: DUPONT Jean\n---\n\n| A | B |\n|---|---|\n${rows}\n`;
    const { session, file } = await parseText(text);
    expect(session).toBeUndefined();
    const [first] = findings(file);
    expect(first).toMatchObject({ place: expect.stringMatching(/^9:1-/u), ruleId: 'parse-limits', fatal: true });
    expect(first!.reason).toContain('Tableau trop grand (2001 lignes)');
  });

  it('signale une annotation mal formée', async () => {
    const text = `---\norganisation: exemple\ndate: 2023-03-14\nheure: 18h00\nlieu: ici\npresident: DUPONT Jean\n---\n\nUn montant de 12,50 €{#} et 3{= } et 4{#a ~ b}.\n`;
    const { file } = await parseText(text);
    expect(findings(file).map((f) => [f.place, f.ruleId])).toEqual([
      ['9:22-9:25', 'parse-annotation'],
      ['9:30-9:34', 'parse-annotation'],
      ['9:39-9:47', 'parse-annotation'],
    ]);
  });
});
