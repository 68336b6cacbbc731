/**
 * Annotations written right after a number (docs/format.md §5): `{#name}`, `{#name op expr}`, `{op expr}`,
 * `{op expr ± tol}`. Only the name, operator, expression text and tolerance are read here; the expression itself is
 * parsed by src/check/expr.
 */
import type { FrenchNumber, NumberAnnotation, RelationOperator } from '../model/types.js';
import { isRead, parseFrenchNumber, scanNumbers } from '../model/numbers.js';
import type { Reporter } from './report.js';
import type { TextMap } from './text-map.js';

const BRACES = /\{([^{}\n]*)\}/gu;
const OPERATOR = /^(<=|>=|≤|≥|=|<|>|≈)/u;
const NAME = /^[\p{L}][\p{L}\p{N}_.]*/u;

/** True when the braces' content is meant as an annotation (starts with `#` or an operator). */
function looksLikeAnnotation(content: string): boolean {
  return /^\s*(?:#|<=|>=|≤|≥|=|<|>|≈)/u.test(content);
}

/**
 * Braces that are part of doubled (or tripled) braces — `{{#each this}}`, `{{> pv}}`, `{{{raw}}}` — are text, never an
 * annotation: the renderer prints them as typed (see `ANNOTATION` in src/render/markdown.ts).
 */
function insideDoubledBraces(text: string, from: number, to: number): boolean {
  return text[from - 1] === '{' || text[to] === '}';
}

function normaliseOperator(op: string): RelationOperator {
  if (op === '≤') return '<=';
  if (op === '≥') return '>=';
  return op as RelationOperator;
}

export interface FoundAnnotation {
  annotation: NumberAnnotation;
  /** Index range of the `{…}` in the block text. */
  from: number;
  to: number;
  /** Index range of the number it is attached to. */
  numberFrom: number;
}

/** A FrenchNumber located through the block's text map. */
export function locatedNumber(
  map: TextMap,
  parsed: ReturnType<typeof parseFrenchNumber> & object,
  from: number,
): FrenchNumber {
  const number: FrenchNumber = {
    value: parsed.value,
    decimals: parsed.decimals,
    raw: parsed.raw,
    unit: parsed.unit,
    position: map.position(from, from + parsed.raw.length),
  };
  if (parsed.tax) number.tax = parsed.tax;
  return number;
}

/** Every annotation of a block; malformed or detached ones are reported (`parse-annotation`). */
export function findAnnotations(map: TextMap, report: Reporter, item: number | undefined): FoundAnnotation[] {
  const found: FoundAnnotation[] = [];
  const text = map.text;
  for (const match of text.matchAll(BRACES)) {
    const content = match[1] ?? '';
    const from = match.index;
    const to = from + match[0].length;
    if (!looksLikeAnnotation(content) || insideDoubledBraces(text, from, to)) continue;
    const place = map.position(from, to);
    const before = text.slice(0, from);
    // The number is read in any published form: unreadable, it is reported where it is; read in a form that is not
    // French, it is read with a note (src/model/numbers.ts).
    const loose = scanNumbers(before).at(-1);
    if (loose && loose.index + loose.raw.length === from) {
      const numberPlace = map.position(loose.index, from);
      if (!isRead(loose)) {
        report.errorAndGoOn(
          `${loose.reason} L'annotation « ${match[0]} » qui le suit n'est pas vérifiée.`,
          numberPlace,
          'parse-number',
        );
        continue;
      }
      for (const note of loose.notes) report.warn(note, numberPlace, 'parse-number-format');
    }
    const last = loose && isRead(loose) ? loose : undefined;
    if (!last || last.index + last.raw.length !== from) {
      report.error(
        `L'annotation « ${match[0]} » doit suivre immédiatement un nombre (sans espace), par exemple « 564 614,75 €${match[0]} ».`,
        place,
        'parse-annotation',
      );
      continue;
    }
    const annotation: NumberAnnotation = {
      raw: match[0],
      number: locatedNumber(map, last, last.index),
      position: place,
    };
    if (item !== undefined) annotation.item = item;
    // Parse the content, keeping the index of each part in the block text.
    let cursor = from + 1;
    let rest = content;
    const skipSpaces = () => {
      const spaces = rest.length - rest.trimStart().length;
      cursor += spaces;
      rest = rest.trimStart();
    };
    skipSpaces();
    if (rest.startsWith('#')) {
      cursor += 1;
      rest = rest.slice(1);
      const name = NAME.exec(rest);
      if (!name) {
        report.error(
          `L'annotation « ${match[0]} » : après « # » vient un nom (lettres, chiffres, « _ » et « . », commençant par une lettre), par exemple « {#excedent} ».`,
          place,
          'parse-annotation',
        );
        continue;
      }
      annotation.name = { value: name[0], position: map.position(cursor, cursor + name[0].length) };
      cursor += name[0].length;
      rest = rest.slice(name[0].length);
      skipSpaces();
    }
    if (rest.length > 0) {
      const op = OPERATOR.exec(rest);
      if (!op) {
        report.error(
          `L'annotation « ${match[0]} » : après le nom vient une relation (=, <=, >=, <, >, ≈) suivie d'une expression, ou rien.`,
          place,
          'parse-annotation',
        );
        continue;
      }
      annotation.operator = normaliseOperator(op[0]);
      cursor += op[0].length;
      rest = rest.slice(op[0].length);
      skipSpaces();
      let expression = rest.trimEnd();
      const plusMinus = expression.lastIndexOf('±');
      if (plusMinus !== -1) {
        const toleranceText = expression.slice(plusMinus + 1);
        const tolerance = parseFrenchNumber(toleranceText);
        if (!tolerance) {
          report.error(
            `L'annotation « ${match[0]} » : la tolérance après « ± » doit être un nombre, par exemple « ± 10 % » ou « ± 1 000 ».`,
            place,
            'parse-annotation',
          );
          continue;
        }
        const toleranceFrom = cursor + plusMinus + 1 + (toleranceText.length - toleranceText.trimStart().length);
        annotation.tolerance = locatedNumber(map, tolerance, toleranceFrom);
        expression = expression.slice(0, plusMinus).trimEnd();
      }
      if (expression.length === 0) {
        report.error(
          `L'annotation « ${match[0]} » : une expression est attendue après « ${op[0]} », par exemple « {= total / eleves} ».`,
          place,
          'parse-annotation',
        );
        continue;
      }
      annotation.expression = { value: expression, position: map.position(cursor, cursor + expression.length) };
    } else if (!annotation.name) {
      report.error(`L'annotation « ${match[0]} » est vide.`, place, 'parse-annotation');
      continue;
    }
    found.push({ annotation, from, to, numberFrom: last.index });
  }
  return found;
}

/** The block text with its annotations removed (what a reader sees). */
export function withoutAnnotations(text: string): string {
  return text.replace(BRACES, (whole, content: string, offset: number) =>
    looksLikeAnnotation(content) && !insideDoubledBraces(text, offset, offset + whole.length) ? '' : whole,
  );
}
