/** Zod issues turned into positioned French messages, each placed on the YAML node its path designates. */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { Position } from 'unist';
import type { Reporter } from './report.js';
import type { YamlSource, Path } from './yaml.js';
import { objectKeysAt, REQUIRED_HINTS } from './schema.js';

function describe(input: unknown): string {
  if (input === null) return 'une valeur vide';
  if (Array.isArray(input)) return 'une liste';
  switch (typeof input) {
    case 'string':
      return `le texte « ${input.length > 40 ? `${input.slice(0, 40)}…` : input} »`;
    case 'number':
      return `le nombre ${input}`;
    case 'boolean':
      return `la valeur ${input}`;
    case 'object':
      return 'un ensemble de clés';
    default:
      return 'une valeur';
  }
}

const EXPECTED: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  boolean: 'true ou false',
  array: 'une liste (« - … » ou « [ … ] »)',
  object: 'des clés (« clé: valeur »)',
  record: 'des clés (« clé: valeur »)',
};

/** Per-parse error map: French messages for the generic issues (schemas carry their own for the specific ones). */
export function frenchIssue(issue: { code?: string; input?: unknown; expected?: string; values?: unknown[] }): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${EXPECTED[issue.expected ?? ''] ?? issue.expected} est attendu, pas ${describe(issue.input)}`;
    case 'invalid_value':
      return `valeur non reconnue : valeurs possibles : ${(issue.values ?? []).join(', ')}`;
    case 'too_small':
      return 'ne peut pas être vide';
    default:
      return 'valeur incorrecte';
  }
}

function label(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key + 1}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Suggests the nearest known key, when it is close enough to be a typo. */
export function suggestKey(unknown: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const nearest = closest(unknown, known);
  const allowed = Math.max(2, Math.floor(unknown.length / 3));
  return distance(unknown, nearest) <= allowed ? nearest : undefined;
}

/**
 * `{ nom: X, voix: 1,5 }`: in a flow mapping the comma separates entries, so YAML reads `voix: 1` and a key `5`.
 * When an unknown key made of digits follows `name: digits,`, the author meant a French decimal: say so, at the number.
 */
function decimalSplitByFlowComma(source: YamlSource, path: Path): { reason: string; position: Position } | undefined {
  const key = path.at(-1);
  if (typeof key !== 'string' || !/^\d+$/u.test(key)) return undefined;
  const keyRange = source.keyNode(path)?.range;
  if (!keyRange) return undefined;
  const before = source.text.slice(0, keyRange[0]);
  const match = /([\p{L}_][\p{L}\p{N}_-]*)[ \t]*:[ \t]*([-+]?\d[\d ]*?)[ \t]*,[ \t]*$/du.exec(before);
  if (!match?.indices) return undefined;
  const [name, integer] = [match[1]!, match[2]!];
  const written = `${integer},${key}`;
  return {
    reason:
      `« ${name}: ${written} » : entre accolades { … }, la virgule sépare les clés, et YAML lit « ${name}: ${integer} » puis une clé « ${key} ». ` +
      `Pour le nombre ${written}, écrivez-le entre guillemets : ${name}: "${written}".`,
    position: source.range(match.indices[2]![0], keyRange[1]),
  };
}

/**
 * Validates `source.data` against a schema; every issue becomes a positioned error.
 * `prefix` is the path of the data inside the YAML document (for an inline organisation).
 */
export function validate<T extends z.ZodType>(
  schema: T,
  data: unknown,
  source: YamlSource,
  report: Reporter,
  options: { prefix?: Path; missingPlace?: Position; what?: string } = {},
): z.infer<T> | undefined {
  const prefix = options.prefix ?? [];
  const result = schema.safeParse(data, { error: (issue) => frenchIssue(issue) });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = [...prefix, ...(issue.path as Array<string | number>)];
    if (issue.code === 'unrecognized_keys') {
      const known = objectKeysAt(schema, issue.path) ?? [];
      for (const key of issue.keys) {
        const decimal = decimalSplitByFlowComma(source, [...path, key]);
        if (decimal) {
          report.error(decimal.reason, decimal.position, 'parse-number');
          continue;
        }
        const suggestion = suggestKey(key, known);
        const reason = suggestion
          ? `Clé inconnue « ${key} » : vouliez-vous dire « ${suggestion} » ?`
          : `Clé inconnue « ${key} »${issue.path.length ? ` dans « ${label(issue.path)} »` : ''} : clés permises : ${known.join(', ')}.`;
        report.error(reason, source.keyPosition([...path, key]), 'parse-unknown-key');
      }
      continue;
    }
    const field = label(issue.path) || options.what || 'la valeur';
    const key = issue.path.at(-1);
    if (!source.has(path) && issue.code !== 'custom') {
      const hint = typeof key === 'string' ? REQUIRED_HINTS[key] : undefined;
      const parent = path.slice(0, -1);
      const place = parent.length === 0 && options.missingPlace ? options.missingPlace : source.keyPosition(parent);
      report.error(`Champ obligatoire manquant : « ${field} »${hint ? ` (${hint})` : ''}.`, place, 'parse-schema');
      continue;
    }
    const position = source.position(path);
    const message = issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
    report.error(`« ${field} » : ${message}.`, position, 'parse-schema');
  }
  return undefined;
}
