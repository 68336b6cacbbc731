/**
 * The organisation a session belongs to: `organisations/<id>.yml`, found by walking up from the session's folder,
 * or written inline in the frontmatter. Organisation files are parsed with the same care as sessions; their
 * findings are messages on a VFile of their own (positions in the organisation file), and the session gets one
 * `parse-organisation` error at its `organisation:` value when that file cannot be used.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { College, Delegate, Organisation, QuorumRule } from '../model/types.js';
import { civiliteOf, displayName, nameKey } from '../model/names.js';
import type { RegimeRule } from '../model/regimes.js';
import { decodeSource, Locator } from './source.js';
import { Reporter } from './report.js';
import { YamlSource, type Path } from './yaml.js';
import { organisationShape, type OrganisationData } from './schema.js';
import { validate } from './validate.js';
import { personAt, Roster, Values } from './values.js';

export const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]*$/u;

export interface LoadedOrganisation {
  /** Undefined when the organisation cannot be used (not found, or errors in its file). */
  organisation?: Organisation;
  /** The organisation file with its own messages (positions in that file); undefined when no file was found. */
  file?: VFile;
  /** Absolute path of the organisation file, when found. */
  path?: string;
  /** Why no organisation file could be read (bad id, not found), in French. */
  error?: string;
}

export type OrganisationLoader = (id: string, fromDir: string) => Promise<LoadedOrganisation>;

const cache = new Map<string, Promise<LoadedOrganisation>>();

/** Forgets the organisations loaded so far (for long-running processes and tests). */
export function clearOrganisationCache(): void {
  cache.clear();
}

async function isFile(candidate: string): Promise<boolean> {
  try {
    return (await stat(candidate)).isFile();
  } catch {
    return false;
  }
}

/** Finds `organisations/<id>.yml` walking up from `fromDir` (to the filesystem root) and parses it, once per run. */
export async function loadOrganisation(id: string, fromDir: string): Promise<LoadedOrganisation> {
  if (!ORGANISATION_ID.test(id)) {
    return {
      error:
        `« ${id} » n'est pas un identifiant d'organisme : écrivez le nom du fichier organisations/<id>.yml sans ` +
        'extension ni chemin (minuscules, chiffres et tirets, par exemple « somme-numerique »).',
    };
  }
  let directory = path.resolve(fromDir);
  for (;;) {
    const candidate = path.join(directory, 'organisations', `${id}.yml`);
    if (await isFile(candidate)) {
      let loaded = cache.get(candidate);
      if (!loaded) {
        loaded = readOrganisationFile(id, candidate);
        cache.set(candidate, loaded);
      }
      return loaded;
    }
    const parent = path.dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return {
    error:
      `Organisme « ${id} » introuvable : aucun fichier organisations/${id}.yml dans ${displayPath(path.resolve(fromDir))} ` +
      'ni dans ses dossiers parents.',
  };
}

/** A path relative to the working directory when it is inside it. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}

async function readOrganisationFile(id: string, absolute: string): Promise<LoadedOrganisation> {
  const shown = displayPath(absolute);
  const file = new VFile({ path: shown });
  const report = new Reporter(file);
  try {
    const bytes = await readFile(absolute);
    const decoded = decodeSource(new Uint8Array(bytes));
    if (!decoded.ok) {
      const locator = new Locator(decoded.text);
      report.error(decoded.reason, locator.position(decoded.offset, decoded.offset), decoded.ruleId);
      return { file, path: absolute };
    }
    file.value = decoded.text;
    const locator = new Locator(decoded.text);
    if (decoded.text.trim() === '') {
      report.error('Le fichier de l\'organisme est vide : il doit au moins donner « nom: … ».', locator.position(0, 0), 'parse-empty');
      return { file, path: absolute };
    }
    const source = new YamlSource(decoded.text, 0, locator, shown);
    if (!source.check(report)) return { file, path: absolute };
    const organisation = buildOrganisation(source, [], report, id, { whole: locator.position(0, Math.min(decoded.text.length, 1)) });
    if (organisation) organisation.file = shown;
    return organisation && report.errors === 0 ? { organisation, file, path: absolute } : { file, path: absolute };
  } catch (error) {
    report.error(
      `Le fichier de l'organisme n'a pas pu être lu (${error instanceof Error ? error.message : String(error)}).`,
      new Locator('').position(0, 0),
      'parse-internal',
    );
    return { file, path: absolute };
  }
}

/** A regime's quorum and proxy rule (organisation `regimes`, session `regime`), with positioned errors. */
export function regimeRule(
  entry: { quorum?: { seuil?: string | undefined; compte?: 'presents' | 'presents-et-representes' | undefined } | undefined; pouvoirs?: { maximum: number | string } | undefined; source: string },
  base: Path,
  values: Values,
  report: Reporter,
  source: YamlSource,
): RegimeRule | undefined {
  const rule: RegimeRule = { source: entry.source };
  if (entry.quorum) {
    const quorum: NonNullable<RegimeRule['quorum']> = {};
    if (entry.quorum.seuil !== undefined) {
      const parsed = parseFraction(entry.quorum.seuil);
      if (!parsed) {
        report.error(
          `« quorum.seuil » : « ${entry.quorum.seuil} » n'est pas une fraction : écrivez « 1/2 » (plus de la moitié) ou « 1/3 » (plus du tiers).`,
          source.position([...base, 'quorum', 'seuil']),
          'parse-schema',
        );
        return undefined;
      }
      quorum.seuil = parsed;
    }
    if (entry.quorum.compte) quorum.compte = entry.quorum.compte;
    rule.quorum = quorum;
  }
  if (entry.pouvoirs) {
    const maximum = values.integer([...base, 'pouvoirs', 'maximum'], 'pouvoirs.maximum');
    if (!maximum) return undefined;
    rule.pouvoirs = { maximum: maximum.value };
  }
  return rule;
}

function parseFraction(text: string): { numerator: number; denominator: number } | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/u.exec(text);
  if (!match) return undefined;
  const numerator = Number(match[1]);
  const denominator = Number(match[2]);
  if (numerator <= 0 || denominator <= 0 || numerator >= denominator) return undefined;
  return { numerator, denominator };
}

