/**
 * `minutier init [dossier]`: a minutes repository for one body — package.json depending on minutier, the
 * organisation file, sessions/, the GitHub workflow, .gitignore and a README for the secretary.
 * Every answer comes from a flag or, on a terminal, from a question (@clack/prompts); nothing existing is
 * overwritten without --force.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { fileSlug } from '../model/document-names.js';
import { civiliteOf, displayName } from '../model/names.js';
import { ORGANISATION_ID } from '../parse/organisation.js';
import { AuthoringError, type Ask } from './shared.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The kinds of body, with the forme written in the organisation file and the usual instance. */
export const FORMES = [
  { forme: 'commune', kind: 'commune', instance: 'Conseil municipal' },
  { forme: 'communauté de communes', kind: 'communaute', instance: 'Conseil communautaire' },
  { forme: "communauté d'agglomération", kind: 'communaute', instance: 'Conseil communautaire' },
  { forme: 'communauté urbaine', kind: 'communaute', instance: 'Conseil communautaire' },
  { forme: 'métropole', kind: 'communaute', instance: 'Conseil de la métropole' },
  { forme: 'syndicat intercommunal', kind: 'syndicat', instance: 'Comité syndical' },
  { forme: 'syndicat mixte', kind: 'syndicat', instance: 'Comité syndical' },
] as const;

/** Short names accepted by --forme. */
const SHORT: Record<string, string> = {
  commune: 'commune',
  communaute: 'communauté de communes',
  'communaute-de-communes': 'communauté de communes',
  'communaute-d-agglomeration': "communauté d'agglomération",
  'communaute-urbaine': 'communauté urbaine',
  metropole: 'métropole',
  syndicat: 'syndicat mixte',
  'syndicat-mixte': 'syndicat mixte',
  'syndicat-intercommunal': 'syndicat intercommunal',
};

export interface CollegeAnswer {
  id: string;
  nom: string;
  delegues: number;
  voix?: number;
  membres?: number;
}

export interface InitValues {
  dir: string;
  nom?: string;
  forme?: string;
  id?: string;
  instance?: string;
  president?: string;
  habitants?: number;
  sieges?: number;
  colleges?: CollegeAnswer[];
  membres?: string[];
  quorum?: 'presents' | 'presents-et-representes';
  seuil?: string;
  pouvoirs?: number;
  joursFrancs?: number;
  /** The dependency written in package.json (default: ^<this version>). */
  minutier?: string;
  force: boolean;
}

