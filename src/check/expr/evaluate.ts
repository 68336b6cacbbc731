/**
 * Evaluates an expression against the named numbers of a session, in interval arithmetic, and writes out the
 * computation with the operands' values ("2 133,85 + 562 480,90") for the author. Errors are values, positioned.
 */
import { closest, distance } from 'fastest-levenshtein';
import { add, div, fromLiteral, isArithError, mul, neg, point, sub, type Interval } from '../arith/interval.js';
import { exprError, walk, type CallNode, type Expr, type ExprError, type NameNode } from './ast.js';
import { arityMessage, findFunction, functions } from './functions.js';

/** What a name stands for: its interval, and how to show it in a computation ("2 133,85", "3 %"). */
export interface Binding {
  value: Interval;
  text: string;
}

export type Environment = ReadonlyMap<string, Binding>;

export interface Evaluation {
  value: Interval;
  /** The expression with every name replaced by its value: "2 133,85 + 562 480,90". */
  shown: string;
  /** Intermediate results worth stating (a loan's terms and instalment). */
  details: string[];
}

/** The nearest of `candidates` to `name`, when it is close enough to be a likely typo. */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  const lower = name.toLowerCase();
  const sameCase = list.find((candidate) => candidate.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const best = closest(name, list);
  return distance(name, best) <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function unknownName(node: NameNode, env: Environment): ExprError {
  const suggestion = nearestName(node.name, env.keys());
  return exprError(
    'unknown-name',
    `nom inconnu : ${node.name}${suggestion ? ` (vouliez-vous dire ${suggestion} ?)` : ''}`,
    node,
    suggestion,
  );
}

function callProblem(node: CallNode): ExprError | undefined {
  const spec = findFunction(node.name);
  const range = { start: node.start, end: node.nameEnd };
  if (!spec) {
    const suggestion = nearestName(node.name, functions.keys());
    return exprError(
      'unknown-function',
      `fonction inconnue : ${node.name}${suggestion ? ` (vouliez-vous dire ${suggestion} ?)` : ''}`,
      range,
      suggestion,
    );
  }
  if (node.args.length < spec.minArgs || node.args.length > spec.maxArgs) {
    return exprError('arity', arityMessage(spec, node.args.length), { start: node.start, end: node.end });
  }
  return undefined;
}

/** Every name the expression refers to, in order. */
export function references(expr: Expr): NameNode[] {
  return [...walk(expr)].filter((node): node is NameNode => node.type === 'name');
}

/**
 * The problems visible without computing: unknown names, unknown functions, wrong numbers of arguments.
 * Division by zero shows only when evaluating.
 */
export function staticProblems(expr: Expr, env: Environment): ExprError[] {
  const problems: ExprError[] = [];
  for (const node of walk(expr)) {
    if (node.type === 'name' && !env.has(node.name)) problems.push(unknownName(node, env));
    if (node.type === 'call') {
      const problem = callProblem(node);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

function wrap(node: Expr, text: string): string {
  return node.parenthesized ? `(${text})` : text;
}

export function evaluate(expr: Expr, env: Environment): Evaluation | ExprError {
  const details: string[] = [];

  function run(node: Expr): { value: Interval; shown: string } | ExprError {
    switch (node.type) {
      case 'number':
        return { value: fromLiteral(node), shown: wrap(node, node.raw.trim()) };
      case 'name': {
        const binding = env.get(node.name);
        if (!binding) return unknownName(node, env);
        return { value: binding.value, shown: wrap(node, binding.text) };
      }
      case 'unary': {
        const operand = run(node.operand);
        if ('kind' in operand) return operand;
        const value = node.operator === '-' ? neg(operand.value) : operand.value;
        return { value, shown: wrap(node, `${node.operator === '-' ? '−' : '+'}${operand.shown}`) };
      }
      case 'binary': {
        const left = run(node.left);
        if ('kind' in left) return left;
        const right = run(node.right);
        if ('kind' in right) return right;
        let value: Interval;
        switch (node.operator) {
          case '+':
            value = add(left.value, right.value);
            break;
          case '-':
            value = sub(left.value, right.value);
            break;
          case '*':
            value = mul(left.value, right.value);
            break;
          case '/': {
            const quotient = div(left.value, right.value);
            if (isArithError(quotient)) return exprError('division-by-zero', quotient.message, node.right);
            value = quotient;
            break;
          }
        }
        const symbol = node.symbol === '-' ? '−' : node.symbol;
        return { value, shown: wrap(node, `${left.shown} ${symbol} ${right.shown}`) };
      }
      case 'call': {
        const problem = callProblem(node);
        if (problem) return problem;
        const spec = findFunction(node.name);
        if (!spec) return exprError('unknown-function', `fonction inconnue : ${node.name}`, node);
        const values: Interval[] = [];
        const shown: string[] = [];
        for (const [index, arg] of node.args.entries()) {
          const result = run(arg);
          if ('kind' in result) return result;
          values.push(spec.exactArgs.includes(index) ? point(result.value.nominal) : result.value);
          shown.push(result.shown);
        }
        const result = spec.apply(values);
        if (isArithError(result)) {
          return exprError(result.code === 'division-by-zero' ? 'division-by-zero' : 'domain', result.message, node);
        }
        if (result.detail) details.push(result.detail);
        return { value: result.value, shown: wrap(node, `${node.name}(${shown.join(' ; ')})`) };
      }
    }
  }

  const result = run(expr);
  if ('kind' in result) return result;
  return { ...result, details };
}
