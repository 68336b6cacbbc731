/**
 * A session file to the typed `Session` model. Every problem becomes a positioned French vfile message
 * (`parse-*` rule ids, `source: 'minutier'`); errors are `fatal` and make the result undefined. Never throws.
 */
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { remarkTables } from './remark-tables.js';
import { unified } from 'unified';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { Organisation, Session } from '../model/types.js';
import { buildBody, nextNonBlankLine } from './body.js';
import { buildHeader } from './frontmatter.js';
import {
  buildOrganisation,
  displayPath,
  loadOrganisation,
  regimeRule,
  type OrganisationLoader,
} from './organisation.js';
import { organisationAt } from '../model/regimes.js';
import { Reporter } from './report.js';
import { sessionShape } from './schema.js';
import { decodeSource, Locator, startPosition } from './source.js';
import { validate } from './validate.js';
import { Values } from './values.js';
import { YamlSource } from './yaml.js';

declare module 'vfile' {
  interface DataMap {
    /** The organisation file this session uses, with its own messages (positions in that file). */
    organisationFile: VFile;
  }
}

export interface ParseOptions {
  organisationLoader?: OrganisationLoader;
}

const processor = unified().use(remarkParse).use(remarkTables).use(remarkFrontmatter, ['yaml']);

export async function parseSession(file: VFile, options: ParseOptions = {}): Promise<Session | undefined> {
  const report = new Reporter(file);
  try {
    return await parse(file, report, options);
  } catch (error) {
    report.error(
      "Erreur interne de minutier pendant la lecture de ce fichier : le fichier n'a pas pu être analysé. " +
        'Merci de signaler ce problème avec le fichier en cause' +
        (error instanceof Error ? ` (${error.name} : ${error.message.split('\n')[0]}).` : '.'),
      startPosition(),
      'parse-internal',
    );
    return undefined;
  }
}

/** Session path as given, relative to the working directory when it is inside it. */
function sessionPath(file: VFile): string {
  if (!file.path) return 'seance.md';
  return path.isAbsolute(file.path) ? displayPath(file.path) : file.path;
}