export interface InitResult {
  dir: string;
  id: string;
  written: string[];
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

export function resolveForme(value: string): (typeof FORMES)[number] {
  const key = fileSlug(value);
  const forme = SHORT[key] ?? FORMES.find((f) => fileSlug(f.forme) === key)?.forme;
  const found = FORMES.find((f) => f.forme === forme);
  if (!found) {
    throw new AuthoringError(
      `--forme : « ${value} » inconnue ; choisissez commune, communaute, syndicat, ou l'une de : ${FORMES.map((f) => f.forme).join(', ')}.`,
    );
  }
  return found;
}

/** "DUPONT Jean; Mme MARTIN Anne" or one per line → names, civilité kept. */
export function splitNames(text: string): string[] {
  return text
    .split(/[;\n]/u)
    .map((n) => n.replace(/\s+/gu, ' ').trim())
    .filter((n) => n !== '' && !n.startsWith('#'));
}

/** `id;nom;délégués par membre[;voix par délégué[;membres]]` */
export function parseCollege(spec: string): CollegeAnswer {
  const parts = spec.split(';').map((p) => p.trim());
  const [id, nom, delegues, voix, membres] = parts;
  const integer = (text: string | undefined) => (text === undefined || text === '' ? undefined : Number(text));
  const college: CollegeAnswer = { id: id ?? '', nom: nom ?? '', delegues: integer(delegues) ?? NaN };
  const v = integer(voix);
  const m = integer(membres);
  if (v !== undefined) college.voix = v;
  if (m !== undefined) college.membres = m;
  const bad = [college.delegues, v, m].some((n) => n !== undefined && (!Number.isInteger(n) || n < 1));
  if (!ORGANISATION_ID.test(college.id) || college.nom === '' || bad) {
    throw new AuthoringError(
      `--college « ${spec} » : écrivez « id;nom;délégués par membre;voix par délégué;membres », par exemple ` +
        '« departement;Le Département de la Somme;6;6 » (id en minuscules et tirets ; nombres entiers positifs).',
    );
  }
  return college;
}

/** Fills what flags did not give: by asking (on a terminal) or with the CGCT defaults. */
export async function completeInit(values: InitValues, ask: Ask | undefined): Promise<Required<Omit<InitValues, 'president' | 'habitants' | 'sieges'>> & InitValues> {
  let forme = values.forme ? resolveForme(values.forme) : undefined;
  if (!forme) {
    if (!ask) throw new AuthoringError('--forme manque : commune, communaute ou syndicat (ou la forme exacte, par exemple « syndicat mixte »).');
    forme = resolveForme(
      await ask.select('Quelle est la forme de l’organisme ?', FORMES.map((f) => ({ value: f.forme, label: f.forme }))),
    );
  }
  let nom = values.nom?.trim();
  if (!nom) {
    if (!ask) throw new AuthoringError('--nom manque : le nom de l’organisme, par exemple --nom Saint-Exemple pour une commune.');
    nom = await ask.text(forme.kind === 'commune' ? 'Le nom de la commune (sans « Commune de ») ?' : 'Son nom, tel que le PV le cite ?', {
      placeholder: forme.kind === 'commune' ? 'Saint-Exemple' : 'Somme Numérique',
      required: true,
    });
  }
  let id = values.id ?? (ask ? await ask.text('Identifiant (nom du fichier organisations/<id>.yml) ?', { initial: fileSlug(nom) }) : fileSlug(nom));
  id = id.trim();
  if (!ORGANISATION_ID.test(id)) {
    throw new AuthoringError(`--id : « ${id} » n'est pas un identifiant : minuscules, chiffres et tirets, par exemple « saint-exemple ».`);
  }
  const instance = values.instance ?? (ask ? await ask.text('Instance des séances ?', { initial: forme.instance }) : forme.instance);
  let president = values.president;
  if (president === undefined && ask) {
    const answer = await ask.text(forme.kind === 'commune' ? 'Le maire (« NOM Prénom », vide : plus tard) ?' : 'Le président de l’organisme (« NOM Prénom », vide : plus tard) ?', { initial: '' });
    if (answer.trim() !== '') president = answer.trim();
  }
  let joursFrancs = values.joursFrancs;
  let habitants = values.habitants;
  if (joursFrancs === undefined) {
    if (forme.kind === 'commune') {
      if (habitants === undefined && ask) {
        habitants = (await ask.confirm('La commune a-t-elle 3 500 habitants ou plus ?', false)) ? 3500 : 1;
      }
      // L2121-11 (moins de 3 500 habitants) : 3 jours francs ; L2121-12 : 5.
      joursFrancs = habitants !== undefined && habitants >= 3500 ? 5 : 3;
    } else {
      joursFrancs = 5; // L5211-1 : les règles des communes de 3 500 habitants et plus.
    }
  }
  let sieges = values.sieges;
  if (sieges === undefined && ask) {
    const answer = await ask.text('Combien de sièges (membres en exercice) ? (vide : le nombre de membres de la liste)', { initial: '' });
    if (answer.trim() !== '') sieges = positive(answer, 'sièges');
  }
  let colleges = values.colleges;
  if (colleges === undefined && ask && forme.kind !== 'commune') {
    colleges = [];
    if (await ask.confirm('Les membres sont-ils répartis en collèges aux délégués ou voix différents ?', false)) {
      for (;;) {
        const collegeNom = await ask.text(`Collège ${colleges.length + 1} : son nom ? (vide : fin des collèges)`, { initial: '' });
        if (collegeNom.trim() === '') break;
        const delegues = positive(await ask.text('Délégués désignés par chaque membre ?', { initial: '1' }), 'délégués');
        const voix = positive(await ask.text('Voix de chaque délégué ?', { initial: '1' }), 'voix');
        const membres = positive(await ask.text('Nombre de membres du collège ?', { initial: '1' }), 'membres');
        colleges.push({ id: fileSlug(collegeNom).slice(0, 40), nom: collegeNom.trim(), delegues, voix, membres });
      }
    }
  }
  let membres = values.membres;
  if (membres === undefined && ask) {
    membres = splitNames(
      await ask.text('Les membres, « NOM Prénom » séparés par des points-virgules (vous pourrez compléter le fichier) ?', { initial: '' }),
    );
  }
  let quorum = values.quorum;
  if (quorum === undefined && ask) {
    quorum = await ask.select('Qui compte pour le quorum ?', [
      { value: 'presents' as const, label: 'les membres présents (CGCT, L2121-17)' },
      { value: 'presents-et-representes' as const, label: 'les membres présents ou représentés (selon vos statuts)' },
    ]);
  }
  let pouvoirs = values.pouvoirs;
  if (pouvoirs === undefined && ask) {
    pouvoirs = positive(await ask.text('Pouvoirs détenus au plus par un même membre ?', { initial: '1' }), 'pouvoirs');
  }
  return {
    ...values,
    dir: values.dir,
    nom,
    forme: forme.forme,
    id,
    instance: instance.trim() || forme.instance,
    joursFrancs,
    colleges: colleges ?? [],
    membres: membres ?? [],
    quorum: quorum ?? 'presents',
    seuil: values.seuil ?? '1/2',
    pouvoirs: pouvoirs ?? 1,
    minutier: values.minutier ?? `^${version()}`,
    force: values.force,
    ...(habitants !== undefined ? { habitants } : {}),
    ...(sieges !== undefined ? { sieges } : {}),
    ...(president !== undefined ? { president } : {}),
  };
}

export function positive(text: string, what: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 1) throw new AuthoringError(`${what} : « ${text} » n'est pas un nombre entier positif.`);
  return n;
}

