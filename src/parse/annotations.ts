/**
 * Annotations written right after a number (docs/format.md §5), read with their positions in the file: the grammar
 * (what counts as an annotation, its parts) is src/model/annotation-syntax.ts; here each one is attached to the number
 * before it, and a malformed or detached one is reported. The expression itself is parsed by src/check/expr.
 */
import type { FrenchNumber, NumberAnnotation } from '../model/types.js';
import { isRead, scanNumbers, type ParsedNumber } from '../model/numbers.js';
import {
  annotationsIn,
  isAnnotationFault,
  tokenizeAnnotation,
  type AnnotationFault,
} from '../model/annotation-syntax.js';
import type { Reporter } from './report.js';
import type { TextMap } from './text-map.js';

export interface FoundAnnotation {
  annotation: NumberAnnotation;
  /** Index range of the `{…}` in the block text. */
  from: number;
  to: number;
  /** Index range of the number it is attached to. */
  numberFrom: number;
}

/** A FrenchNumber located through the block's text map. */
export function locatedNumber(map: TextMap, parsed: ParsedNumber, from: number): FrenchNumber {
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
  for (const { raw, content, from, to } of annotationsIn(text)) {
    const place = map.position(from, to);
    const before = text.slice(0, from);
    // The number is read in any published form: unreadable, it is reported where it is; read in a form that is not
    // French, it is read with a note (src/model/numbers.ts).
    const loose = scanNumbers(before).at(-1);
    if (loose && loose.index + loose.raw.length === from) {
      const numberPlace = map.position(loose.index, from);
      if (!isRead(loose)) {
        report.errorAndGoOn(
          `${loose.reason} L'annotation « ${raw} » qui le suit n'est pas vérifiée.`,
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
        `L'annotation « ${raw} » doit suivre immédiatement un nombre (sans espace), par exemple « 564 614,75 €${raw} ».`,
        place,
        'parse-annotation',
      );
      continue;
    }
    const tokens = tokenizeAnnotation(content);
    if (isAnnotationFault(tokens)) {
      report.error(faultMessage(raw, tokens), place, 'parse-annotation');
      continue;
    }
    const annotation: NumberAnnotation = {
      raw,
      number: locatedNumber(map, last, last.index),
      position: place,
    };
    if (item !== undefined) annotation.item = item;
    // Index in the block text of a part of the content, which starts after the opening brace.
    const at = (index: number) => from + 1 + index;
    const { name, operator, expression, tolerance } = tokens;
    if (name)
      annotation.name = { value: name.value, position: map.position(at(name.at), at(name.at) + name.value.length) };
    if (operator) annotation.operator = operator.value;
    if (tolerance) annotation.tolerance = locatedNumber(map, tolerance.value, at(tolerance.at));
    if (expression) {
      annotation.expression = {
        value: expression.value,
        position: map.position(at(expression.at), at(expression.at) + expression.value.length),
      };
    }
    found.push({ annotation, from, to, numberFrom: last.index });
  }
  return found;
}

/** What the author is told about a malformed annotation. */
function faultMessage(raw: string, fault: AnnotationFault): string {
  switch (fault.fault) {
    case 'name':
      return `L'annotation « ${raw} » : après « # » vient un nom (lettres, chiffres, « _ » et « . », commençant par une lettre), par exemple « {#excedent} ».`;
    case 'operator':
      return `L'annotation « ${raw} » : après le nom vient une relation (=, <=, >=, <, >, ≈) suivie d'une expression, ou rien.`;
    case 'tolerance':
      return `L'annotation « ${raw} » : la tolérance après « ± » doit être un nombre, par exemple « ± 10 % » ou « ± 1 000 ».`;
    case 'expression':
      return `L'annotation « ${raw} » : une expression est attendue après « ${fault.operator} », par exemple « {= total / eleves} ».`;
    case 'empty':
      return `L'annotation « ${raw} » est vide.`;
  }
}
