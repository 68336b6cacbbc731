/**
 * The templates a document is rendered with: the explicit option, the organisation's own folder, or the defaults.
 * parse/organisation.ts already refuses a `templates:` value written in a session or leaving the repository as written;
 * what only the file system can tell (a symbolic link out of the repository) is checked here, once, before loading.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Session } from '../../model/types.js';
import { loadTemplates, type TemplateSet } from '../templates.js';
import type { RenderOptions } from './layout.js';

/** True when `folder` is `root` or inside it (both absolute). */
function isInside(root: string, folder: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The organisation's templates folder (relative to its file), or the explicit option, or the defaults.
 * Templates are compiled code: besides the parser's refusal, a folder is only used when it lies inside the
 * repository of the organisation file (the folder that holds `organisations/`), and never for an inline organisation.
 */
export function templatesFor(session: Session, options: RenderOptions = {}): TemplateSet {
  if (options.templatesDir) return loadTemplates(options.templatesDir);
  const custom = session.organisation.templates;
  if (!custom) return loadTemplates();
  if (!session.organisation.file) {
    throw new Error(
      "Une séance ne choisit pas ses gabarits : « templates » n'est permis que dans organisations/<id>.yml.",
    );
  }
  const organisationsDir = path.dirname(path.resolve(session.organisation.file));
  const root = path.dirname(organisationsDir);
  const folder = path.resolve(organisationsDir, custom);
  const real = (target: string) => (existsSync(target) ? realpathSync(target) : target);
  if (!isInside(root, folder) || !isInside(real(root), real(folder))) {
    throw new Error(`Dossier de gabarits refusé : « ${custom} » sort du dépôt de ${session.organisation.file}.`);
  }
  return loadTemplates(folder);
}
