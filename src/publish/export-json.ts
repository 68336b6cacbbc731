/**
 * `minutier export --format json`: the checked session model as JSON, for a council's website or a data portal that
 * should not parse Markdown — who sat and voted at each item (attendance, proxies, withdrawals), the votes, the
 * figures, the SCDL row of each deliberation and every finding. Its shape is the zod schema of
 * export-json-schema.ts; its JSON Schema (`z.toJSONSchema`) is published as docs/schema/session.schema.json and kept
 * true by test/publish/export-json.test.ts (`npm run schema` writes it again). Numbers the PV writes are exact
 * decimals, given as strings ("564614.75").
 */
import type { VFile } from 'vfile';
import { attendanceAt, membersInOffice, nameOf, votersAt } from '../model/attendance.js';
import type { FrenchNumber, PersonRef, Session } from '../model/types.js';
import { lookupMatiere, scdlMatiereName, level2Code } from '../model/actes-nomenclature.js';
import { exportFindings } from './export-json-findings.js';
import { EXPORT_FORMAT_VERSION, exportSchema, type ExportEntry, type SessionExport } from './export-json-schema.js';
import { publicationFacts } from '../parse/matiere.js';
import { scdlRows } from './scdl.js';

export {
  EXPORT_FORMAT_VERSION,
  SESSION_SCHEMA_ID,
  exportSchema,
  sessionExport,
  sessionJsonSchema,
  unreadableExport,
  type ExportEntry,
  type SessionExport,
} from './export-json-schema.js';

const exact = (number: FrenchNumber | undefined) => (number ? number.value.toFixed() : undefined);
const named = (session: Session, ref: PersonRef) => ({
  nom: ref.name,
  ...(ref.delegate ? { delegue: nameOf(session, ref) } : {}),
});

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
    votent: at.sitting.map((sitting) => ({
      nom: nameOf(session, sitting.person),
      pouvoirs: sitting.proxies.map((proxy) => nameOf(session, proxy.giver)),
    })),
    retraits: at.withdrawn.map((sitting) => nameOf(session, sitting.person)),
    exclus: at.excluded,
  };
}

/** The export of one checked file. */
export function exportEntry(file: VFile): ExportEntry {
  const session = file.data.session as Session | undefined;
  const base = {
    format: 'minutier-seance' as const,
    version: EXPORT_FORMAT_VERSION as typeof EXPORT_FORMAT_VERSION,
    fichier: file.path,
  };
  if (!session) return { ...base, illisible: true, constats: exportFindings(file) };
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
          ? {
              matiere: {
                code: matiere ? level2Code(matiere.code) : facts.matiere.value,
                ...(matiere ? { nom: scdlMatiereName(matiere) } : {}),
              },
            }
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
    constats: exportFindings(file),
  };
  return entry;
}

/** The export of checked files, validated against its own schema before it is printed. */
export function exportJson(files: readonly VFile[]): string {
  const entries = exportSchema.parse(files.map(exportEntry));
  return `${JSON.stringify(entries, null, 2)}\n`;
}
