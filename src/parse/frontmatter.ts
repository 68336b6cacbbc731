/** The session header (frontmatter) turned into the typed model: facts, attendance, stated figures, settings. */
import type { Position } from 'unist';
import type {
  Attendance,
  AttendanceMode,
  AttendanceRow,
  Located,
  Movement,
  Organisation,
  PersonRef,
  RuleSetting,
  Session,
  StatedFigures,
} from '../model/types.js';
import { bodyKind, vocabularyOf } from '../model/vocabulary.js';
import type { SessionData } from './schema.js';
import { settleByElimination } from './attendance-names.js';
import { personAt, Roster, Values } from './values.js';
import type { Path } from './yaml.js';

export type Header = Pick<
  Session,
  | 'instance'
  | 'number'
  | 'date'
  | 'time'
  | 'place'
  | 'mode'
  | 'teleconferenceBasis'
  | 'convocation'
  | 'president'
  | 'presidentDelegation'
  | 'secretaries'
  | 'previousMinutesApproved'
  | 'ordonnateur'
  | 'attendance'
  | 'stated'
  | 'ruleSettings'
>;

export function buildHeader(
  data: SessionData,
  values: Values,
  organisation: Organisation,
  frontmatterPosition: Position,
): Header | undefined {
  const { report } = values;
  const errorsBefore = report.errors;
  const roster = new Roster(organisation.roster);
  const person = (path: Path, name: string): PersonRef =>
    personAt(values, path, name, roster, { organisationName: organisation.name.value });
  // The attendance is read whole before an ambiguous name is reported: the rest of it may settle it.
  const deferred: Array<() => void> = [];
  const attendanceRefs: PersonRef[] = [];
  const member = (path: Path, name: string): PersonRef => {
    const ref = personAt(values, path, name, roster, {
      organisationName: organisation.name.value,
      deferAmbiguous: deferred,
    });
    attendanceRefs.push(ref);
    return ref;
  };
  const list = (value: string | string[] | undefined, path: Path, of = person): PersonRef[] => {
    if (value === undefined) return [];
    if (typeof value === 'string') return [of(path, value)];
    return value.map((name, index) => of([...path, index], name));
  };

  const rows = (key: 'presents' | 'presents-teleconference', mode: AttendanceMode): AttendanceRow[] =>
    (data[key] ?? []).map((row, index) => {
      const base: Path = [key, index];
      const result: AttendanceRow = {
        person: member([...base, 'nom'], row.nom),
        mode,
        proxies: list(row.pouvoir, [...base, 'pouvoir'], member),
        position: values.position(base),
      };
      if (row.voix !== undefined) {
        const voices = values.number([...base, 'voix'], 'voix');
        if (voices) result.voices = voices;
      }
      if (row['suppleant-de'] !== undefined)
        result.substituteFor = member([...base, 'suppleant-de'], row['suppleant-de']);
      return result;
    });

  const room = rows('presents', 'salle');
  const remote = rows('presents-teleconference', 'teleconference');
  const movements: Movement[] = [];
  (data.mouvements ?? []).forEach((entry, index) => {
    const base: Path = ['mouvements', index];
    const kind = entry.arrivee !== undefined ? 'arrivee' : entry.depart !== undefined ? 'depart' : 'retrait';
    const name = entry[kind]!;
    const itemKey = kind === 'retrait' ? 'point' : 'avant';
    const item = values.integer([...base, itemKey], itemKey, { min: 1 });
    if (!item) return;
    const movement: Movement = { kind, person: member([...base, kind], name), item, position: values.position(base) };
    if (entry['pouvoir-a'] !== undefined) movement.proxyTo = member([...base, 'pouvoir-a'], entry['pouvoir-a']);
    movements.push(movement);
  });
  const attendance: Attendance = {
    room,
    remote,
    excused: list(data.excuses, ['excuses'], member),
    absent: list(data.absents, ['absents'], member),
    movements,
  };
  settleByElimination(attendanceRefs, organisation.roster ?? []);
  for (const warnIfOpen of deferred) warnIfOpen();

  const stated: StatedFigures = {};
  const figure = (
    key:
      | 'presents'
      | 'representes'
      | 'voix'
      | 'en-exercice'
      | 'absents'
      | 'votants'
      | 'suffrages-exprimes'
      | 'majorite-absolue',
  ) => (data.annonce?.[key] === undefined ? undefined : values.number(['annonce', key], `annonce.${key}`));
  const present = figure('presents');
  if (present) stated.present = present;
  const represented = figure('representes');
  if (represented) stated.represented = represented;
  const voices = figure('voix');
  if (voices) stated.voices = voices;
  const inOffice = figure('en-exercice');
  if (inOffice) stated.inOffice = inOffice;
  const absentCount = figure('absents');
  if (absentCount) stated.absent = absentCount;
  const votersCount = figure('votants');
  if (votersCount) stated.voters = votersCount;
  const cast = figure('suffrages-exprimes');
  if (cast) stated.cast = cast;
  const majority = figure('majorite-absolue');
  if (majority) stated.absoluteMajority = majority;
  if (data.annonce?.['quorum-atteint'] !== undefined) {
    stated.quorumReached = values.located(['annonce', 'quorum-atteint'], data.annonce['quorum-atteint']);
  }

  let instance: Located<string> | undefined;
  if (data.instance) instance = values.located(['instance'], data.instance);
  else if (organisation.instance) instance = organisation.instance;
  else if (bodyKind(organisation.kind?.value, organisation.name.value) !== 'autre') {
    // A commune sits in conseil municipal, a communauté in conseil communautaire, a syndicat in comité syndical.
    instance = { ...organisation.name, value: vocabularyOf(organisation).instance };
  } else {
    report.error(
      "Instance inconnue : écrivez « instance: Comité syndical » (ou le nom de l'assemblée) dans l'en-tête, " +
        "ou « instance: » dans le fichier de l'organisme.",
      frontmatterPosition,
      'parse-schema',
    );
  }

  const mode: Located<'presentiel' | 'teleconference' | 'mixte'> = data.modalite
    ? values.located(['modalite'], data.modalite)
    : {
        value: remote.length > 0 ? (room.length > 0 ? 'mixte' : 'teleconference') : 'presentiel',
        position: frontmatterPosition,
      };

  const ruleSettings: Record<string, RuleSetting> = {};
  for (const [rule, setting] of Object.entries(data.minutier?.regles ?? {})) ruleSettings[rule] = setting;

  if (!instance || report.errors > errorsBefore) return undefined;
  const header: Header = {
    instance,
    date: values.located(['date'], data.date),
    mode,
    secretaries: list(data.secretaires, ['secretaires']),
    attendance,
    stated,
    ruleSettings,
  };
  if (data.heure !== undefined) {
    const time: Located<string> & { minutes?: number } = values.located(['heure'], data.heure);
    const minutes = minutesOfDay(data.heure);
    if (minutes !== undefined) time.minutes = minutes;
    header.time = time;
  }
  if (data.lieu !== undefined) header.place = values.located(['lieu'], data.lieu);
  if (data.president !== undefined) header.president = person(['president'], data.president);
  if (data['base-legale-teleconference']) {
    header.teleconferenceBasis = values.located(['base-legale-teleconference'], data['base-legale-teleconference']);
  }
  if (data.convocation) header.convocation = values.located(['convocation'], data.convocation);
  if (data['delegation-presidence']) {
    header.presidentDelegation = values.located(['delegation-presidence'], data['delegation-presidence']);
  }
  if (data['approbation-pv'])
    header.previousMinutesApproved = values.located(['approbation-pv'], data['approbation-pv']);
  if (data.ordonnateur) header.ordonnateur = person(['ordonnateur'], data.ordonnateur);
  if (data.numero !== undefined) {
    const number = values.integer(['numero'], 'numero', { min: 1 });
    if (number) header.number = number;
  }
  return header;
}

/** Minutes since midnight of an hour as typed ("17h30", "9 h", "18h05"); undefined when the text holds no hour. */
export function minutesOfDay(text: string): number | undefined {
  const match = /(\d{1,2})\s*h\s*(\d{0,2})/u.exec(text);
  if (!match) return undefined;
  return Number(match[1] || 0) * 60 + Number(match[2] || 0);
}