async function parse(file: VFile, report: Reporter, options: ParseOptions): Promise<Session | undefined> {
  const decoded = decodeSource(file.value);
  if (!decoded.ok) {
    const locator = new Locator(decoded.text);
    report.error(decoded.reason, locator.position(decoded.offset, decoded.offset), decoded.ruleId);
    return undefined;
  }
  const source = decoded.text;
  const locator = new Locator(source);
  if (source.trim() === '') {
    report.error(
      'Le fichier est vide : une séance commence par un en-tête YAML entre deux lignes « --- » (voir docs/format.md).',
      startPosition(),
      'parse-empty',
    );
    return undefined;
  }

  const tree = processor.parse(source);
  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!yamlNode?.position || yamlNode.position.start.offset === undefined) {
    const firstLine = source.split(/\r\n|\r|\n/u)[0] ?? '';
    report.error(
      'En-tête YAML manquant : le fichier doit commencer par une ligne « --- », les faits de la séance ' +
        '(organisation, date, président…), puis une autre ligne « --- ».',
      locator.position(0, firstLine.length),
      'parse-frontmatter',
    );
    return undefined;
  }
  const fence = yamlNode.position.start.offset;
  let contentStart = fence + 3;
  if (source[contentStart] === '\r') contentStart++;
  if (source[contentStart] === '\n') contentStart++;
  if (source.slice(contentStart, contentStart + yamlNode.value.length) !== yamlNode.value) {
    const found = source.indexOf(yamlNode.value, fence);
    if (found >= 0) contentStart = found;
  }
  const frontmatterPosition: Position = locator.position(fence, fence + 3);
  const yaml = new YamlSource(yamlNode.value, contentStart, locator);
  if (!yaml.check(report)) return undefined;
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    report.error(
      "L'en-tête YAML doit être fait de clés « clé: valeur » (organisation, date, heure, lieu, president…).",
      yamlNode.value.trim() === '' ? frontmatterPosition : yaml.position([]),
      yamlNode.value.trim() === '' ? 'parse-empty' : 'parse-schema',
    );
    return undefined;
  }
  const data = validate(sessionShape, yaml.data, yaml, report, { missingPlace: frontmatterPosition });

  // The organisation: a file found from the session's folder, or inline keys.
  let organisation: Organisation | undefined;
  const organisationData = (yaml.data as Record<string, unknown>).organisation;
  if (typeof organisationData === 'string') {
    const fromDir = file.path ? path.dirname(path.resolve(file.path)) : process.cwd();
    const loader = options.organisationLoader ?? loadOrganisation;
    const loaded = await loader(organisationData.trim(), fromDir);
    if (loaded.file) file.data.organisationFile = loaded.file;
    const place = yaml.position(['organisation']);
    if (loaded.error) report.error(loaded.error, place, 'parse-organisation');
    else if (!loaded.organisation) {
      const problems = loaded.file?.messages.filter((message) => message.fatal) ?? [];
      const first = problems[0];
      const shown = loaded.file?.path ?? `organisations/${organisationData}.yml`;
      report.error(
        `Le fichier de l'organisme ${shown} contient ${problems.length > 1 ? `${problems.length} erreurs` : 'une erreur'}` +
          (first ? ` ; ligne ${first.line ?? 1}, colonne ${first.column ?? 1} : ${first.reason}` : '.'),
        place,
        'parse-organisation',
        `Corrigez ${shown} : ses erreurs sont signalées à leur place dans ce fichier.`,
      );
    } else organisation = loaded.organisation;
  } else if (organisationData && typeof organisationData === 'object' && !Array.isArray(organisationData)) {
    organisation = buildOrganisation(yaml, ['organisation'], report, 'organisation', { data: organisationData });
  }

  if (!data || !organisation) return undefined;
  const values = new Values(yaml, report);
  // The regime of the session's date: its own legal basis, the organisation's dated regimes, the legal periods.
  const sessionRegime =
    data.regime === undefined
      ? undefined
      : data.regime === 'ordinaire'
        ? 'ordinaire'
        : regimeRule(data.regime, ['regime'], values, report, yaml);
  organisation = organisationAt(organisation, data.date, {
    ...(sessionRegime ? { session: sessionRegime, sessionPosition: yaml.position(['regime']) } : {}),
    ...(organisation.regimes ? { own: organisation.regimes } : {}),
  });
  const header = buildHeader(data, values, organisation, frontmatterPosition);
  if (!header) return undefined;

  const body = buildBody(tree, 1, { source, locator, report, ...seatsOf(organisation) });
  if (!body) return undefined;
  body.disabled.unshift(...yamlDisabled(yamlNode.value, locator.point(contentStart).line));

  const sessionFile = sessionPath(file);
  const session: Session = {
    path: sessionFile,
    id: path.basename(sessionFile).replace(/\.(?:md|markdown)$/iu, ''),
    organisation,
    ...header,
    tree,
    ...body,
    source,
    keyPositions: frontmatterKeyPositions(yaml),
  };
  return report.errors > 0 ? undefined : session;
}

/** The positions of the frontmatter's top-level keys (the key itself, not its value). */
function frontmatterKeyPositions(yaml: YamlSource): Partial<Record<string, Position>> {
  const positions: Partial<Record<string, Position>> = {};
  const data = yaml.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return positions;
  for (const key of Object.keys(data)) {
    const node = yaml.keyNode([key]);
    if (node) positions[key] = yaml.keyPosition([key]);
  }
  return positions;
}

/** `# minutier-disable-next-line rule` comments in the frontmatter (lines in the session file). */
function yamlDisabled(text: string, firstLine: number): Session['disabled'] {
  const lines = text.split(/\r\n|\r|\n/u);
  const disabled: Session['disabled'] = [];
  lines.forEach((line, index) => {
    const match = /#\s*minutier-disable-next-line\b(.*)$/u.exec(line);
    if (!match) return;
    const ids = (match[1] ?? '').split(/[\s,]+/u).filter(Boolean);
    const target = nextNonBlankLine(lines, index + 1) - 1 + firstLine;
    disabled.push({ ruleIds: ids, from: target, to: target });
  });
  return disabled;
}

/** The largest plausible vote count (src/parse/vote-counts.ts): the body's seats or voices, when stated. */
function seatsOf(organisation: Organisation): { maxCount?: number } {
  const seats = Math.max(
    organisation.totalVoices?.value ?? 0,
    organisation.delegatesInOffice?.value ?? 0,
    organisation.roster.reduce((sum, delegate) => sum + (delegate.voices ?? 1), 0),
  );
  return seats > 0 ? { maxCount: seats } : {};
}
