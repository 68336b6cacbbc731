/**
 * The syntax tree of a relation's right-hand side (docs/format.md §5). Every node carries its range in the
 * expression text (`start` inclusive, `end` exclusive, UTF-16 offsets), so that an error points at the exact
 * characters: the annotation's `expression.position` plus the offset gives the line and column in the session file.
 */
import type { Decimal } from 'decimal.js';
import type { NumberUnit } from '../../model/types.js';

interface Range {
  start: number;
  end: number;
  /** Written between parentheses (kept to show the computation as the author wrote it). */
  parenthesized?: boolean;
}

export interface NumberNode extends Range {
  type: 'number';
  value: Decimal;
  decimals: number;
  unit: NumberUnit;
  /** As typed ("1 300 000", "20 %"). */
  raw: string;
}

export interface NameNode extends Range {
  type: 'name';
  name: string;
}

export interface UnaryNode extends Range {
  type: 'unary';
  operator: '-' | '+';
  operand: Expr;
}

export type BinaryOperator = '+' | '-' | '*' | '/';

export interface BinaryNode extends Range {
  type: 'binary';
  operator: BinaryOperator;
  /** The operator as typed ("×", "÷", "−"), for display. */
  symbol: string;
  /** Where the operator itself is. */
  operatorStart: number;
  left: Expr;
  right: Expr;
}

export interface CallNode extends Range {
  type: 'call';
  name: string;
  /** The range of the function name alone. */
  nameEnd: number;
  args: Expr[];
}

export type Expr = NumberNode | NameNode | UnaryNode | BinaryNode | CallNode;

export type ExprErrorCode = 'syntax' | 'unknown-name' | 'unknown-function' | 'arity' | 'division-by-zero' | 'domain';

/** A problem in an expression, as a value (never thrown), positioned in the expression text. */
export interface ExprError {
  kind: 'expr-error';
  code: ExprErrorCode;
  /** French, for the author. */
  message: string;
  start: number;
  end: number;
  /** The nearest known name or function, for an unknown one. */
  suggestion?: string;
}

export function isExprError(value: unknown): value is ExprError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'expr-error';
}

export function exprError(
  code: ExprErrorCode,
  message: string,
  range: { start: number; end: number },
  suggestion?: string,
): ExprError {
  const error: ExprError = { kind: 'expr-error', code, message, start: range.start, end: range.end };
  if (suggestion !== undefined) error.suggestion = suggestion;
  return error;
}

/** Every node of the tree, depth first, in source order. */
export function* walk(expr: Expr): Generator<Expr> {
  yield expr;
  switch (expr.type) {
    case 'unary':
      yield* walk(expr.operand);
      break;
    case 'binary':
      yield* walk(expr.left);
      yield* walk(expr.right);
      break;
    case 'call':
      for (const arg of expr.args) yield* walk(arg);
      break;
    default:
      break;
  }
}
