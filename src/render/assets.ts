/**
 * Files the rendered documents embed: the Source Serif 4 fonts as data: URLs (the HTML is standalone, the PDF needs
 * no request), and where minutier's default templates live.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontSubset } from '../model/font-coverage.js';
import { BASE_SUBSETS as BASE, EXTRA_SUBSETS as EXTRA, subsetFor } from '../model/glyphs.js';

export { isCovered, subsetFor } from '../model/glyphs.js';

const require = createRequire(import.meta.url);

/** The folder holding minutier's package.json (from src/render or dist/render alike). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) {
      const name = (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name;
      if (name === 'minutier') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Dossier de minutier introuvable (package.json).');
    dir = parent;
  }
}

export function defaultTemplatesDir(): string {
  return path.join(packageRoot(), 'templates');
}

const FACES: Array<{ weight: 400 | 600 | 700; style: 'normal' | 'italic' }> = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
];

const fontFaceCss = new Map<FontSubset, string>();
const basePatterns = new Map<FontSubset, RegExp>();

/** A CSS unicode-range as the body of a regular-expression class: `U+0100-02BA,U+2113` → `\u{0100}-\u{02BA}\u{2113}`. */
function rangeClass(subset: FontSubset): string {
  const hex = (value: string) => `\\u{${value}}`;
  return subset.unicodeRange
    .split(',')
    .map((range) => {
      const [first = '', last] = range.trim().replace(/^U\+/iu, '').split('-');
      return last ? `${hex(first)}-${hex(last)}` : hex(first);
    })
    .join('');
}

/**
 * Whether the browser would load a base subset for `text` (latin always). Chromium checks the faces of one family
 * and style from the last defined to the first, so a base subset is used for a character of its unicode-range that
 * no later one covers (œ is in both latin-ext's range and latin's: latin, defined after, draws it). One class with
 * set difference (the `v` flag) finds such a character in one native scan.
 */
function usesBaseSubset(subset: FontSubset, text: string): boolean {
  if (subset.subset === 'latin') return true;
  let pattern = basePatterns.get(subset);
  if (!pattern) {
    const later = BASE.slice(BASE.indexOf(subset) + 1);
    pattern = new RegExp(`[[${rangeClass(subset)}]${later.map((other) => `--[${rangeClass(other)}]`).join('')}]`, 'v');
    basePatterns.set(subset, pattern);
  }
  return pattern.test(text);
}

function subsetCss(subset: FontSubset): string {
  let css = fontFaceCss.get(subset);
  if (css === undefined) {
    const faces = subset.singleFace ? [{ weight: 400, style: 'normal' } as const] : FACES;
    css = faces.map((face) => fontFaceRule(subset, face)).join('\n');
    fontFaceCss.set(subset, css);
  }
  return css;
}

/**
 * `@font-face` rules for the bundled fonts, inlined as data: URLs: Source Serif 4 latin (400, 600, 700 and 400 italic),
 * and latin-ext when `text` (the document) has a character that face would draw (usesBaseSubset); its Greek, Cyrillic and Vietnamese subsets and the fallbacks only when `text` has a character that
 * only they draw. A PV in French carries no font it does not use: each unused face was 20–27 KB of base64 to send to
 * the browser and for it to parse, per document.
 */
export function fontFaces(text = ''): string {
  const needed = new Set<FontSubset>();
  // Only the distinct characters past Latin Extended-B can need another subset: a native scan finds them.
  for (const char of new Set(text.match(/[^\t-\u024F]/gu))) {
    const subset = subsetFor(char.codePointAt(0)!);
    if (subset && !subset.base) needed.add(subset);
  }
  return [...BASE.filter((subset) => usesBaseSubset(subset, text)), ...EXTRA.filter((subset) => needed.has(subset))]
    .map(subsetCss)
    .join('\n');
}

function fontFaceRule(subset: FontSubset, { weight, style }: { weight: number; style: string }): string {
  const file = require.resolve(`${subset.pkg}/files/${subset.prefix}-${subset.subset}-${weight}-${style}.woff2`);
  const data = readFileSync(file).toString('base64');
  return [
    '@font-face {',
    `  font-family: '${subset.family}';`,
    `  font-style: ${style};`,
    `  font-weight: ${weight};`,
    '  font-display: block;',
    `  src: url(data:font/woff2;base64,${data}) format('woff2');`,
    `  unicode-range: ${subset.unicodeRange};`,
    '}',
  ].join('\n');
}

let headerFontFaceCss: string | undefined;

/**
 * The regular face alone, for Chromium's running header and footer: they are separate documents that cannot use the
 * page's fonts, and without their own @font-face they would fall back to whatever serif the machine has.
 */
export function headerFontFaces(): string {
  headerFontFaceCss ??= BASE.map((subset) => fontFaceRule(subset, { weight: 400, style: 'normal' })).join('\n');
  return headerFontFaceCss;
}
