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

let baseFontFaceCss: string | undefined;
const extraFontFaceCss = new Map<FontSubset, string>();

/**
 * `@font-face` rules for the bundled fonts, inlined as data: URLs: Source Serif 4 latin + latin-ext (400, 600, 700 and
 * 400 italic) always; its Greek, Cyrillic and Vietnamese subsets and the Noto Emoji fallback only when `text` (the
 * document) has a character that only they draw, so a PV in French carries no font it does not use.
 */
export function fontFaces(text = ''): string {
  baseFontFaceCss ??= BASE.flatMap((subset) => FACES.map((face) => fontFaceRule(subset, face))).join('\n');
  const needed = new Set<FontSubset>();
  for (const char of text) {
    const point = char.codePointAt(0)!;
    if (point < 0x250) continue;
    const subset = subsetFor(point);
    if (subset && !subset.base) needed.add(subset);
  }
  const extra = EXTRA.filter((subset) => needed.has(subset)).map((subset) => {
    let css = extraFontFaceCss.get(subset);
    if (css === undefined) {
      const faces = subset.singleFace ? [{ weight: 400, style: 'normal' } as const] : FACES;
      css = faces.map((face) => fontFaceRule(subset, face)).join('\n');
      extraFontFaceCss.set(subset, css);
    }
    return css;
  });
  return [baseFontFaceCss, ...extra].join('\n');
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
