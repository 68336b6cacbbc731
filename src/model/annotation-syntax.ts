/**
 * The annotation grammar (docs/format.md §5), in one place: what counts as an annotation, how its parts are cut, how
 * one is written. An annotation is braces right after a number: `{#name}`, `{#name op expr}`, `{op expr}`,
 * `{op expr ± tol}`, with op one of `=`, `<=`, `>=`, `<`, `>`, `≈` (and `≤`, `≥` for `<=`, `>=`).
 *
 * The parser (src/parse/annotations.ts) reads them with positions and reports malformed ones; the printed body
 * (src/html/) leaves them out; the review page marks the number with its annotation; the suggestions write them.
 * Every one of them asks this module, so that none can read the syntax differently (test/architecture/ fails on a
 * second copy of these patterns). The expression itself is parsed by src/check/expr/.
 */
import { parseFrenchNumber, type ParsedNumber } from './numbers.js';
import type { RelationOperator } from './types.js';

/** Braces on one line, without braces inside: the candidates. */
const BRACES = /\{([^{}\n]*)\}/gu;
/** The operators, longest first (`<=` before `<`). */
const OPERATOR = /^(<=|>=|≤|≥|=|<|>|≈)/u;
/** The content of an annotation starts with `#` or an operator, after optional spaces. */
const OPENING = /^\s*(?:#|<=|>=|≤|≥|=|<|>|≈)/u;
/** A name: a letter, then letters, digits, `_` and `.`. */
const NAME = /^[\p{L}][\p{L}\p{N}_.]*/u;
/** At most one space between a number and an annotation the review page marks with it. */
const SPACE_BEFORE = /^[ \u00A0\u202F]?/u;

/** True when the content of braces is meant as an annotation (starts with `#` or an operator). */
export function isAnnotationContent(content: string): boolean {
  return OPENING.test(content);
}

/**
 * Braces that are part of doubled (or tripled) braces — `{{#each this}}`, `{{> pv}}`, `{{{raw}}}` — are text, never an
 * annotation: the PV prints them as typed.
 */
function insideDoubledBraces(text: string, from: number, to: number): boolean {
  return text[from - 1] === '{' || text[to] === '}';
}

/** An annotation found in a text: the braces as typed, their content, and their index range in the text. */
export interface AnnotationMatch {
  raw: string;
  content: string;
  from: number;
  to: number;
}

/** Every annotation of a text, in order (braces that are not an annotation are left out). */
export function annotationsIn(text: string): AnnotationMatch[] {
  const found: AnnotationMatch[] = [];
  // Most texts have no brace at all: asked for every block, cell and word run, they are answered without a regex.
  if (!text.includes('{')) return found;
  for (const match of text.matchAll(BRACES)) {
    const content = match[1] ?? '';
    const from = match.index;
    const to = from + match[0].length;
    if (isAnnotationContent(content) && !insideDoubledBraces(text, from, to)) {
      found.push({ raw: match[0], content, from, to });
    }
  }
  return found;
}

/** The text with its annotations removed (what a reader sees). */
export function withoutAnnotations(text: string): string {
  let out = '';
  let last = 0;
  for (const annotation of annotationsIn(text)) {
    out += text.slice(last, annotation.from);
    last = annotation.to;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * The length of the annotation that starts `text` (after at most one space), 0 when there is none: what follows a
 * number and is left out of the printed body with it.
 */
export function annotationLengthAtStart(text: string): number {
  const space = SPACE_BEFORE.exec(text)?.[0].length ?? 0;
  const first = annotationsIn(text)[0];
  return first?.from === space ? first.to : 0;
}

/** A part of an annotation's content and its index in the content. */
export interface AnnotationPart<T = string> {
  value: T;
  at: number;
}

export interface AnnotationTokens {
  name?: AnnotationPart;
  /** The operator as typed (`≤`) and as read (`<=`). */
  operator?: AnnotationPart<RelationOperator> & { typed: string };
  /** The right-hand side, trimmed, without its tolerance. */
  expression?: AnnotationPart;
  /** The number after `±`; `at` is where its text starts. */
  tolerance?: AnnotationPart<ParsedNumber>;
}

/**
 * Why a content is not a well-formed annotation: no name after `#`, no operator after the name, a tolerance that is
 * not a number, no expression after the operator (`operator` says which one was typed), nothing at all.
 */
export type AnnotationFault =
  | { fault: 'name' }
  | { fault: 'operator' }
  | { fault: 'tolerance' }
  | { fault: 'expression'; operator: string }
  | { fault: 'empty' };

function readOperator(op: string): RelationOperator {
  if (op === '≤') return '<=';
  if (op === '≥') return '>=';
  return op as RelationOperator;
}

/** Cuts the content of an annotation (between the braces) into its parts, or says what is wrong with it. */
export function tokenizeAnnotation(content: string): AnnotationTokens | AnnotationFault {
  const tokens: AnnotationTokens = {};
  let cursor = 0;
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
    if (!name) return { fault: 'name' };
    tokens.name = { value: name[0], at: cursor };
    cursor += name[0].length;
    rest = rest.slice(name[0].length);
    skipSpaces();
  }
  if (rest.length === 0) return tokens.name ? tokens : { fault: 'empty' };
  const op = OPERATOR.exec(rest);
  if (!op) return { fault: 'operator' };
  tokens.operator = { value: readOperator(op[0]), typed: op[0], at: cursor };
  cursor += op[0].length;
  rest = rest.slice(op[0].length);
  skipSpaces();
  let expression = rest.trimEnd();
  const plusMinus = expression.lastIndexOf('±');
  if (plusMinus !== -1) {
    const toleranceText = expression.slice(plusMinus + 1);
    const tolerance = parseFrenchNumber(toleranceText);
    if (!tolerance) return { fault: 'tolerance' };
    tokens.tolerance = {
      value: tolerance,
      at: cursor + plusMinus + 1 + (toleranceText.length - toleranceText.trimStart().length),
    };
    expression = expression.slice(0, plusMinus).trimEnd();
  }
  if (expression.length === 0) return { fault: 'expression', operator: op[0] };
  tokens.expression = { value: expression, at: cursor };
  return tokens;
}

export const isAnnotationFault = (read: AnnotationTokens | AnnotationFault): read is AnnotationFault => 'fault' in read;

/** How an annotation is written: `{#name}`, `{#name op expr}` or `{op expr}` (a relation is `op expr`). */
export function writeAnnotation(name: string | undefined, relation?: string): string {
  if (name === undefined) return `{${relation ?? ''}}`;
  return relation === undefined ? `{#${name}}` : `{#${name} ${relation}}`;
}
