/**
 * What HTML a session body may carry into the rendered PV.
 *
 * Starting point: GitHub's sanitation (`defaultSchema` of hast-util-sanitize). A procès-verbal is prose, lists and
 * tables, so the schema keeps those and removes what a PV never needs:
 *
 * - **no images at all** (`img`, `picture`, `source`): a remote image would make the document depend on the network
 *   and let a third party track or alter the signed record; a data: image is never needed in the minutes' text
 *   (logos belong to the organisation's templates, not to the session body);
 * - no forms (`input`, the GFM task-list checkbox), no `details`/`summary` (a printed page cannot fold), no `ruby`;
 * - no `style` attribute, no `class` except the few GFM itself produces, no event handlers (never in the schema);
 * - links keep only `http:`, `https:` and `mailto:`; `cite` only `http:`/`https:`;
 * - added: `u` (underlining, common in PVs), and `br`, `sup`, `sub` stay (1er, m², footnotes);
 * - `script` and `style` are removed with their content; any other unknown element is unwrapped (its text stays).
 *
 * Ids from the body are prefixed with `user-content-` so they never clash with the template's ids.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';

const REMOVED_TAGS = new Set(['img', 'picture', 'source', 'input', 'details', 'summary', 'ruby', 'rp', 'rt']);
const ADDED_TAGS = ['u', 'br', 'sup', 'sub'];

const defaults: Schema = defaultSchema;

const tagNames = [...new Set([...(defaults.tagNames ?? []).filter((tag) => !REMOVED_TAGS.has(tag)), ...ADDED_TAGS])];

const attributes: NonNullable<Schema['attributes']> = {};
for (const [tag, allowed] of Object.entries(defaults.attributes ?? {})) {
  if (REMOVED_TAGS.has(tag)) continue;
  attributes[tag] = [...allowed];
}

export const sanitizeSchema: Schema = {
  ...defaults,
  tagNames,
  attributes,
  protocols: {
    href: ['http', 'https', 'mailto'],
    cite: ['http', 'https'],
  },
  required: {},
  strip: ['script', 'style'],
};
