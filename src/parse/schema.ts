/**
 * The shapes of the frontmatter (schema-session.ts) and of an organisation (schema-organisation.ts), in zod 4, with
 * French keys (docs/format.md) and French messages; the values they share are in schema-values.ts. Values stay close
 * to YAML here (numbers are `number | string`, read again from the source text later). Here: what the messages about
 * a missing or unknown key add.
 */
import type { z } from 'zod';

export { HOUR, isoDate, parseHour, yamlNumber } from './schema-values.js';
export { organisationShape, type OrganisationData } from './schema-organisation.js';
export { RULE_SETTINGS, sessionShape, type SessionData } from './schema-session.js';

/** Hints added to "missing field" messages. */
export const REQUIRED_HINTS: Record<string, string> = {
  organisation: "l'identifiant de l'organisme, par exemple « organisation: somme-numerique »",
  date: 'la date de la séance, par exemple « date: 2022-06-28 »',
  heure: "l'heure d'ouverture, par exemple « heure: 17h30 »",
  lieu: 'le lieu de la séance, par exemple « lieu: à la mairie »',
  president: 'le président de séance, par exemple « president: M. DUPONT Jean »',
  nom: 'le nom, par exemple « nom: Somme Numérique »',
  delegues: 'le nombre de délégués désignés par chaque membre, par exemple « delegues: 2 »',
  id: "l'identifiant du collège, par exemple « id: departement »",
};

/** The object schema reached by a path (for the list of known keys), unwrapping optionals, arrays and unions. */
export function objectKeysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] | undefined {
  let current: unknown = schema;
  const unwrap = (value: unknown): unknown => {
    let node = value as { def?: Record<string, unknown>; shape?: unknown } | undefined;
    for (let guard = 0; guard < 20 && node?.def; guard++) {
      const def = node.def as {
        type?: string;
        innerType?: unknown;
        in?: unknown;
        options?: unknown[];
        schema?: unknown;
      };
      if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')
        node = def.innerType as typeof node;
      else if (def.type === 'pipe') node = def.in as typeof node;
      else if (def.type === 'union') {
        const object = (def.options ?? []).map(unwrap).find((option) => (option as { shape?: unknown }).shape);
        node = (object ?? def.options?.[0]) as typeof node;
        if (!object) break;
      } else break;
    }
    return node;
  };
  for (const key of path) {
    const node = unwrap(current) as { shape?: Record<string, unknown>; def?: { type?: string; element?: unknown } };
    if (typeof key === 'number' && node?.def?.type === 'array') current = node.def.element;
    else if (node?.shape && typeof key === 'string') current = node.shape[key];
    else return undefined;
  }
  const node = unwrap(current) as { shape?: Record<string, unknown> };
  return node?.shape ? Object.keys(node.shape) : undefined;
}