/**
 * Why a `templates:` value cannot be used, or undefined. Templates are code of the repository (compiled and trusted):
 * a session never chooses them, and an organisation file only names a folder of its own repository — relative to the
 * organisation file, inside the folder that holds `organisations/`.
 */
export function templatesRefusal(templates: string, inOrganisationFile: boolean): string | undefined {
  if (!inOrganisationFile) {
    return (
      'Une séance ne choisit pas ses gabarits : « templates » ne peut pas figurer dans l\'organisme écrit dans l\'en-tête ; ' +
      'écrivez « templates: » dans le fichier organisations/<id>.yml.'
    );
  }
  // Checked as written: this exact text is what the renderer resolves.
  const value = templates;
  if (value.trim() === '') return '« templates » est vide : donnez le dossier des gabarits, par exemple « ../gabarits ».';
  if (value.includes('\0')) return '« templates » contient un caractère nul : donnez un simple nom de dossier.';
  if (path.isAbsolute(value) || path.win32.isAbsolute(value)) {
    return (
      `« templates » : « ${value} » est un chemin absolu ; donnez un dossier du dépôt, relatif au fichier de ` +
      'l\'organisme (par exemple « ../gabarits »).'
    );
  }
  if (!templatesStayInRoot(value)) {
    return (
      `« templates » : « ${value} » sort du dépôt ; le dossier des gabarits doit se trouver dans le dossier qui contient ` +
      '« organisations/ » (par exemple « ../gabarits »).'
    );
  }
  return undefined;
}

/** True when `relative`, read from `<root>/organisations/`, stays inside `<root>` (lexically, both separators). */
function templatesStayInRoot(relative: string): boolean {
  const root = path.posix.join('/', 'root');
  const resolved = path.posix.resolve(root, 'organisations', relative.replace(/\\/gu, '/'));
  return resolved === root || resolved.startsWith(`${root}/`);
}

/**
 * Validates and builds an organisation from YAML data at `prefix` (the whole file, or the frontmatter's
 * `organisation:` mapping). Reports on `report`; returns undefined when it cannot be modelled.
 */
