/**
 * The shapes of the frontmatter and of an organisation, in zod 4, with French keys (docs/format.md) and French
 * messages. Values stay close to YAML here (numbers are `number | string`, read again from the source text later).
 */
import { z } from 'zod';
import { siretProblem } from '../model/siret.js';
import { delibIdPatternProblem } from '../model/delib-id.js';

const NUMBER_HINT = 'doit être un nombre, par exemple « 2 » ou « "2,5" » (virgule décimale entre guillemets)';

/** A number as YAML gives it; the exact value is read again from the source text of the scalar. */
export const yamlNumber = z.union([z.number(), z.string()], { error: NUMBER_HINT });

const name = z
  .string({ error: 'doit être un nom, par exemple « DUPONT Jean »' })
  .trim()
  .min(1, 'ne peut pas être vide');
const text = z.string({ error: 'doit être un texte' }).trim().min(1, 'ne peut pas être vide');

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDate = z
  .string({ error: 'doit être une date écrite AAAA-MM-JJ, par exemple « 2022-06-28 »' })
  .trim()
  .superRefine((value, context) => {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) {
      context.addIssue({
        code: 'custom',
        message: `la date « ${value} » doit s'écrire AAAA-MM-JJ, par exemple « 2022-06-28 »`,
      });
    } else if (!isRealDate(value)) {
      context.addIssue({
        code: 'custom',
        message: `la date « ${value} » n'existe pas dans le calendrier : vérifiez le jour et le mois`,
      });
    }
  });

export const HOUR = /^(\d{1,2})\s*h\s*(\d{2})?$/u;

