/**
 * The publication facts an author writes for one deliberation, in an HTML comment of its section — invisible in the
 * PV, like the `<!-- minutier-disable … -->` comments (docs/format.md):
 *
 *   ### 6. Budget supplémentaire 2022
 *   <!-- matiere: 7.1 -->
 *   <!-- matiere: 7.1 ; budget: Budget annexe de l'eau -->
 *
 * `matiere` is a code of the ACTES nomenclature (src/publish/actes-nomenclature.ts); `budget` names the budget a
 * budget act applies to (BUDGET_NOM of the SCDL). Nothing here is printed.
 */
import type { Html, Nodes } from 'mdast';
import type { Deliberation, Located, Position, Session } from '../model/types.js';
import { Locator } from './source.js';

export interface PublicationFacts {
  /** The code as written ("7.1"), where it is written. */
  matiere?: Located<string>;
  /** The budget's name as written. */
  budget?: Located<string>;
  /** Where the comment is, for findings about a comment without a code. */
  comment?: Position;
}

const COMMENT = /<!--([\s\S]*?)-->/gu;
const ENTRY = /(matiere|matière|budget)\s*:\s*([^;\n]*)/giu;

/** One locator per session: the rule and the CSV ask for every deliberation of the same file. */
const locators = new WeakMap<Session, Locator>();

/** The raw HTML nodes under `node`, in document order (as `unist-util-visit` walks them, without its cost). */
function eachHtml(node: Nodes, callback: (node: Html) => void): void {
  if (node.type === 'html') callback(node);
  if ('children' in node) for (const child of node.children) eachHtml(child, callback);
}

/** The `<!-- matiere: … -->` facts of a deliberation (the first comment that gives each key). */
export function publicationFacts(session: Session, deliberation: Deliberation): PublicationFacts {
  const facts: PublicationFacts = {};
  const nodes = session.tree.children.slice(deliberation.children.start, deliberation.children.end);
  const source = session.source;
  let locator = locators.get(session);
  if (!locator) locators.set(session, (locator = new Locator(source)));
  const span = (start: number, end: number) => locator.position(start, end);
  for (const top of nodes) {
    eachHtml(top, (node) => {
      const from = node.position?.start.offset;
      const to = node.position?.end.offset;
      if (from === undefined || to === undefined) return;
      const text = source.slice(from, to);
      for (const comment of text.matchAll(COMMENT)) {
        const body = comment[1] ?? '';
        if (!/^\s*(matiere|matière|budget)\s*:/iu.test(body)) continue;
        const bodyFrom = from + comment.index + 4;
        facts.comment ??= span(from + comment.index, from + comment.index + comment[0].length);
        for (const entry of body.matchAll(ENTRY)) {
          const key = entry[1]!.toLowerCase().startsWith('budget') ? 'budget' : 'matiere';
          const raw = entry[2] ?? '';
          const value = raw.trim();
          const valueFrom =
            bodyFrom + entry.index + entry[0].length - raw.length + (raw.length - raw.trimStart().length);
          if (facts[key] || !value) continue;
          facts[key] = { value, position: span(valueFrom, valueFrom + value.length) };
        }
      }
    });
  }
  return facts;
}
