/**
 * The authors' commands: `minutier init`, `minutier new`, `minutier preview`, each with its own options and help.
 * src/cli/main.ts hands them the arguments that follow the command's name.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AuthoringError, terminalQuestions } from './shared.js';

export const AUTHORING_COMMANDS = ['init', 'new', 'preview'] as const;
export type AuthoringCommand = (typeof AUTHORING_COMMANDS)[number];

export const initHelp = `minutier init [dossier] — crée le dépôt des procès-verbaux d'un organisme

Écrit dans le dossier (par défaut : le dossier courant) : package.json (dépend de minutier, scripts check, build,
new, preview), organisations/<id>.yml, sessions/, .github/workflows/minutes.yml, .gitignore (output/) et un
README pour le secrétariat. Sur un terminal, pose les questions auxquelles les options n'ont pas répondu.
N'écrase jamais un fichier existant sans --force.

Options :
  --forme <forme>          commune, communaute, syndicat, ou la forme exacte (« syndicat mixte »,
                           « communauté d'agglomération »…)
  --nom <nom>              le nom de l'organisme tel que le PV le cite : « Saint-Exemple » pour une commune
                           (« de la commune de Saint-Exemple »), « Somme Numérique » pour un syndicat
  --id <id>                le nom du fichier organisations/<id>.yml (défaut : tiré du nom)
  --instance <instance>    l'instance des séances (défaut : Conseil municipal, Conseil communautaire, Comité syndical)
  --president <nom>        le maire ou le président de l'organisme
  --habitants <n>          population d'une commune (3 jours francs de convocation sous 3 500, 5 au-delà)
  --sieges <n>             membres en exercice (défaut : la taille de la liste des membres)
  --membre <nom>           un membre « NOM Prénom » (répétable) ; --membres <fichier> : un par ligne
  --college <spéc>         « id;nom;délégués par membre;voix par délégué;membres » (répétable)
  --quorum <compte>        presents (CGCT L2121-17, défaut) ou presents-et-representes
  --quorum-seuil <f>       1/2 (défaut) ou 1/3
  --pouvoirs <n>           pouvoirs détenus au plus par un membre (défaut : 1, L2121-20)
  --jours-francs <n>       délai de convocation (défaut : 3 ou 5 selon la forme et la population)
  --minutier <version>     la dépendance écrite dans package.json (défaut : la version de ce minutier)
  --yes                    ne pose aucune question (les valeurs par défaut du CGCT)
  --force                  remplace les fichiers existants

Exemples :
  npx minutier init mes-pv
  npx minutier init --forme commune --nom Saint-Exemple --habitants 1200 \\
      --membre "M. DUPONT Jean" --membre "Mme MARTIN Anne" --yes
  npx minutier init --forme syndicat --nom "Syndicat des eaux" --quorum presents-et-representes \\
      --college "communes;Les communes;1;1;12" --membres membres.txt --yes
`;

export const newHelp = `minutier new — prépare le fichier de la prochaine séance

Écrit sessions/<date>-<instance>.md : la liste des membres de l'organisme comme présents (à répartir entre
présents, excusés et absents), l'heure, le lieu, le président et les secrétaires de la séance précédente, la date
de convocation au plus tard (délai légal en jours francs, à corriger), l'approbation du procès-verbal précédent en
point 1 et les points de l'ordre du jour, numérotés et vides. Le fichier se vérifie sans erreur de lecture :
minutier check dit ce qui reste à compléter.

Options :
  --date <AAAA-MM-JJ>      la date de la séance (défaut : aujourd'hui, ou la question sur un terminal)
  --from <séance>          la séance précédente (défaut : la dernière de sessions/ avant cette date)
  --ordre-du-jour <fichier>  un titre de point par ligne
  --organisation <id>      quand organisations/ en contient plusieurs
  --heure <17h30>, --lieu <texte>, --president <nom>   quand aucune séance précédente ne les donne
  --yes                    ne pose aucune question
  --force                  remplace un fichier existant

Exemples :
  npx minutier new --date 2026-12-10
  npx minutier new --date 2026-12-10 --ordre-du-jour ordre-du-jour.txt
  npx minutier new --date 2027-01-20 --from sessions/2026-12-10-conseil-municipal.md --heure 18h30 --lieu "à la mairie"
`;

export const previewHelp = `minutier preview [séance] — l'aperçu du procès-verbal pendant la rédaction

Ouvre un serveur local (127.0.0.1 seulement) qui montre le PV avec les constats de la vérification surlignés à
leur place ; la page se met à jour à chaque enregistrement de la séance ou de l'organisme. Une erreur de YAML en
cours de frappe s'affiche dans la page. Le bouton « PDF » (ou l'adresse /pdf) produit le PDF avec le navigateur
déjà lancé. Ctrl+C arrête le serveur.

Options :
  --port <n>               le port (défaut : un port libre au hasard)

Exemples :
  npx minutier preview                                  la dernière séance de sessions/
  npx minutier preview sessions/2026-12-10-conseil-municipal.md --port 4321
`;

const HELP: Record<AuthoringCommand, string> = { init: initHelp, new: newHelp, preview: previewHelp };

const OPTIONS = {
  init: {
    forme: { type: 'string' },
    nom: { type: 'string' },
    id: { type: 'string' },
    instance: { type: 'string' },
    president: { type: 'string' },
    habitants: { type: 'string' },
    sieges: { type: 'string' },
    membre: { type: 'string', multiple: true },
    membres: { type: 'string' },
    college: { type: 'string', multiple: true },
    quorum: { type: 'string' },
    'quorum-seuil': { type: 'string' },
    pouvoirs: { type: 'string' },
    'jours-francs': { type: 'string' },
    minutier: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  new: {
    date: { type: 'string' },
    from: { type: 'string' },
    'ordre-du-jour': { type: 'string' },
    organisation: { type: 'string' },
    heure: { type: 'string' },
    lieu: { type: 'string' },
    president: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  preview: {
    port: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
} as const;

function parse<C extends AuthoringCommand>(command: C, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const option = /'(-[^']+)'/.exec(text)?.[1];
    throw new AuthoringError(option ? `Option inconnue ou incomplète : ${option}` : `Arguments incorrects : ${text}`);
  }
}

function count(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new AuthoringError(`${option} attend un nombre entier positif (« ${text} »).`);
  return n;
}

async function init(argv: string[]): Promise<number> {
  const { values, positionals } = parse('init', argv);
  if (values.help) return help('init');
  if (positionals.length > 1) throw new AuthoringError('minutier init prend au plus un dossier.');
  const { completeInit, parseCollege, splitNames, writeRepository } = await import('./init.js');
  const { readFile } = await import('node:fs/promises');
  let membres = values.membre?.map((m) => m.trim()).filter(Boolean);
  if (values.membres) {
    let text: string;
    try {
      text = await readFile(values.membres, 'utf8');
    } catch {
      throw new AuthoringError(
        `--membres : ${values.membres} illisible ou introuvable (un fichier texte, un membre par ligne).`,
      );
    }
    membres = [...(membres ?? []), ...splitNames(text)];
  }
  const quorum = values.quorum;
  if (quorum !== undefined && quorum !== 'presents' && quorum !== 'presents-et-representes') {
    throw new AuthoringError(`--quorum : « ${quorum} » ; écrivez presents ou presents-et-representes.`);
  }
  const seuil = values['quorum-seuil'];
  if (seuil !== undefined && !/^\d+\/\d+$/u.test(seuil))
    throw new AuthoringError(`--quorum-seuil : « ${seuil} » ; écrivez une fraction, 1/2 ou 1/3.`);
  const ask = await terminalQuestions(values.yes ?? false);
  const answers = await completeInit(
    {
      dir: positionals[0] ?? '.',
      force: values.force ?? false,
      ...(values.forme !== undefined ? { forme: values.forme } : {}),
      ...(values.nom !== undefined ? { nom: values.nom } : {}),
      ...(values.id !== undefined ? { id: values.id } : {}),
      ...(values.instance !== undefined ? { instance: values.instance } : {}),
      ...(values.president !== undefined ? { president: values.president } : {}),
      ...(values.habitants !== undefined ? { habitants: count(values.habitants, '--habitants')! } : {}),
      ...(values.sieges !== undefined ? { sieges: count(values.sieges, '--sieges')! } : {}),
      ...(values.college ? { colleges: values.college.map(parseCollege) } : {}),
      ...(membres ? { membres } : {}),
      ...(quorum ? { quorum } : {}),
      ...(seuil ? { seuil } : {}),
      ...(values.pouvoirs !== undefined ? { pouvoirs: count(values.pouvoirs, '--pouvoirs')! } : {}),
      ...(values['jours-francs'] !== undefined
        ? { joursFrancs: count(values['jours-francs'], '--jours-francs')! }
        : {}),
      ...(values.minutier !== undefined ? { minutier: values.minutier } : {}),
    },
    ask,
  );
  const result = await writeRepository(answers);
  const where = path.relative(process.cwd(), result.dir) || '.';
  process.stdout.write(
    `✓ Dépôt des procès-verbaux créé dans ${where}/ : ${result.written.join(', ')}.\n` +
      `Ensuite :\n${where === '.' ? '' : `  cd ${where}\n`}  npm install\n  npx minutier new --date AAAA-MM-JJ\n  npx minutier preview\n`,
  );
  return 0;
}

async function newCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('new', argv);
  if (values.help) return help('new');
  if (positionals.length > 0)
    throw new AuthoringError(
      `minutier new ne prend pas d'argument (« ${positionals[0]} ») : --date, --from, --ordre-du-jour.`,
    );
  const { newSession } = await import('./new-session.js');
  const ask = await terminalQuestions(values.yes ?? false);
  const result = await newSession(
    {
      cwd: process.cwd(),
      force: values.force ?? false,
      ...(values.date !== undefined ? { date: values.date } : {}),
      ...(values.from !== undefined ? { from: values.from } : {}),
      ...(values['ordre-du-jour'] !== undefined ? { ordreDuJour: values['ordre-du-jour'] } : {}),
      ...(values.organisation !== undefined ? { organisation: values.organisation } : {}),
      ...(values.heure !== undefined ? { heure: values.heure } : {}),
      ...(values.lieu !== undefined ? { lieu: values.lieu } : {}),
      ...(values.president !== undefined ? { president: values.president } : {}),
    },
    ask,
  );
  process.stdout.write(
    `✓ ${result.relative} préparée. Complétez-la avec l'aperçu ouvert : npx minutier preview ${result.relative}\n`,
  );
  return 0;
}

async function preview(argv: string[]): Promise<number> {
  const { values, positionals } = parse('preview', argv);
  if (values.help) return help('preview');
  if (positionals.length > 1) throw new AuthoringError('minutier preview prend au plus une séance.');
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new AuthoringError(`--port : « ${values.port} » n'est pas un port (1 à 65535).`);
  }
  const { runPreview } = await import('./preview/server.js');
  return await runPreview({ cwd: process.cwd(), port, ...(positionals[0] ? { session: positionals[0] } : {}) });
}

function help(command: AuthoringCommand): number {
  process.stdout.write(HELP[command]);
  return 0;
}

/** Runs an authoring command; resolves to its exit code, never throws. */
export async function authoringCommand(command: AuthoringCommand, argv: string[]): Promise<number> {
  try {
    if (command === 'init') return await init(argv);
    if (command === 'new') return await newCommand(argv);
    return await preview(argv);
  } catch (error) {
    if (error instanceof AuthoringError) {
      process.stderr.write(`minutier ${command} : ${error.message}\n`);
      if (/^(Option inconnue|Arguments incorrects)/u.test(error.message)) process.stderr.write(`\n${HELP[command]}`);
      return 2;
    }
    const text = error instanceof Error ? error.message : String(error);
    process.stderr.write(`minutier ${command} : incident interne : ${text}\n`);
    if (process.env.MINUTIER_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}
