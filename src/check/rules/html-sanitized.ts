/**
 * Raw HTML in the session body that the rendering removes. The render stage decides (src/html/markdown.ts with
 * src/render/sanitize-schema.ts); this rule only asks it what it dropped and says so, at the place, in French, so
 * that an author (or a reviewer of a pull request) sees that the printed PV will not show what the file contains.
 */
import type { Root, RootContent } from 'mdast';
import type { Point, Position, Session } from '../../model/types.js';
import { nodesOfType } from '../../model/tree-index.js';
import { renderMarkdown, type DroppedItem } from '../../html/markdown.js';
import type { Rule } from '../rule.js';
import { ruleDocs } from './shared.js';

const id = 'html-sanitized';

const CODE = 'le procès-verbal ne peut pas exécuter de code';
const EMBED = 'le procès-verbal n’intègre ni page ni document extérieurs';
const IMAGE =
  'le procès-verbal ne charge aucune image, distante ou locale (un logo se met dans les gabarits de l’organisme)';
const STYLE = 'la mise en forme vient des gabarits de l’organisme, pas du texte de la séance';
const HEAD =
  'le texte de la séance ne peut pas changer l’en-tête du document (redirection, feuille de style, adresse de base)';
const FORM = 'un procès-verbal imprimé n’a pas de formulaire';
const DRAWING =
  'les dessins SVG et formules MathML ne sont pas permis (ils peuvent charger des ressources et exécuter du code)';
const FOLD = 'une page imprimée ne se replie pas : le texte est gardé, sans la balise';
const UNKNOWN =
  'elle ne fait pas partie des balises permises (voir docs/rules/html-sanitized.md) ; son texte est gardé';

const TAG_REASONS: Record<string, string> = {
  script: CODE,
  noscript: CODE,
  template: CODE,
  iframe: EMBED,
  frame: EMBED,
  frameset: EMBED,
  object: EMBED,
  embed: EMBED,
  applet: EMBED,
  portal: EMBED,
  img: IMAGE,
  image: IMAGE,
  picture: IMAGE,
  source: IMAGE,
  video: IMAGE,
  audio: IMAGE,
  track: IMAGE,
  canvas: IMAGE,
  style: STYLE,
  font: STYLE,
  center: STYLE,
  meta: HEAD,
  link: HEAD,
  base: HEAD,
  title: HEAD,
  head: HEAD,
  html: HEAD,
  body: HEAD,
  form: FORM,
  input: FORM,
  button: FORM,
  select: FORM,
  option: FORM,
  textarea: FORM,
  label: FORM,
  fieldset: FORM,
  svg: DRAWING,
  math: DRAWING,
  details: FOLD,
  summary: FOLD,
};

/** The feminine article of the sentence depends on the element's kind. */
function tagMessage(tag: string): string {
  if (tag === 'img' || tag === 'image' || tag === 'picture') return `L’image <${tag}> a été retirée : ${IMAGE}.`;
  return `La balise <${tag}> a été retirée : ${TAG_REASONS[tag] ?? UNKNOWN}.`;
}

/** The tag an attribute was written on, read from the source at the element's place (`<div …`), or "a" for a link. */
function elementAt(source: string, place: Position | undefined): string | undefined {
  const offset = place?.start.offset;
  if (offset === undefined) return undefined;
  const text = source.slice(offset, offset + 40);
  const tag = /^<([a-zA-Z][a-zA-Z0-9-]*)/u.exec(text)?.[1];
  if (tag) return tag.toLowerCase();
  if (text.startsWith('[') || text.startsWith('<')) return 'a';
  return undefined;
}

function attributeMessage(item: DroppedItem, source: string): string {
  const match = /^([^=]+)="(.*)"$/su.exec(item.tagOrAttr);
  const name = (match?.[1] ?? item.tagOrAttr).trim();
  const tag = elementAt(source, item.position);
  const on = tag ? ` de <${tag}>` : '';
  if (/^on/iu.test(name)) return `L’attribut ${name}${on} a été retiré : ${CODE}.`;
  if (match && (name === 'href' || name === 'src' || name === 'cite')) {
    const value = match[2]!;
    const scheme = /^\s*([a-zA-Z][a-zA-Z0-9+.-]*):/u.exec(value)?.[1]?.toLowerCase();
    const what = name === 'href' ? 'Le lien' : `L’adresse ${name}`;
    if (scheme === 'javascript' || scheme === 'vbscript') return `${what} « ${value} » a été retiré : ${CODE}.`;
    return (
      `${what} « ${value} »${name === 'href' ? '' : on} a été retiré : seules les adresses http:, https: et mailto: sont permises ` +
      '(un fichier local ou une donnée intégrée ne s’ouvre pas depuis un procès-verbal).'
    );
  }
  if (name === 'style') return `L’attribut style${on} a été retiré : ${STYLE}.`;
  return `L’attribut ${name}${on} a été retiré : il ne fait pas partie des attributs permis (voir docs/rules/html-sanitized.md).`;
}

const SAFE_URL = /^(?:https?:|mailto:|#)/iu;
const ONLY_COMMENTS = /^\s*(?:<!--[\s\S]*?-->\s*)*$/u;

/**
 * True when the sanitizer could drop something: raw HTML other than comments, an image, or a link whose address is not
 * http(s), mailto or an anchor. Most sessions have none, and then the body need not be rendered to know it.
 */
function mayDropSomething(tree: Root): boolean {
  return (
    nodesOfType(tree, 'html').some((node) => !ONLY_COMMENTS.test(node.value)) ||
    nodesOfType(tree, 'image').length > 0 ||
    nodesOfType(tree, 'imageReference').length > 0 ||
    nodesOfType(tree, 'link').some((node) => !SAFE_URL.test(node.url)) ||
    nodesOfType(tree, 'definition').some((node) => !SAFE_URL.test(node.url))
  );
}

/** Everything the rendering of the body drops, in file order. */
export function droppedHtml(session: Session): DroppedItem[] {
  const tree: Root = session.tree;
  if (!mayDropSomething(tree)) return [];
  const body = tree.children.filter((node: RootContent) => node.type !== 'yaml');
  return renderMarkdown(body, { source: session.source, annotations: session.annotations }).dropped;
}

export const htmlSanitized: Rule = {
  meta: {
    id,
    description:
      'Le HTML écrit dans le corps de la séance est imprimé tel quel : rien n’est retiré au rendu (scripts, images, cadres, styles, liens dangereux).',
    severity: 'warn',
    docs: ruleDocs(id),
  },
  check({ session, report }) {
    const source = session.source ?? '';
    for (const item of droppedHtml(session)) {
      const tag = /^<([^>]+)>$/u.exec(item.tagOrAttr)?.[1];
      const place: Position | Point = item.position ?? { line: 1, column: 1 };
      report({
        message: tag ? tagMessage(tag) : attributeMessage(item, source),
        place,
        note: 'Le procès-verbal produit ne contient pas ce qui a été retiré ; supprimez-le du fichier ou écrivez-le autrement.',
      });
    }
  },
};
