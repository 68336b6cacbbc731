/**
 * `minutier new`: the next session's file, pre-filled — the organisation's roster as the attendance skeleton, the
 * président and secrétaire(s) of the previous session, a suggested convocation date (the legal delay in jours
 * francs), the approbation of the previous PV as item 1 and the items of the ordre du jour, numbered and empty.
 * The file parses: `minutier check` then says what is left to fill in.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { fileSlug } from '../model/document-names.js';
import type { Organisation } from '../model/types.js';
import { clearOrganisationCache, loadOrganisation } from '../parse/organisation.js';
import { isoDate, sessionShape } from '../parse/schema.js';
import { formatDate } from '../model/french.js';
import { AuthoringError, sessionFiles, type Ask } from './shared.js';

export interface NewValues {
  cwd: string;
  date?: string;
  from?: string;
  ordreDuJour?: string;
  organisation?: string;
  heure?: string;
  lieu?: string;
  president?: string;
  force: boolean;
}

/** What the previous session's header says (read as plain YAML: it may still have findings). */
interface Previous {
  file: string;
  date?: string;
  organisation?: string;
  president?: string;
  secretaires?: string[];
  heure?: string;
  lieu?: string;
  modalite?: string;
}

const DAY = 86_400_000;

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The latest date on which the convocation can be sent: neither its day nor the session's counts (jours francs). */
export function convocationDeadline(date: string, joursFrancs: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - (joursFrancs + 1) * DAY).toISOString().slice(0, 10);
}

