/**
 * The organisation a session belongs to: `organisations/<id>.yml`, found by walking up from the session's folder,
 * or written inline in the frontmatter. Organisation files are parsed with the same care as sessions; their
 * findings are messages on a VFile of their own (positions in the organisation file), and the session gets one
 * `parse-organisation` error at its `organisation:` value when that file cannot be used.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { Organisation } from '../model/types.js';
import { decodeSource, Locator } from './source.js';
import { Reporter } from './report.js';
import { YamlSource } from './yaml.js';
import { buildOrganisation } from './organisation-build.js';

export { buildOrganisation } from './organisation-build.js';
export { regimeRule } from './organisation-regime.js';
export { templatesRefusal } from './organisation-templates.js';

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
      report.error(
        "Le fichier de l'organisme est vide : il doit au moins donner « nom: … ».",
        locator.position(0, 0),
        'parse-empty',
      );
      return { file, path: absolute };
    }
    const source = new YamlSource(decoded.text, 0, locator, shown);
    if (!source.check(report)) return { file, path: absolute };
    const organisation = buildOrganisation(source, [], report, id, {
      whole: locator.position(0, Math.min(decoded.text.length, 1)),
    });
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