export function buildOrganisation(
  source: YamlSource,
  prefix: Path,
  report: Reporter,
  id: string,
  options: { whole?: Parameters<Reporter['error']>[1]; data?: unknown } = {},
): Organisation | undefined {
  const errorsBefore = report.errors;
  const raw = options.data ?? source.data;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    report.error(
      'L\'organisme doit être décrit par des clés (« nom: … », « colleges: … », « delegues: … »).',
      prefix.length ? source.position(prefix) : (options.whole ?? source.position([])),
      'parse-schema',
    );
    return undefined;
  }
  const data = validate(organisationShape, raw, source, report, {
    prefix,
    missingPlace: prefix.length ? source.keyPosition(prefix) : options.whole,
    what: 'organisation',
  }) as OrganisationData | undefined;
  if (!data) return undefined;
  const values = new Values(source, report);
  const at = (...rest: Path): Path => [...prefix, ...rest];
  const wholePosition = prefix.length ? source.keyPosition(prefix) : (options.whole ?? source.position([]));
  const defaultLocated = <T>(value: T) => {
    const located: { value: T; position: typeof wholePosition; file?: string } = { value, position: wholePosition };
    if (source.file) located.file = source.file;
    return located;
  };

  const colleges: College[] = [];
  const collegeIds = new Set<string>();
  (data.colleges ?? []).forEach((college, index) => {
    const base = at('colleges', index);
    if (collegeIds.has(college.id)) {
      report.error(`Collège « ${college.id} » en double : chaque collège n'est décrit qu'une fois.`, source.position([...base, 'id']), 'parse-schema');
    }
    collegeIds.add(college.id);
    const members = college.membres === undefined ? values.located(base, 1) : values.integer([...base, 'membres'], 'membres', { min: 1 });
    const delegates = values.integer([...base, 'delegues'], 'delegues', { min: 1 });
    const voices =
      college.voix === undefined
        ? { ...values.located(base, 1), stated: false }
        : (() => {
            const number = values.number([...base, 'voix'], 'voix');
            return number ? { ...values.located([...base, 'voix'], number.value.toNumber()), stated: true } : undefined;
          })();
    if (!members || !delegates || !voices) return;
    colleges.push({
      id: college.id,
      name: values.located([...base, 'nom'], college.nom),
      members,
      delegatesPerMember: delegates,
      voicesPerDelegate: voices,
    });
  });
  const collegeById = new Map(colleges.map((college) => [college.id, college]));

  const roster: Delegate[] = [];
  const seen = new Map<string, string>();
  (data.delegues ?? []).forEach((entry, index) => {
    const base = at('delegues', index);
    const name = displayName(entry.nom);
    const key = nameKey(entry.nom);
    const delegate: Delegate = { name, key, position: source.position([...base, 'nom']) };
    if (source.file) delegate.file = source.file;
    const previous = seen.get(key);
    if (previous !== undefined) {
      report.error(
        `Délégué en double : « ${entry.nom} » est déjà dans la liste (« ${previous} ») ; chaque délégué n'y figure qu'une fois.`,
        delegate.position,
        'parse-schema',
      );
    }
    seen.set(key, entry.nom);
    const civilite = entry.civilite ?? civiliteOf(entry.nom);
    if (civilite) delegate.civilite = civilite;
    if (entry.college !== undefined) {
      if (!collegeById.has(entry.college)) {
        const known = [...collegeById.keys()];
        report.error(
          `Collège « ${entry.college} » inconnu${known.length ? ` : collèges décrits : ${known.join(', ')}` : ' : aucun collège n\'est décrit dans « colleges »'}.`,
          source.position([...base, 'college']),
          'parse-schema',
        );
      }
      delegate.college = entry.college;
    }
    if (entry.voix !== undefined) {
      const number = values.number([...base, 'voix'], 'voix');
      if (number) delegate.voices = number.value.toNumber();
    } else if (entry.college !== undefined) {
      const college = collegeById.get(entry.college);
      if (college) delegate.voices = college.voicesPerDelegate.stated ? college.voicesPerDelegate.value : 1;
    }
    roster.push(delegate);
  });
  const rosterIndex = new Roster(roster);

  let fraction = { numerator: 1, denominator: 2 };
  if (data.quorum?.seuil !== undefined) {
    const parsed = parseFraction(data.quorum.seuil);
    if (!parsed) {
      report.error(
        `« quorum.seuil » : « ${data.quorum.seuil} » n'est pas une fraction : écrivez « 1/2 » (plus de la moitié) ou « 1/3 » (plus du tiers).`,
        source.position(at('quorum', 'seuil')),
        'parse-schema',
      );
    } else fraction = parsed;
  }
  const quorum: QuorumRule = {
    base: data.quorum?.base ?? 'membres',
    count: data.quorum?.compte ?? 'presents',
    fraction,
    stated: data.quorum !== undefined,
    position: data.quorum ? source.keyPosition(at('quorum')) : wholePosition,
  };
  if (data.quorum?.texte) quorum.text = data.quorum.texte;
  if (data.quorum?.source) quorum.source = data.quorum.source;
  if (source.file) quorum.file = source.file;

  const maxPerHolder =
    data.pouvoirs?.maximum === undefined ? 1 : values.integer(at('pouvoirs', 'maximum'), 'pouvoirs.maximum')?.value;
  const proxies = {
    maxPerHolder: maxPerHolder ?? 1,
    stated: data.pouvoirs !== undefined,
    position: data.pouvoirs ? source.keyPosition(at('pouvoirs')) : wholePosition,
    ...(data.pouvoirs?.source ? { source: data.pouvoirs.source } : {}),
    ...(source.file ? { file: source.file } : {}),
  };

  const convocationDays =
    data.convocation?.['jours-francs'] === undefined
      ? defaultLocated(5)
      : (values.integer(at('convocation', 'jours-francs'), 'convocation.jours-francs') ?? defaultLocated(5));

  const organisation: Organisation = {
    id,
    name: values.located(at('nom'), data.nom),
    colleges,
    roster,
    quorum,
    proxies,
    convocationDays,
  };
  if (data.forme) organisation.kind = values.located(at('forme'), data.forme);
  if (data.instance) organisation.instance = values.located(at('instance'), data.instance);
  if (data.president) {
    organisation.president = personAt(values, at('president'), data.president, rosterIndex, { warn: false });
  }
  if (data['total-voix'] !== undefined) {
    const total = values.integer(at('total-voix'), 'total-voix');
    if (total) organisation.totalVoices = total;
  }
  if (data['delegues-en-exercice'] !== undefined) {
    const inOffice = values.integer(at('delegues-en-exercice'), 'delegues-en-exercice');
    if (inOffice) organisation.delegatesInOffice = inOffice;
  }
  if (data.suppleants !== undefined) organisation.substitutesAllowed = data.suppleants;
  if (data.regimes) {
    organisation.regimes = [];
    data.regimes.forEach((entry, index) => {
      const rule = regimeRule(entry, at('regimes', index), values, report, source);
      if (rule) organisation.regimes!.push({ ...rule, from: entry.du, to: entry.au });
    });
  }
  if (data.templates !== undefined) {
    const refusal = templatesRefusal(data.templates, source.file !== undefined);
    if (refusal) {
      const place = source.file ? source.position(at('templates')) : source.keyPosition(at('templates'));
      report.error(refusal, place, 'parse-schema');
    } else organisation.templates = data.templates;
  }
  if (data.siret !== undefined) organisation.siret = values.located(at('siret'), data.siret);
  if (data['publication-url'] !== undefined) organisation.publicationUrl = values.located(at('publication-url'), data['publication-url']);
  if (data['delib-id'] !== undefined) organisation.delibIdPattern = values.located(at('delib-id'), data['delib-id']);
  if (data.matieres !== undefined) organisation.matieres = data.matieres;
  if (data['composition-source'] !== undefined) {
    organisation.compositionSource = values.located(at('composition-source'), data['composition-source']);
  }
  if (source.file) organisation.file = source.file;
  return report.errors > errorsBefore ? undefined : organisation;
}
