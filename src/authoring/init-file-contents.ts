/** The text of the files `minutier init` writes: the organisation file, package.json and the README. */
import YAML from 'yaml';
import { civiliteOf, displayName } from '../model/names.js';
import { FORMES, type InitAnswers } from './init-answers.js';

const flow = (value: unknown) => YAML.stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
const scalar = (value: string | number) => YAML.stringify(value, { lineWidth: 0 }).trim();
/** A YAML line with its comment in the comment column. */
const noted = (line: string, comment: string) => `${line.padEnd(32)} # ${comment}`;

export function organisationYaml(v: InitAnswers): string {
  const forme = FORMES.find((f) => f.forme === v.forme)!;
  const lines = [
    `# ${v.nom} — l'organisme tel que minutier le lit (docs/format.md, « 1. L'organisme »).`,
    '# Les valeurs par défaut viennent du CGCT ; vos statuts et votre règlement intérieur priment : corrigez ici.',
    `nom: ${scalar(v.nom)}`,
    `forme: ${scalar(v.forme)}`,
    `instance: ${scalar(v.instance)}`,
  ];
  if (v.president)
    lines.push(
      noted(
        `president: ${scalar(displayName(v.president))}`,
        forme.kind === 'commune' ? 'le maire' : 'le président de l’organisme (ordonnateur)',
      ),
    );
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
  const days =
    v.joursFrancs === 3
      ? 'moins de 3 500 habitants (L2121-11)'
      : v.joursFrancs === 5
        ? '3 500 habitants et plus, EPCI (L2121-12)'
        : 'statuts';
  lines.push(
    'quorum:',
    noted('  base: membres', 'membres | voix'),
    noted(
      `  compte: ${v.quorum}`,
      v.quorum === 'presents' ? 'membres physiquement présents (L2121-17)' : 'présents ou représentés (statuts)',
    ),
    noted(
      `  seuil: ${v.seuil}`,
      v.seuil === '1/2' ? 'plus de la moitié' : v.seuil === '1/3' ? 'plus du tiers' : 'fraction des membres',
    ),
    `  source: ${v.quorum === 'presents' && v.seuil === '1/2' ? 'article L2121-17 du CGCT' : 'statuts'}`,
    'pouvoirs:',
    noted(`  maximum: ${v.pouvoirs}`, `pouvoirs détenus par un même membre${v.pouvoirs === 1 ? ' (L2121-20)' : ''}`),
    `  source: ${v.pouvoirs === 1 ? 'article L2121-20 du CGCT' : 'règlement intérieur'}`,
    'convocation:',
    noted(`  jours-francs: ${v.joursFrancs}`, days),
  );
  lines.push(
    `${forme.kind === 'commune' ? '# Les conseillers' : '# Les délégués'}, « NOM Prénom », une fois pour toutes les séances (collège et voix facultatifs :`,
  );
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

export function packageJson(v: InitAnswers): string {
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

export function readme(v: InitAnswers): string {
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