const flow = (value: unknown) => YAML.stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
const scalar = (value: string | number) => YAML.stringify(value, { lineWidth: 0 }).trim();
/** A YAML line with its comment in the comment column. */
const noted = (line: string, comment: string) => `${line.padEnd(32)} # ${comment}`;

export function organisationYaml(v: Awaited<ReturnType<typeof completeInit>>): string {
  const forme = FORMES.find((f) => f.forme === v.forme)!;
  const lines = [
    `# ${v.nom} — l'organisme tel que minutier le lit (docs/format.md, « 1. L'organisme »).`,
    '# Les valeurs par défaut viennent du CGCT ; vos statuts et votre règlement intérieur priment : corrigez ici.',
    `nom: ${scalar(v.nom)}`,
    `forme: ${scalar(v.forme)}`,
    `instance: ${scalar(v.instance)}`,
  ];
  if (v.president) lines.push(noted(`president: ${scalar(displayName(v.president))}`, forme.kind === 'commune' ? 'le maire' : 'le président de l’organisme (ordonnateur)'));
  if (v.colleges.length > 0) {
    lines.push('colleges:');
    for (const c of v.colleges) {
      lines.push(`  - id: ${c.id}`, `    nom: ${scalar(c.nom)}`);
      if (c.membres !== undefined) lines.push(noted(`    membres: ${c.membres}`, 'membres du collège'));
      lines.push(noted(`    delegues: ${c.delegues}`, 'délégués désignés par chaque membre'));
      if (c.voix !== undefined) lines.push(noted(`    voix: ${c.voix}`, 'voix de chaque délégué'));
    }
  }
  if (v.sieges !== undefined) lines.push(`delegues-en-exercice: ${v.sieges}`);
  const days = v.joursFrancs === 3 ? 'moins de 3 500 habitants (L2121-11)' : v.joursFrancs === 5 ? '3 500 habitants et plus, EPCI (L2121-12)' : 'statuts';
  lines.push(
    'quorum:',
    noted('  base: membres', 'membres | voix'),
    noted(`  compte: ${v.quorum}`, v.quorum === 'presents' ? 'membres physiquement présents (L2121-17)' : 'présents ou représentés (statuts)'),
    noted(`  seuil: ${v.seuil}`, v.seuil === '1/2' ? 'plus de la moitié' : v.seuil === '1/3' ? 'plus du tiers' : 'fraction des membres'),
    `  source: ${v.quorum === 'presents' && v.seuil === '1/2' ? 'article L2121-17 du CGCT' : 'statuts'}`,
    'pouvoirs:',
    noted(`  maximum: ${v.pouvoirs}`, `pouvoirs détenus par un même membre${v.pouvoirs === 1 ? ' (L2121-20)' : ''}`),
    `  source: ${v.pouvoirs === 1 ? 'article L2121-20 du CGCT' : 'règlement intérieur'}`,
    'convocation:',
    noted(`  jours-francs: ${v.joursFrancs}`, days),
  );
  lines.push(`${forme.kind === 'commune' ? '# Les conseillers' : '# Les délégués'}, « NOM Prénom », une fois pour toutes les séances (collège et voix facultatifs :`);
  lines.push('# - { nom: DUPONT Jean, civilite: M., college: departement, voix: 2 }).');
  if (v.membres.length === 0) {
    lines.push('delegues: []');
  } else {
    lines.push('delegues:');
    for (const member of v.membres) {
      const civilite = civiliteOf(member);
      lines.push(`  - ${flow({ nom: displayName(member), ...(civilite ? { civilite } : {}) })}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function packageJson(v: Awaited<ReturnType<typeof completeInit>>): string {
  const pkg = {
    name: v.id,
    private: true,
    description: `Procès-verbaux — ${v.nom}`,
    scripts: {
      check: 'minutier check',
      build: 'minutier build',
      new: 'minutier new',
      preview: 'minutier preview',
    },
    dependencies: { minutier: v.minutier },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function readme(v: Awaited<ReturnType<typeof completeInit>>): string {
  return `# Procès-verbaux — ${v.nom}

Ce dépôt contient les procès-verbaux des séances (${v.instance.toLowerCase()}), écrits en Markdown et vérifiés par
[minutier](https://www.npmjs.com/package/minutier) avant d'être produits en HTML et en PDF.

## Une fois

\`\`\`sh
npm install            # installe minutier dans ce dépôt
\`\`\`

Les PDF demandent Chromium ou Chrome : sous Debian ou Ubuntu, \`sudo apt-get install -y chromium\`.

## Pour chaque séance

\`\`\`sh
npx minutier new --date AAAA-MM-JJ --ordre-du-jour ordre-du-jour.txt   # prépare sessions/AAAA-MM-JJ-….md
npx minutier preview                      # ouvre l'aperçu : le PV se met à jour à chaque enregistrement
npx minutier check                        # vérifie toutes les séances
npx minutier build                        # produit output/ : PV, liste des délibérations, extraits (HTML et PDF)
\`\`\`

\`new\` reprend la liste des membres (à répartir entre présents, excusés et absents), le président et le secrétaire
de la séance précédente, propose la date de convocation (${v.joursFrancs} jours francs) et met l'approbation du
procès-verbal précédent en point 1. L'ordre du jour (\`--ordre-du-jour\`) est un fichier texte, un titre par ligne.

Dans l'aperçu, chaque constat de la vérification est surligné à sa place ; le bouton « PDF » produit le document.

## Les fichiers

| fichier | contenu |
|---|---|
| \`organisations/${v.id}.yml\` | l'organisme : forme, instance, membres, quorum, pouvoirs, délai de convocation |
| \`sessions/\` | une séance par fichier, \`AAAA-MM-JJ-instance.md\` |
| \`output/\` | les documents produits (non versionnés) |
| \`.github/workflows/minutes.yml\` | vérifie chaque pull request et publie les documents sur GitHub Pages |

Le format d'une séance est décrit dans la documentation de minutier : \`node_modules/minutier/docs/format.md\`.
`;
}

/** Writes the repository; refuses (before writing anything) when a file exists and --force is not given. */
export async function writeRepository(v: Awaited<ReturnType<typeof completeInit>>): Promise<InitResult> {
  const dir = path.resolve(v.dir);
  const files: Array<[string, string]> = [
    ['package.json', packageJson(v)],
    [path.join('organisations', `${v.id}.yml`), organisationYaml(v)],
    [path.join('sessions', '.gitkeep'), ''],
    [path.join('.github', 'workflows', 'minutes.yml'), await readFile(path.join(packageRoot, '.github', 'workflows', 'minutes.yml'), 'utf8')],
    ['.gitignore', 'node_modules/\noutput/\n'],
    ['README.md', readme(v)],
  ];
  const existing = files.map(([relative]) => relative).filter((relative) => existsSync(path.join(dir, relative)));
  if (existing.length > 0 && !v.force) {
    throw new AuthoringError(
      `${existing.length > 1 ? 'Ces fichiers existent déjà' : 'Ce fichier existe déjà'} dans ${dir} : ${existing.join(', ')}. ` +
        'Rien n’a été écrit ; relancez avec --force pour les remplacer.',
    );
  }
  for (const [relative, content] of files) {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return { dir, id: v.id, written: files.map(([relative]) => relative) };
}
