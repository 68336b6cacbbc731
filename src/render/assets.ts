/**
 * Files the rendered documents embed: the Source Serif 4 fonts as data: URLs (the HTML is standalone, the PDF needs
 * no request), and where minutier's default templates live.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Unicode ranges as @fontsource/source-serif-4 declares them. */
const RANGES = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF',
} as const;

const FACES: Array<{ weight: 400 | 600 | 700; style: 'normal' | 'italic' }> = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
];

let fontFaceCss: string | undefined;

/** `@font-face` rules for Source Serif 4 (latin + latin-ext; 400, 600, 700 and 400 italic), fonts inlined. Cached. */
export function fontFaces(): string {
  fontFaceCss ??= fontFaceRules(FACES);
  return fontFaceCss;
}

let headerFontFaceCss: string | undefined;

/**
 * The regular face alone, for Chromium's running header and footer: they are separate documents that cannot use the
 * page's fonts, and without their own @font-face they would fall back to whatever serif the machine has.
 */
export function headerFontFaces(): string {
  headerFontFaceCss ??= fontFaceRules([{ weight: 400, style: 'normal' }]);
  return headerFontFaceCss;
}

function fontFaceRules(faces: ReadonlyArray<{ weight: number; style: string }>): string {
  const rules: string[] = [];
  for (const subset of ['latin-ext', 'latin'] as const) {
    for (const { weight, style } of faces) {
      const file = require.resolve(`@fontsource/source-serif-4/files/source-serif-4-${subset}-${weight}-${style}.woff2`);
      const data = readFileSync(file).toString('base64');
      rules.push(
        [
          '@font-face {',
          "  font-family: 'Source Serif 4';",
          `  font-style: ${style};`,
          `  font-weight: ${weight};`,
          '  font-display: block;',
          `  src: url(data:font/woff2;base64,${data}) format('woff2');`,
          `  unicode-range: ${RANGES[subset]};`,
          '}',
        ].join('\n'),
      );
    }
  }
  return rules.join('\n');
}