/** Minutes since midnight of "17h30", "9h", or undefined when it is not a valid hour. */
export function parseHour(value: string): number | undefined {
  const match = HOUR.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

const hour = z
  .union([z.string(), z.number()], { error: 'doit être une heure écrite comme « 17h30 »' })
  .transform((value) => String(value).trim())
  .superRefine((value, context) => {
    if (parseHour(value) === undefined) {
      context.addIssue({
        code: 'custom',
        message: HOUR.test(value)
          ? `l'heure « ${value} » n'existe pas : les heures vont de 0h00 à 23h59`
          : `l'heure « ${value} » doit s'écrire comme « 17h30 » (heures, « h », minutes)`,
      });
    }
  });

const names = z.union([name, z.array(name)], { error: 'doit être un nom ou une liste de noms' });

const attendanceRow = z.strictObject({
  nom: name,
  pouvoir: names.optional(),
  voix: yamlNumber.optional(),
  'suppleant-de': name.optional(),
});

const attendanceRows = z.array(attendanceRow, { error: 'doit être une liste de présents (« - { nom: …, voix: … } »)' });

const movement = z
  .strictObject({
    arrivee: name.optional(),
    depart: name.optional(),
    retrait: name.optional(),
    avant: yamlNumber.optional(),
    point: yamlNumber.optional(),
    'pouvoir-a': name.optional(),
  })
  .superRefine((value, context) => {
    const kinds = (['arrivee', 'depart', 'retrait'] as const).filter((kind) => value[kind] !== undefined);
    if (kinds.length !== 1) {
      context.addIssue({
        code: 'custom',
        message:
          kinds.length === 0
            ? 'un mouvement doit dire qui arrive, part ou se retire : « arrivee: NOM », « depart: NOM » ou « retrait: NOM »'
            : `un mouvement ne peut avoir qu'une seule de ces clés : ${kinds.join(', ')} (écrivez deux mouvements)`,
      });
      return;
    }
    const kind = kinds[0]!;
    if (kind === 'retrait' && value.point === undefined) {
      context.addIssue({ code: 'custom', message: 'un retrait doit dire le point concerné : « point: 2 »' });
    }
    if (kind !== 'retrait' && value.avant === undefined) {
      context.addIssue({
        code: 'custom',
        message: `${kind === 'arrivee' ? 'une arrivée' : 'un départ'} doit dire avant quel point : « avant: 3 »`,
      });
    }
    if (kind !== 'depart' && value['pouvoir-a'] !== undefined) {
      context.addIssue({
        code: 'custom',
        message: 'seul un départ peut donner pouvoir (« pouvoir-a »)',
        path: ['pouvoir-a'],
      });
    }
  });

export const RULE_SETTINGS = ['off', 'warn', 'error', 'info'] as const;

const ruleSetting = z.enum(RULE_SETTINGS, {
  error: 'doit valoir off, warn, error ou info',
});

const fraction = z.string({ error: 'doit être une fraction écrite « 1/2 » ou « 1/3 »' });

/** A legal regime: its quorum, its proxy rule, and its legal basis (docs/format.md, « Régimes datés »). */
const regimeRule = {
  quorum: z
    .strictObject({
      seuil: fraction.optional(),
      compte: z
        .enum(['presents', 'presents-et-representes'], {
          error: 'doit valoir « presents » ou « presents-et-representes »',
        })
        .optional(),
    })
    .optional(),
  pouvoirs: z.strictObject({ maximum: yamlNumber }).optional(),
  source: text,
};

export const organisationShape = z.strictObject({
  nom: text,
  forme: text.optional(),
  instance: text.optional(),
  president: name.optional(),
  'composition-source': text.optional(),
  colleges: z
    .array(
      z.strictObject({
        id: z
          .string({ error: 'doit être un identifiant, par exemple « departement »' })
          .regex(
            /^[a-z0-9][a-z0-9-]*$/u,
            'un identifiant de collège ne contient que des minuscules, chiffres et tirets',
          ),
        nom: text,
        membres: yamlNumber.optional(),
        delegues: yamlNumber,
        voix: yamlNumber.optional(),
      }),
      { error: 'doit être une liste de collèges' },
    )
    .optional(),
  'total-voix': yamlNumber.optional(),
  'delegues-en-exercice': yamlNumber.optional(),
  suppleants: z.boolean({ error: 'doit valoir true ou false' }).optional(),
  quorum: z
    .strictObject({
      base: z.enum(['membres', 'voix'], { error: 'doit valoir « membres » ou « voix »' }).optional(),
      compte: z
        .enum(['presents', 'presents-et-representes'], {
          error: 'doit valoir « presents » ou « presents-et-representes »',
        })
        .optional(),
      seuil: z.string({ error: 'doit être une fraction écrite « 1/2 » ou « 1/3 »' }).optional(),
      texte: text.optional(),
      source: text.optional(),
    })
    .optional(),
  pouvoirs: z
    .strictObject({
      maximum: yamlNumber.optional(),
      source: text.optional(),
    })
    .optional(),
  convocation: z.strictObject({ 'jours-francs': yamlNumber.optional() }).optional(),
  regimes: z
    .array(z.strictObject({ du: isoDate, au: isoDate, ...regimeRule }), {
      error:
        'doit être une liste de régimes (« - { du: 2020-03-24, au: 2020-08-30, quorum: …, pouvoirs: …, source: … } »)',
    })
    .optional(),
  delegues: z
    .array(
      z.strictObject({
        nom: name,
        civilite: z.enum(['M.', 'Mme'], { error: 'doit valoir « M. » ou « Mme »' }).optional(),
        college: z.string({ error: "doit être l'identifiant d'un collège" }).optional(),
        voix: yamlNumber.optional(),
      }),
      { error: 'doit être une liste de délégués (« - { nom: …, voix: … } »)' },
    )
    .optional(),
  templates: text.optional(),
  // Open-data publication (docs/publication.md).
  siret: z
    .union([z.string(), z.number()], {
      error: 'doit être un numéro SIRET de 14 chiffres, par exemple « "21860194600013" »',
    })
    .transform((value) => String(value).trim())
    .superRefine((value, context) => {
      const problem = siretProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  'publication-url': z
    .url({
      protocol: /^https?$/u,
      error: 'doit être une adresse web complète, par exemple « https://www.exemple.fr/deliberations/ »',
    })
    .optional(),
  'delib-id': text
    .superRefine((value, context) => {
      const problem = delibIdPatternProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  matieres: z
    .record(
      z.string().regex(/^[1-9](\.\d{1,2}){0,4}$/u, 'une clé de « matieres » est un code ACTES, par exemple « 7.1 »'),
      text,
      {
        error: 'doit associer des codes ACTES à leurs noms, par exemple « "7.1": Décisions budgétaires »',
      },
    )
    .optional(),
});

export type OrganisationData = z.infer<typeof organisationShape>;

export const sessionShape = z.strictObject({
  organisation: z.union([z.string().trim().min(1), z.record(z.string(), z.unknown())], {
    error: "doit être l'identifiant d'un organisme (« somme-numerique ») ou ses clés (nom, colleges…)",
  }),
  instance: text.optional(),
  numero: yamlNumber.optional(),
  date: isoDate,
  heure: hour.optional(),
  lieu: text.optional(),
  modalite: z
    .enum(['presentiel', 'teleconference', 'mixte'], { error: 'doit valoir presentiel, teleconference ou mixte' })
    .optional(),
  'base-legale-teleconference': text.optional(),
  convocation: isoDate.optional(),
  president: name.optional(),
  'delegation-presidence': text.optional(),
  secretaires: names.optional(),
  'approbation-pv': isoDate.optional(),
  regime: z
    .union([z.literal('ordinaire'), z.strictObject(regimeRule)], {
      error: 'doit valoir « ordinaire » ou décrire le régime (« quorum », « pouvoirs », « source »)',
    })
    .optional(),
  ordonnateur: name.optional(),
  presents: attendanceRows.optional(),
  'presents-teleconference': attendanceRows.optional(),
  excuses: z.array(name, { error: 'doit être une liste de noms' }).optional(),
  absents: z.array(name, { error: 'doit être une liste de noms' }).optional(),
  mouvements: z.array(movement, { error: 'doit être une liste de mouvements' }).optional(),
  annonce: z
    .strictObject({
      presents: yamlNumber.optional(),
      representes: yamlNumber.optional(),
      voix: yamlNumber.optional(),
      'en-exercice': yamlNumber.optional(),
      absents: yamlNumber.optional(),
      votants: yamlNumber.optional(),
      'suffrages-exprimes': yamlNumber.optional(),
      'majorite-absolue': yamlNumber.optional(),
      'quorum-atteint': z.boolean({ error: 'doit valoir true ou false' }).optional(),
    })
    .optional(),
  minutier: z
    .strictObject({
      regles: z
        .record(z.string(), ruleSetting, { error: 'doit associer des règles à off, warn, error ou info' })
        .optional(),
    })
    .optional(),
});

export type SessionData = z.infer<typeof sessionShape>;

/** Hints added to "missing field" messages. */
export const REQUIRED_HINTS: Record<string, string> = {
  organisation: "l'identifiant de l'organisme, par exemple « organisation: somme-numerique »",
  date: 'la date de la séance, par exemple « date: 2022-06-28 »',
  heure: "l'heure d'ouverture, par exemple « heure: 17h30 »",
  lieu: 'le lieu de la séance, par exemple « lieu: à la mairie »',
  president: 'le président de séance, par exemple « president: M. DUPONT Jean »',
  nom: 'le nom, par exemple « nom: Somme Numérique »',
  delegues: 'le nombre de délégués désignés par chaque membre, par exemple « delegues: 2 »',
  id: "l'identifiant du collège, par exemple « id: departement »",
};

/** The object schema reached by a path (for the list of known keys), unwrapping optionals, arrays and unions. */
export function objectKeysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] | undefined {
  let current: unknown = schema;
  const unwrap = (value: unknown): unknown => {
    let node = value as { def?: Record<string, unknown>; shape?: unknown } | undefined;
    for (let guard = 0; guard < 20 && node?.def; guard++) {
      const def = node.def as {
        type?: string;
        innerType?: unknown;
        in?: unknown;
        options?: unknown[];
        schema?: unknown;
      };
      if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')
        node = def.innerType as typeof node;
      else if (def.type === 'pipe') node = def.in as typeof node;
      else if (def.type === 'union') {
        const object = (def.options ?? []).map(unwrap).find((option) => (option as { shape?: unknown }).shape);
        node = (object ?? def.options?.[0]) as typeof node;
        if (!object) break;
      } else break;
    }
    return node;
  };
  for (const key of path) {
    const node = unwrap(current) as { shape?: Record<string, unknown>; def?: { type?: string; element?: unknown } };
    if (typeof key === 'number' && node?.def?.type === 'array') current = node.def.element;
    else if (node?.shape && typeof key === 'string') current = node.shape[key];
    else return undefined;
  }
  const node = unwrap(current) as { shape?: Record<string, unknown> };
  return node?.shape ? Object.keys(node.shape) : undefined;
}
