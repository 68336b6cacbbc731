import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type PrintJob } from '../../src/print/printer.js';
import { pageFooter, runningHeader } from './header-footer-template.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fontDir = path.join(repoRoot, 'node_modules/@fontsource/source-serif-4/files');
export const fontUrl = pathToFileURL(path.join(fontDir, 'source-serif-4-latin-400-normal.woff2')).href;

export const headings = ['Ouverture de la séance', 'Approbation du budget primitif', 'Questions diverses'];

/** A two-page French procès-verbal with a web font loaded from an allowed folder. */
export function frenchDocument(): string {
  const [first, second, third] = headings;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>titre HTML remplacé par les métadonnées</title>
<style>
  @font-face { font-family: "Source Serif 4"; font-weight: 400; src: url("${fontUrl}") format("woff2"); }
  body { font-family: "Source Serif 4", serif; font-size: 11pt; }
  h1, h2 { font-weight: 400; }
  table { border-collapse: collapse; }
  td, th { border: 1px solid #000; padding: 2mm; }
  .saut { break-before: page; }
</style>
</head>
<body>
<h1>Procès-verbal de la séance du comité syndical</h1>
<h2>${first}</h2>
<p>L’an deux mille vingt-deux, le vingt-huit juin, le comité syndical s’est réuni à la mairie sous la présidence de Mme Hélène Durand.</p>
<h2>${second}</h2>
<table>
  <thead><tr><th>Vote</th><th>Voix</th></tr></thead>
  <tbody><tr><td>Pour</td><td>12</td></tr><tr><td>Contre</td><td>3</td></tr><tr><td>Abstentions</td><td>1</td></tr></tbody>
</table>
<section class="saut">
<h2>${third}</h2>
<p>L’ordre du jour étant épuisé, la séance est levée à vingt heures quinze.</p>
</section>
</body>
</html>`;
}

export function frenchJob(overrides: Partial<PrintJob> = {}): PrintJob {
  return {
    html: frenchDocument(),
    title: 'Procès-verbal du comité syndical du 28 juin 2022',
    author: 'Syndicat intercommunal des eaux',
    subject: 'Procès-verbal de séance',
    keywords: ['procès-verbal', 'comité syndical'],
    lang: 'fr-FR',
    headerTemplate: runningHeader('Comité syndical — 28 juin 2022', 'Procès-verbal'),
    footerTemplate: pageFooter(),
    date: new Date('2022-06-28T18:00:00Z'),
    documentId: 'sie-2022-06-28',
    allowedDirs: [fontDir],
    ...overrides,
  };
}
