/**
 * The Handlebars templates, compiled once per run and per templates folder.
 *
 * Every `.hbs` file of `templates/` is a partial under its base name ("heading", "attendance"…) and can be rendered
 * as a document ("pv", "liste", "extrait", "index", "header", "footer"). An organisation may point to its own folder
 * (`organisation.templates`, relative to the organisation file): each file found there replaces the default of the
 * same name, the others keep the default. `print.css` follows the same rule.
 *
 * Only template files are ever compiled. Session content reaches the templates as data: `{{…}}` escapes it, and
 * `{{{…}}}` is used only for HTML produced by src/html/markdown.ts (sanitized) or by minutier itself (CSS, fonts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { defaultTemplatesDir } from './assets.js';

export type DocumentName = 'pv' | 'liste' | 'extrait' | 'index' | 'header' | 'footer';

export interface TemplateSet {
  render(name: DocumentName, data: unknown): string;
  /** The same document without its page (`layout.hbs`): only what the layout puts in `<body>`, as an HTML fragment. */
  renderFragment(name: DocumentName, data: unknown): string;
  /** The print stylesheet (the organisation's own `print.css` when it has one). */
  css: string;
  /** The folders the files came from, in lookup order. */
  dirs: string[];
  /** Names of the templates (without `.hbs`) that the custom folder replaces. */
  overridden: ReadonlySet<string>;
}

const cache = new Map<string, TemplateSet>();

const COMPILE_OPTIONS = { strict: false, preventIndent: true } as const;

function templateFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir).sort()) {
    if (entry.endsWith('.hbs')) files.set(entry.slice(0, -'.hbs'.length), path.join(dir, entry));
  }
  return files;
}

function registerHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  handlebars.registerHelper('inc', (n: unknown) => Number(n) + 1);
  handlebars.registerHelper('join', (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '',
  );
}

/**
 * The templates of a folder (falling back to minutier's defaults file by file), compiled once and cached for the
 * run. `customDir` undefined gives the defaults.
 */
export function loadTemplates(customDir?: string): TemplateSet {
  const defaultsDir = defaultTemplatesDir();
  const key = customDir ? path.resolve(customDir) : '';
  const cached = cache.get(key);
  if (cached) return cached;

  if (customDir && !existsSync(customDir)) {
    throw new Error(`Dossier de gabarits introuvable : ${customDir}`);
  }
  const files = templateFiles(defaultsDir);
  const overridden = new Set<string>();
  if (customDir) {
    for (const [name, file] of templateFiles(customDir)) {
      files.set(name, file);
      overridden.add(name);
    }
  }

  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, file] of files) {
    const template = handlebars.compile(readFileSync(file, 'utf8'), COMPILE_OPTIONS);
    // Registered compiled: a partial registered as source is compiled where it is used, and kept only when the call
    // passes no partials of its own — renderFragment passes one, so it recompiled every partial on every call.
    handlebars.registerPartial(name, template);
    compiled.set(name, template);
  }
  const fragmentPartials = { layout: handlebars.compile('{{> @partial-block }}', COMPILE_OPTIONS) };

  const cssFile =
    customDir && existsSync(path.join(customDir, 'print.css'))
      ? path.join(customDir, 'print.css')
      : path.join(defaultsDir, 'print.css');

  const set: TemplateSet = {
    css: readFileSync(cssFile, 'utf8'),
    dirs: customDir ? [path.resolve(customDir), defaultsDir] : [defaultsDir],
    overridden,
    render(name, data) {
      const template = compiled.get(name);
      if (!template) throw new Error(`Gabarit introuvable : ${name}.hbs`);
      return template(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    },
    renderFragment(name, data) {
      const template = compiled.get(name);
      if (!template) throw new Error(`Gabarit introuvable : ${name}.hbs`);
      return template(data, {
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
        partials: fragmentPartials,
      });
    },
  };
  cache.set(key, set);
  return set;
}

/** Forgets compiled templates (tests that change template files). */
export function clearTemplateCache(): void {
  cache.clear();
}
