/** The organisation model built from validated YAML: an organisation file, or the frontmatter's inline mapping. */
import type { College, Delegate, Organisation, QuorumRule } from '../model/types.js';
import { civiliteOf, displayName, nameKey } from '../model/names.js';
import type { Reporter } from './report.js';
import type { Path, YamlSource } from './yaml.js';
import { organisationShape } from './schema.js';
import { validate } from './validate.js';
import { personAt, Roster, Values } from './values.js';
import { parseFraction, regimeRule } from './organisation-regime.js';
import { templatesFolder, templatesRefusal } from './organisation-templates.js';

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
      "L'organisme doit être décrit par des clés (« nom: … », « colleges: … », « delegues: … »).",
      prefix.length ? source.position(prefix) : (options.whole ?? source.position([])),
      'parse-schema',
    );
    return undefined;
  }
  const data = validate(organisationShape, raw, source, report, {
    prefix,
    missingPlace: prefix.length ? source.keyPosition(prefix) : options.whole,
    what: 'organisation',
  });
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
      report.error(
        `Collège « ${college.id} » en double : chaque collège n'est décrit qu'une fois.`,
        source.position([...base, 'id']),
        'parse-schema',
      );
    }
    collegeIds.add(college.id);
    const members =
      college.membres === undefined
        ? values.located(base, 1)
        : values.integer([...base, 'membres'], 'membres', { min: 1 });
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
          `Collège « ${entry.college} » inconnu${known.length ? ` : collèges décrits : ${known.join(', ')}` : " : aucun collège n'est décrit dans « colleges »"}.`,
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
    const checked = source.file
      ? templatesFolder(data.templates, source.file)
      : { refusal: templatesRefusal(data.templates, false)! };
    if ('refusal' in checked) {
      const place = source.file ? source.position(at('templates')) : source.keyPosition(at('templates'));
      report.error(checked.refusal, place, 'parse-schema');
    } else {
      organisation.templates = data.templates;
      organisation.templatesFolder = checked.folder;
    }
  }
  if (data.siret !== undefined) organisation.siret = values.located(at('siret'), data.siret);
  if (data['publication-url'] !== undefined)
    organisation.publicationUrl = values.located(at('publication-url'), data['publication-url']);
  if (data['delib-id'] !== undefined) organisation.delibIdPattern = values.located(at('delib-id'), data['delib-id']);
  if (data.matieres !== undefined) organisation.matieres = data.matieres;
  if (data['composition-source'] !== undefined) {
    organisation.compositionSource = values.located(at('composition-source'), data['composition-source']);
  }
  if (source.file) organisation.file = source.file;
  return report.errors > errorsBefore ? undefined : organisation;
}
