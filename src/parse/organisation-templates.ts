/**
 * Whether an organisation's `templates:` folder may be used (templates are trusted code of the repository): the one
 * check, here; the model carries the folder it allows (`Organisation.templatesFolder`) and render loads from it.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Why a `templates:` value cannot be used, or undefined. Templates are code of the repository (compiled and trusted):
 * a session never chooses them, and an organisation file only names a folder of its own repository — relative to the
 * organisation file, inside the folder that holds `organisations/`.
 */
export function templatesRefusal(templates: string, inOrganisationFile: boolean): string | undefined {
  if (!inOrganisationFile) {
    return (
      "Une séance ne choisit pas ses gabarits : « templates » ne peut pas figurer dans l'organisme écrit dans l'en-tête ; " +
      'écrivez « templates: » dans le fichier organisations/<id>.yml.'
    );
  }
  // Checked as written: this exact text is what the renderer resolves.
  const value = templates;
  if (value.trim() === '')
    return '« templates » est vide : donnez le dossier des gabarits, par exemple « ../gabarits ».';
  if (value.includes('\0')) return '« templates » contient un caractère nul : donnez un simple nom de dossier.';
  if (path.isAbsolute(value) || path.win32.isAbsolute(value)) {
    return (
      `« templates » : « ${value} » est un chemin absolu ; donnez un dossier du dépôt, relatif au fichier de ` +
      "l'organisme (par exemple « ../gabarits »)."
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

/** True when `folder` is `root` or inside it (both absolute). */
function isInside(root: string, folder: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The folder an organisation file's `templates:` names (absolute), or why it cannot be used: besides the refusals of
 * `templatesRefusal` (as written), a folder that leaves the repository once symbolic links are followed. The
 * repository is the folder that holds `organisations/`.
 */
export function templatesFolder(templates: string, organisationFile: string): { folder: string } | { refusal: string } {
  const refusal = templatesRefusal(templates, true);
  if (refusal) return { refusal };
  const organisationsDir = path.dirname(path.resolve(organisationFile));
  const root = path.dirname(organisationsDir);
  const folder = path.resolve(organisationsDir, templates);
  const real = (target: string) => (existsSync(target) ? realpathSync(target) : target);
  if (!isInside(root, folder) || !isInside(real(root), real(folder))) {
    return { refusal: `Dossier de gabarits refusé : « ${templates} » sort du dépôt de ${organisationFile}.` };
  }
  return { folder };
}
