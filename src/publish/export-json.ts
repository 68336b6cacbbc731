/**
 * `minutier export --format json`: the checked session model as JSON, for a council's website or a data portal that
 * should not parse Markdown — who sat and voted at each item (attendance, proxies, withdrawals), the votes, the
 * figures, the SCDL row of each deliberation and every finding. Its shape is the zod schema below; its JSON Schema
 * (`z.toJSONSchema`) is published as docs/schema/session.schema.json and kept true by test/publish/export-json.test.ts
 * (`npm run schema` writes it again). Numbers the PV writes are exact decimals, given as strings ("564614.75").
 */
import { z } from 'zod';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { attendanceAt, membersInOffice, nameOf, votersAt } from '../model/attendance.js';
import type { FrenchNumber, PersonRef, Session } from '../model/types.js';
import { lookupMatiere, scdlMatiereName, level2Code } from '../model/actes-nomenclature.js';
import { publicationFacts } from '../parse/matiere.js';
import { SCDL_COLUMNS, scdlRows } from './scdl.js';

export const EXPORT_FORMAT_VERSION = 1;
export const SESSION_SCHEMA_ID = 'https://github.com/minutier/minutier/blob/main/docs/schema/session.schema.json';

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/u).describe('Nombre exact tel que le PV l’écrit, en notation décimale (« 564614.75 »)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

const finding = z
  .object({
    regle: z.string().nullable().describe('Identifiant de la règle (docs/rules/<regle>.md), ou du contrôle de lecture (parse-*)'),
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
    voixExactes: z.boolean().describe('Faux quand la liste des délégués ne donne pas toutes les voix : « voix » est alors un minimum'),
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
  .object(Object.fromEntries(SCDL_COLUMNS.map((column) => [column, z.string()])) as Record<(typeof SCDL_COLUMNS)[number], z.ZodString>)
  .describe('La ligne SCDL « Délibérations » 2.1.5 de la délibération (docs/publication.md) ; "" quand la valeur manque');

const deliberation = z.object({
  numero: z.number().int(),
  titre: z.string(),
  type: z.enum(['ordinaire', 'compte-administratif']),
  ligne: z.number().int(),
  matiere: z.object({ code: z.string(), nom: z.string().optional() }).optional().describe('Matière ACTES écrite par l’auteur ; « nom » quand elle est dans la nomenclature'),
  presence: attendanceAtItem,
  vote: vote.optional(),
  donneesOuvertes: scdlRow,
});

const person = z.object({ nom: z.string(), delegue: z.string().optional().describe('Le délégué de la liste, quand le nom y est trouvé') });

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
        z.object({ nom: z.string(), mode: z.enum(['salle', 'teleconference']), pouvoirs: z.array(z.string()), voix: decimal.optional(), suppleantDe: z.string().optional() }),
      ),
      excuses: z.array(z.string()),
      absents: z.array(z.string()),
      mouvements: z.array(z.object({ type: z.enum(['arrivee', 'depart', 'retrait']), nom: z.string(), point: z.number().int(), pouvoirA: z.string().optional() })),
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

export const exportSchema = z.array(z.union([sessionExport, unreadableExport])).describe('Les séances exportées par « minutier export --format json »');

export type SessionExport = z.infer<typeof sessionExport>;
export type ExportEntry = SessionExport | z.infer<typeof unreadableExport>;

/** The published JSON Schema of the export. */
export function sessionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(exportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema: schema.$schema, $id: SESSION_SCHEMA_ID, title: 'minutier — séances exportées', ...schema };
}

const exact = (number: FrenchNumber | undefined) => (number ? number.value.toFixed() : undefined);
const named = (session: Session, ref: PersonRef) => ({ nom: ref.name, ...(ref.delegate ? { delegue: nameOf(session, ref) } : {}) });

function severity(message: VFileMessage): 'erreur' | 'avertissement' | 'info' {
  return message.fatal ? 'erreur' : message.fatal === false ? 'avertissement' : 'info';
}

function findings(file: VFile): z.infer<typeof finding>[] {
  return file.messages.map((message) => {
    const place = message.place;
    const start = place && 'start' in place ? place.start : place;
    const end = place && 'end' in place ? place.end : undefined;
    const data = message as VFileMessage & { expected?: unknown; actual?: unknown; note?: unknown };
    return {
      regle: message.ruleId ?? null,
      severite: severity(message),
      message: message.reason,
      fichier: message.file || file.path,
      ligne: start?.line ?? null,
      colonne: start?.column ?? null,
      finLigne: end?.line ?? null,
      finColonne: end?.column ?? null,
      ...(Array.isArray(data.expected) && data.expected.length ? { attendu: String(data.expected[0]) } : {}),
      ...(data.actual !== undefined && data.actual !== null ? { ecrit: String(data.actual) } : {}),
      ...(typeof data.note === 'string' ? { note: data.note } : {}),
    };
  });
}

function attendanceJson(session: Session, item: number | undefined, deliberation?: Session['deliberations'][number]) {
  const at = attendanceAt(session, item, deliberation);
  const voters = votersAt(session, at);
  return {
    presents: voters.present,
    representes: voters.represented,
    votants: voters.present + voters.represented,
    voix: voters.count,
    voixExactes: voters.exact,
    unite: voters.unit,
    votent: at.sitting.map((sitting) => ({ nom: nameOf(session, sitting.person), pouvoirs: sitting.proxies.map((proxy) => nameOf(session, proxy.giver)) })),
    retraits: at.withdrawn.map((sitting) => nameOf(session, sitting.person)),
    exclus: at.excluded,
  };
}

/** The export of one checked file. */
export function exportEntry(file: VFile): ExportEntry {
  const session = file.data.session as Session | undefined;
  const base = { format: 'minutier-seance' as const, version: EXPORT_FORMAT_VERSION as typeof EXPORT_FORMAT_VERSION, fichier: file.path };
  if (!session) return { ...base, illisible: true, constats: findings(file) };
  const organisation = session.organisation;
  const inOffice = membersInOffice(organisation);
  const rows = scdlRows(session, file.messages);
  const entry: SessionExport = {
    ...base,
    id: session.id,
    organisme: {
      id: organisation.id,
      nom: organisation.name.value,
      ...(organisation.kind ? { forme: organisation.kind.value } : {}),
      ...(organisation.siret ? { siret: organisation.siret.value } : {}),
      ...(inOffice ? { enExercice: inOffice.value } : {}),
    },
    instance: session.instance.value,
    ...(session.number ? { numero: session.number.value } : {}),
    date: session.date.value,
    ...(session.time ? { heure: session.time.value } : {}),
    ...(session.place ? { lieu: session.place.value } : {}),
    modalite: session.mode.value,
    ...(session.convocation ? { convocation: session.convocation.value } : {}),
    ...(session.president ? { president: named(session, session.president) } : {}),
    secretaires: session.secretaries.map((ref) => named(session, ref)),
    presences: {
      presents: [...session.attendance.room, ...session.attendance.remote].map((row) => ({
        nom: row.person.name,
        mode: row.mode,
        pouvoirs: row.proxies.map((ref) => ref.name),
        ...(row.voices ? { voix: exact(row.voices)! } : {}),
        ...(row.substituteFor ? { suppleantDe: row.substituteFor.name } : {}),
      })),
      excuses: session.attendance.excused.map((ref) => ref.name),
      absents: session.attendance.absent.map((ref) => ref.name),
      mouvements: session.attendance.movements.map((movement) => ({
        type: movement.kind,
        nom: movement.person.name,
        point: movement.item.value,
        ...(movement.proxyTo ? { pouvoirA: movement.proxyTo.name } : {}),
      })),
    },
    annonce: {
      ...(session.stated.present ? { presents: exact(session.stated.present)! } : {}),
      ...(session.stated.represented ? { representes: exact(session.stated.represented)! } : {}),
      ...(session.stated.voices ? { voix: exact(session.stated.voices)! } : {}),
      ...(session.stated.inOffice ? { enExercice: exact(session.stated.inOffice)! } : {}),
      ...(session.stated.quorumReached ? { quorumAtteint: session.stated.quorumReached.value } : {}),
    },
    ouverture: attendanceJson(session, undefined),
    deliberations: session.deliberations.map((deliberation, index) => {
      const facts = publicationFacts(session, deliberation);
      const matiere = facts.matiere ? lookupMatiere(facts.matiere.value, organisation.matieres) : undefined;
      const v = deliberation.vote;
      return {
        numero: deliberation.number.value,
        titre: deliberation.title.value,
        type: deliberation.kind,
        ligne: deliberation.position.start.line,
        ...(facts.matiere
          ? { matiere: { code: matiere ? level2Code(matiere.code) : facts.matiere.value, ...(matiere ? { nom: scdlMatiereName(matiere) } : {}) } }
          : {}),
        presence: attendanceJson(session, deliberation.number.value, deliberation),
        ...(v
          ? {
              vote: {
                texte: v.text,
                resultat: v.outcome,
                unanimite: v.unanimous,
                scrutin: v.ballot,
                ...(v.majority ? { majorite: v.majority } : {}),
                ...(v.for ? { pour: exact(v.for)! } : {}),
                ...(v.against ? { contre: exact(v.against)! } : {}),
                ...(v.abstentions ? { abstentions: exact(v.abstentions)! } : {}),
                ...(v.notVoting ? { nePrennentPasPart: exact(v.notVoting)! } : {}),
                ...(v.blank ? { blancs: exact(v.blank)! } : {}),
                ligne: v.position.start.line,
              },
            }
          : {}),
        donneesOuvertes: rows[index]!.values,
      };
    }),
    ...(session.closing ? { levee: session.closing.value } : {}),
    constats: findings(file),
  };
  return entry;
}

/** The export of checked files, validated against its own schema before it is printed. */
export function exportJson(files: readonly VFile[]): string {
  const entries = exportSchema.parse(files.map(exportEntry));
  return `${JSON.stringify(entries, null, 2)}\n`;
}
