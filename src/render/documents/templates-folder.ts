/**
 * The templates a document is rendered with: the explicit option, the organisation's own folder, or the defaults.
 * The organisation's folder was checked by the parse stage (src/parse/organisation-templates.ts: never chosen by a
 * session, never out of the repository, symbolic links followed); the model carries the folder it allowed.
 */
import type { Session } from '../../model/types.js';
import { loadTemplates, type TemplateSet } from '../templates.js';
import type { RenderOptions } from './layout.js';

/** The explicit templates folder, or the organisation's own (as the parse stage allowed it), or the defaults. */
export function templatesFor(session: Session, options: RenderOptions = {}): TemplateSet {
  if (options.templatesDir) return loadTemplates(options.templatesDir);
  return loadTemplates(session.organisation.templatesFolder);
}
