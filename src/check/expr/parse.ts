/**
 * A recursive-descent parser for the expression grammar of docs/format.md §5:
 *
 *   expression := term (("+" | "-") term)*
 *   term       := unary (("*" | "/") unary)*          × · ÷ − are accepted as typed
 *   unary      := ("-" | "+") unary | primary
 *   primary    := number | name | name "(" [expression (";" expression)*] ")" | "(" expression ")"
 *
 * Errors are returned as values, positioned in the expression text.
 */
import { exprError, isExprError, type Expr, type ExprError } from './ast.js';
import { tokenize, type Token } from './tokenize.js';

export function parseExpression(text: string): Expr | ExprError {
  const tokens = tokenize(text);
  if (isExprError(tokens)) return tokens;
  if (tokens.length === 1) return exprError('syntax', 'expression vide', { start: 0, end: text.length });
  let index = 0;
  const peek = (): Token => tokens[index] as Token;
  const next = (): Token => tokens[index++] as Token;

  const describe = (token: Token): string => (token.type === 'end' ? 'la fin de l’expression' : `« ${token.text} »`);
  const unexpected = (token: Token, wanted: string): ExprError =>
    exprError('syntax', `${wanted} attendu, et non ${describe(token)}`, {
      start: token.start,
      end: Math.max(token.end, token.start),
    });

  /** A left-associative chain of `operand (operator operand)*` for one precedence level. */
  function binaryLevel(operand: () => Expr | ExprError, operators: readonly string[]): Expr | ExprError {
    let left = operand();
    if (isExprError(left)) return left;
    for (let token = peek(); token.type === 'operator' && operators.includes(token.operator); token = peek()) {
      next();
      const right = operand();
      if (isExprError(right)) return right;
      left = {
        type: 'binary',
        operator: token.operator,
        symbol: token.text,
        operatorStart: token.start,
        left,
        right,
        start: left.start,
        end: right.end,
      };
    }
    return left;
  }

  function expression(): Expr | ExprError {
    return binaryLevel(term, ['+', '-']);
  }

  function term(): Expr | ExprError {
    return binaryLevel(unary, ['*', '/']);
  }

  function unary(): Expr | ExprError {
    const token = peek();
    if (token.type === 'operator' && (token.operator === '-' || token.operator === '+')) {
      next();
      const operand = unary();
      if (isExprError(operand)) return operand;
      return { type: 'unary', operator: token.operator, operand, start: token.start, end: operand.end };
    }
    return primary();
  }

  function primary(): Expr | ExprError {
    const token = next();
    switch (token.type) {
      case 'number':
        return { ...token.number, start: token.start, end: token.end };
      case 'name': {
        if (peek().type !== '(') return { type: 'name', name: token.text, start: token.start, end: token.end };
        next();
        const args: Expr[] = [];
        if (peek().type !== ')') {
          for (;;) {
            const arg = expression();
            if (isExprError(arg)) return arg;
            args.push(arg);
            if (peek().type !== ';') break;
            next();
          }
        }
        const close = next();
        if (close.type !== ')') return unexpected(close, '« ; » ou « ) »');
        return { type: 'call', name: token.text, nameEnd: token.end, args, start: token.start, end: close.end };
      }
      case '(': {
        const inner = expression();
        if (isExprError(inner)) return inner;
        const close = next();
        if (close.type !== ')') return unexpected(close, '« ) »');
        return { ...inner, start: token.start, end: close.end, parenthesized: true };
      }
      default:
        return unexpected(token, 'un nombre, un nom ou « ( »');
    }
  }

  const result = expression();
  if (isExprError(result)) return result;
  const rest = peek();
  if (rest.type !== 'end') return unexpected(rest, 'un opérateur');
  return result;
}
