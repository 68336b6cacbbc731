/**
 * The rendered documents of a session, as standalone HTML (fonts and CSS inlined, no external request):
 * the procès-verbal, the liste des délibérations (L2121-25), one extrait du registre per deliberation, and the index
 * of every session. Each comes with its title, subject and the running header/footer templates Chromium prints.
 * One module per document in documents/; their shared layout in documents/layout.ts.
 *
 * Reproducible: nothing depends on the clock or the machine; the same session gives the same bytes.
 */
export type { DroppedItem } from '../html/markdown.js';
export { renderMarkdown } from '../html/markdown.js';
export { renderDeliberationBody, renderSessionBody } from '../html/body.js';
export { loadTemplates, clearTemplateCache } from './templates.js';
export type { RenderedDocument, RenderOptions } from './documents/layout.js';
export { renderSessionHtml } from './documents/pv.js';
export { renderListeDeliberations } from './documents/liste.js';
export { renderExtrait } from './documents/extrait.js';
export { renderIndex, indexHeading, type IndexEntry } from './documents/index.js';
