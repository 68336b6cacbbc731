/**
 * The review page (`output/<session>.review.html`): the procès-verbal as it will be printed, with every finding of
 * `minutier check` shown at its place — the very number (or name) highlighted, its explanation right under the
 * paragraph or table row — and the list of all findings on top. Standalone and without any script: anchors and
 * `:target` do the navigation.
 *
 * How findings are placed. The PV is rendered by `renderSessionHtml` from a copy of the session in which the text
 * to highlight is wrapped in private-use characters (U+E000…U+E003): they go through Markdown rendering, the
 * sanitizer and the templates like ordinary letters. The rendered body is then parsed (rehype-raw) and each pair
 * becomes a `<mark id="finding-N">`. What is not typed text in the PV gets found after rendering instead:
 * - a row's voices (formatted by the template): a marker on the row's name, then the row's voices cell is marked;
 * - the stated figures of the frontmatter: the formatted figure in the quorum sentence;
 * - any other frontmatter value: its text, searched in the rendered page.
 * A finding that has no visible place is attached to its deliberation, or listed under « Constats sans emplacement
 * visible ». None is lost.
 */
export type { ReviewSeverity } from './review/findings.js';
export { renderReview } from './review/page.js';
