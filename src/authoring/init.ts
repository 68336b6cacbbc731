/**
 * `minutier init [dossier]`: a minutes repository for one body — package.json depending on minutier, the
 * organisation file, sessions/, the GitHub workflow, .gitignore and a README for the secretary.
 * Every answer comes from a flag or, on a terminal, from a question (@clack/prompts); nothing existing is
 * overwritten without --force.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InitAnswers, InitResult } from './init-answers.js';
import { organisationYaml, packageJson, readme } from './init-file-contents.js';
import { AuthoringError } from './shared.js';

export {
  FORMES,
  parseCollege,
  positive,
  resolveForme,
  splitNames,
  type CollegeAnswer,
  type InitAnswers,
  type InitResult,
  type InitValues,
} from './init-answers.js';
export { organisationYaml } from './init-file-contents.js';
export { completeInit } from './init-questions.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Writes the repository; refuses (before writing anything) when a file exists and --force is not given. */
export async function writeRepository(v: InitAnswers): Promise<InitResult> {
  const dir = path.resolve(v.dir);
  const files: Array<[string, string]> = [
    ['package.json', packageJson(v)],
    [path.join('organisations', `${v.id}.yml`), organisationYaml(v)],
    [path.join('sessions', '.gitkeep'), ''],
    [
      path.join('.github', 'workflows', 'minutes.yml'),
      await readFile(path.join(packageRoot, '.github', 'workflows', 'minutes.yml'), 'utf8'),
    ],
    ['.gitignore', 'node_modules/\noutput/\n'],
    ['README.md', readme(v)],
  ];
  const existing = files.map(([relative]) => relative).filter((relative) => existsSync(path.join(dir, relative)));
  if (existing.length > 0 && !v.force) {
    throw new AuthoringError(
      `${existing.length > 1 ? 'Ces fichiers existent déjà' : 'Ce fichier existe déjà'} dans ${dir} : ${existing.join(', ')}. ` +
        'Rien n’a été écrit ; relancez avec --force pour les remplacer.',
    );
  }
  for (const [relative, content] of files) {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return { dir, id: v.id, written: files.map(([relative]) => relative) };
}
