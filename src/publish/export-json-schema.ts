/**
 * The shape of `minutier export --format json` (zod), and the JSON Schema published from it as
 * docs/schema/session.schema.json.
 */
import { z } from 'zod';
import { SCDL_COLUMNS } from './scdl.js';

export const EXPORT_FORMAT_VERSION = 1;
export const SESSION_SCHEMA_ID = 'https://github.com/minutier/minutier/blob/main/docs/schema/session.schema.json';

const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/u)
  .describe('Nombre exact tel que le PV l’écrit, en notation décimale (« 564614.75 »)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

export const finding = z
  .object({
    regle: z
      .string()
      .nullable()
      .describe('Identifiant de la règle (docs/rules/<regle>.md), ou du contrôle de lecture (parse-*)'),
    severite: z.enum(['erreur', 'avertissement', 'info']),
    message: z.string(),
    fichier: z.string().describe('Fichier où se trouve la valeur en cause'),
    ligne: z.number().int().nullable(),
    colonne: z.number().int().nullable(),
    finLigne: z.number().int().nullable(),
    finColonne: z.number().int().nullable(),
    attendu: z.string().optional(),
    ecrit: z.string().optional(),
    note: z.string().optional(),
  })
  .describe('Un constat du contrôle, à sa place');

const attendanceAtItem = z
  .object({
    presents: z.number().int().describe('Membres présents qui votent à ce point'),
    representes: z.number().int().describe('Pouvoirs exercés à ce point'),
    votants: z.number().int().describe('Présents + représentés'),
    voix: z.number().int().describe('Voix des votants (pondérées quand l’organisme pondère les voix), au moins'),
    voixExactes: z
      .boolean()
      .describe('Faux quand la liste des délégués ne donne pas toutes les voix : « voix » est alors un minimum'),
    unite: z.enum(['voix', 'membres']),
    votent: z.array(z.object({ nom: z.string(), pouvoirs: z.array(z.string()) })),
    retraits: z.array(z.string()).describe('Membres qui se retirent pour ce point'),
    exclus: z.array(z.string()).describe('Ce qui n’est pas compté (ordonnateur et pouvoirs au compte administratif)'),
  })
  .describe('Qui siège et vote à ce point, mouvements appliqués');

const vote = z.object({
  texte: z.string(),
  resultat: z.enum(['adoptee', 'rejetee']),
  unanimite: z.boolean(),
  scrutin: z.enum(['ordinaire', 'public', 'secret']),
  majorite: z.enum(['absolue', 'relative', 'deux-tiers']).optional(),
  pour: decimal.optional(),
  contre: decimal.optional(),
  abstentions: decimal.optional(),
  nePrennentPasPart: decimal.optional(),
  blancs: decimal.optional(),
  ligne: z.number().int(),
});

const scdlRow = z
  .object(
    Object.fromEntries(SCDL_COLUMNS.map((column) => [column, z.string()])) as Record<
      (typeof SCDL_COLUMNS)[number],
      z.ZodString
    >,
  )
  .describe(
    'La ligne SCDL « Délibérations » 2.1.5 de la délibération (docs/publication.md) ; "" quand la valeur manque',
  );

const deliberation = z.object({
  numero: z.number().int(),
  titre: z.string(),
  type: z.enum(['ordinaire', 'compte-administratif']),
  ligne: z.number().int(),
  matiere: z
    .object({ code: z.string(), nom: z.string().optional() })
    .optional()
    .describe('Matière ACTES écrite par l’auteur ; « nom » quand elle est dans la nomenclature'),
  presence: attendanceAtItem,
  vote: vote.optional(),
  donneesOuvertes: scdlRow,
});

const person = z.object({
  nom: z.string(),
  delegue: z.string().optional().describe('Le délégué de la liste, quand le nom y est trouvé'),
});

export const sessionExport = z
  .object({
    format: z.literal('minutier-seance'),
    version: z.literal(EXPORT_FORMAT_VERSION),
    fichier: z.string(),
    id: z.string(),
    organisme: z.object({
      id: z.string(),
      nom: z.string(),
      forme: z.string().optional(),
      siret: z.string().optional(),
      enExercice: z.number().int().optional(),
    }),
    instance: z.string(),
    numero: z.number().int().optional(),
    date: isoDate,
    heure: z.string().optional(),
    lieu: z.string().optional(),
    modalite: z.enum(['presentiel', 'teleconference', 'mixte']),
    convocation: isoDate.optional(),
    president: person.optional(),
    secretaires: z.array(person),
    presences: z.object({
      presents: z.array(
        z.object({
          nom: z.string(),
          mode: z.enum(['salle', 'teleconference']),
          pouvoirs: z.array(z.string()),
          voix: decimal.optional(),
          suppleantDe: z.string().optional(),
        }),
      ),
      excuses: z.array(z.string()),
      absents: z.array(z.string()),
      mouvements: z.array(
        z.object({
          type: z.enum(['arrivee', 'depart', 'retrait']),
          nom: z.string(),
          point: z.number().int(),
          pouvoirA: z.string().optional(),
        }),
      ),
    }),
    annonce: z.object({
      presents: decimal.optional(),
      representes: decimal.optional(),
      voix: decimal.optional(),
      enExercice: decimal.optional(),
      quorumAtteint: z.boolean().optional(),
    }),
    ouverture: attendanceAtItem,
    deliberations: z.array(deliberation),
    levee: z.string().optional(),
    constats: z.array(finding),
  })
  .describe('Une séance lue et contrôlée par minutier');

export const unreadableExport = z
  .object({
    format: z.literal('minutier-seance'),
    version: z.literal(EXPORT_FORMAT_VERSION),
    fichier: z.string(),
    illisible: z.literal(true),
    constats: z.array(finding),
  })
  .describe('Un fichier que minutier n’a pas pu lire comme une séance : ses constats disent pourquoi');

export const exportSchema = z
  .array(z.union([sessionExport, unreadableExport]))
  .describe('Les séances exportées par « minutier export --format json »');

export type SessionExport = z.infer<typeof sessionExport>;
export type ExportEntry = SessionExport | z.infer<typeof unreadableExport>;

/** The published JSON Schema of the export. */
export function sessionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(exportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema: schema.$schema, $id: SESSION_SCHEMA_ID, title: 'minutier — séances exportées', ...schema };
}

export type ExportFinding = z.infer<typeof finding>;