async function readHeader(file: string): Promise<Record<string, unknown> | undefined> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/u, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/u.exec(text);
  if (!match) return undefined;
  try {
    const data = YAML.parse(match[1]!) as unknown;
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (value: unknown) =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;

async function previousSession(file: string): Promise<Previous> {
  const header = await readHeader(file);
  if (!header) return { file };
  const secretaires = header.secretaires;
  const previous: Previous = { file };
  const set = <K extends keyof Previous>(key: K, value: Previous[K] | undefined) => {
    if (value !== undefined) previous[key] = value;
  };
  set('date', str(header.date) ?? (header.date instanceof Date ? header.date.toISOString().slice(0, 10) : undefined));
  set('organisation', str(header.organisation));
  set('president', str(header.president));
  set('heure', str(header.heure));
  set('lieu', str(header.lieu));
  set('modalite', str(header.modalite));
  if (typeof secretaires === 'string') previous.secretaires = [secretaires];
  else if (Array.isArray(secretaires))
    previous.secretaires = secretaires.filter((s): s is string => typeof s === 'string');
  return previous;
}

/** Whether the session schema requires a key today (heure, lieu, president may become optional). */
function required(key: 'heure' | 'lieu' | 'president'): boolean {
  return !sessionShape.shape[key].safeParse(undefined).success;
}

async function organisationIds(cwd: string): Promise<string[]> {
  try {
    return (await readdir(path.join(cwd, 'organisations')))
      .filter((name) => name.endsWith('.yml'))
      .map((name) => name.slice(0, -4))
      .sort();
  } catch {
    return [];
  }
}

const q = (value: string) => YAML.stringify(value, { lineWidth: 0 }).trim();
const flow = (value: unknown) => YAML.stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();

export interface NewResult {
  file: string;
  relative: string;
}

export async function newSession(values: NewValues, ask: Ask | undefined): Promise<NewResult> {
  const { cwd } = values;
  const sessionsDir = path.join(cwd, 'sessions');
  if (!existsSync(sessionsDir)) {
    throw new AuthoringError(
      `Pas de dossier sessions/ dans ${cwd} : lancez minutier new à la racine du dépôt des procès-verbaux (créé par « minutier init »).`,
    );
  }
  const dateProblem = (value: string) => {
    const checked = isoDate.safeParse(value.trim());
    return checked.success ? undefined : checked.error.issues[0]?.message;
  };
  let date =
    values.date ??
    (ask ? await ask.text('Date de la séance (AAAA-MM-JJ) ?', { initial: today(), validate: dateProblem }) : today());
  date = date.trim();
  const dateCheck = isoDate.safeParse(date);
  if (!dateCheck.success)
    throw new AuthoringError(`--date : ${dateCheck.error.issues[0]?.message ?? 'date invalide'}.`);

  // The previous session: --from, else the latest session file dated before this one.
  let previous: Previous | undefined;
  if (values.from) {
    const from = path.resolve(cwd, values.from);
    if (!existsSync(from)) throw new AuthoringError(`--from : ${values.from} introuvable.`);
    previous = await previousSession(from);
  } else {
    const earlier = (await sessionFiles(sessionsDir)).filter((file) => path.basename(file).slice(0, 10) < date);
    if (earlier.length > 0) previous = await previousSession(earlier.at(-1)!);
  }

  // The organisation: --organisation, else the previous session's, else the only one of organisations/.
  const ids = await organisationIds(cwd);
  let id = values.organisation ?? previous?.organisation;
  if (!id) {
    if (ids.length === 1) id = ids[0]!;
    else if (ids.length === 0)
      throw new AuthoringError('Aucun organisme dans organisations/ : créez-le avec « minutier init ».');
    else if (ask)
      id = await ask.select(
        'Quel organisme ?',
        ids.map((value) => ({ value, label: value })),
      );
    else throw new AuthoringError(`Plusieurs organismes (${ids.join(', ')}) : précisez --organisation <id>.`);
  }
  clearOrganisationCache();
  const loaded = await loadOrganisation(id, cwd);
  if (!loaded.organisation) {
    const why =
      loaded.error ?? loaded.file?.messages.map((m) => `${m.line ?? 1}:${m.column ?? 1} ${m.reason}`).join(' ; ');
    throw new AuthoringError(
      `L'organisme « ${id} » ne peut pas être lu : ${why ?? 'erreur inconnue'}. Corrigez-le (minutier check le détaille).`,
    );
  }
  const organisation: Organisation = loaded.organisation;
  const instance = organisation.instance?.value ?? 'Séance';
  const relative = path.join('sessions', `${date}-${fileSlug(instance)}.md`);
  const target = path.join(cwd, relative);
  if (existsSync(target) && !values.force) {
    throw new AuthoringError(`${relative} existe déjà : rien n’a été écrit. Relancez avec --force pour le remplacer.`);
  }

  // Hour, place, président: flag, else the previous session, else a question; left to fill in when none.
  const fromPrevious = previous?.date ? ` (séance du ${previous.date})` : '';
  const missing: string[] = [];
  const pick = async (
    key: 'heure' | 'lieu' | 'president',
    flag: string | undefined,
    fallback: string | undefined,
    question: string,
    placeholder: string,
  ) => {
    const problem = (value: string) => {
      const checked = sessionShape.shape[key].safeParse(value);
      return checked.success ? undefined : checked.error.issues[0]?.message;
    };
    if (flag) {
      const why = problem(flag);
      if (why) throw new AuthoringError(`--${key} : ${why}.`);
      return { value: flag, note: '' };
    }
    if (fallback)
      return {
        value: fallback,
        note: key === 'president' && !previous?.president ? 'repris de l’organisme' : `repris${fromPrevious}`,
      };
    if (ask) {
      const answer = await ask.text(question, {
        placeholder,
        required: required(key),
        validate: (v) => (v.trim() ? problem(v) : undefined),
      });
      return { value: answer.trim(), note: '' };
    }
    if (required(key)) missing.push(`--${key} ${JSON.stringify(placeholder)}`);
    return { value: '', note: '' };
  };
  const heure = await pick('heure', values.heure, previous?.heure, 'Heure d’ouverture (par exemple 18h30) ?', '18h30');
  const lieu = await pick(
    'lieu',
    values.lieu,
    previous?.lieu,
    'Lieu (tel que le PV l’écrit) ?',
    'à la mairie, salle du conseil',
  );
  const president = await pick(
    'president',
    values.president,
    previous?.president ?? organisation.president?.name,
    'Président de séance ?',
    'M. DUPONT Jean',
  );
  if (missing.length > 0) {
    throw new AuthoringError(
      `aucune séance précédente ne donne ${missing.length > 1 ? 'ces valeurs' : 'cette valeur'} : ajoutez ${missing.join(' ')} (rien n’a été écrit).`,
    );
  }
  let items: string[] = [];
  if (values.ordreDuJour) {
    const odj = path.resolve(cwd, values.ordreDuJour);
    let text: string;
    try {
      text = await readFile(odj, 'utf8');
    } catch {
      throw new AuthoringError(
        `--ordre-du-jour : ${values.ordreDuJour} illisible ou introuvable (un fichier texte, un titre par ligne).`,
      );
    }
    items = text
      .replace(/^\uFEFF/u, '')
      .split(/\r?\n/u)
      .map((line) => line.replace(/^\s*(?:\d+\s*[.)\-–]\s*|[-*]\s+)/u, '').trim())
      .filter(Boolean);
  }

  const convocation = convocationDeadline(date, organisation.convocationDays.value);
  const line = (key: string, value: string, note: string) =>
    value ? `${key}: ${q(value)}${note ? `   # ${note}` : ''}` : `# ${key}: …   # à compléter`;
  const header = [
    '---',
    '# Préparée par « minutier new ». Répartissez les membres entre presents, excuses et absents, complétez, puis',
    '# vérifiez : « npx minutier check » (ou gardez « npx minutier preview » ouvert).',
    `organisation: ${id}`,
    `instance: ${q(instance)}`,
    `date: ${date}`,
    line('heure', heure.value, heure.note),
    line('lieu', lieu.value, lieu.note),
    ...(previous?.modalite ? [`modalite: ${previous.modalite}   # repris${fromPrevious}`] : []),
    `convocation: ${convocation}   # suggestion : au plus tard ${organisation.convocationDays.value} jours francs avant ; écrivez la date d'envoi réelle`,
    line('president', president.value, president.note),
    previous?.secretaires?.length
      ? `secretaires: ${flow(previous.secretaires)}   # repris${fromPrevious}`
      : '# secretaires: [NOM Prénom]   # à compléter',
    '# annonce: { quorum-atteint: true }   # à compléter (ou « Le quorum est atteint. » dans le texte) : L2121-15',
    ...(previous?.date ? [`approbation-pv: ${previous.date}`] : []),
    '',
    '# Chaque membre une fois : déplacez excusés et absents, ajoutez « pouvoir: NOM Prénom » à qui détient un pouvoir.',
  ];
  if (organisation.roster.length > 0) {
    header.push('presents:');
    for (const delegate of organisation.roster) header.push(`  - ${flow({ nom: delegate.name })}`);
  } else {
    header.push('presents: []   # la liste des membres de organisations/' + id + '.yml est vide');
  }
  header.push('excuses: []', 'absents: []', '---', '');

  const body = ['## Délibérations', ''];
  let n = 0;
  if (previous?.date) {
    n += 1;
    body.push(`### ${n}. Approbation du procès-verbal de la séance du ${formatDate(previous.date)}`, '');
  }
  for (const title of items) {
    n += 1;
    body.push(`### ${n}. ${title}`, '');
  }
  if (n === 0)
    body.push('<!-- Un point par titre : « ### 1. Titre du point », son texte, puis le résultat du vote. -->', '');
  const content = `${header.join('\n')}\n${body.join('\n')}`;
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content);
  return { file: target, relative };
}
