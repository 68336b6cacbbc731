/**
 * Splits an expression into tokens: French numbers ("1 300 000", "0,22", "20 %"), names, operators, parentheses and
 * the `;` that separates function arguments. Never throws: an unexpected character is an error token.
 */
import { parseFrenchNumber } from '../../model/numbers.js';
import type { NumberNode } from './ast.js';
import { exprError, type ExprError } from './ast.js';

export type Token =
  | { type: 'number'; start: number; end: number; text: string; number: Omit<NumberNode, 'start' | 'end'> }
  | { type: 'name'; start: number; end: number; text: string }
  | { type: 'operator'; start: number; end: number; text: string; operator: '+' | '-' | '*' | '/' }
  | { type: '(' | ')' | ';' | 'end'; start: number; end: number; text: string };

const SPACE = /[\s\u00A0\u202F]/u;
const NUMBER = /(?:\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)|\d+)(?:,\d+)?(?:[ \u00A0\u202F]?[%€])?/uy;
const NAME = /\p{L}[\p{L}\p{N}_.]*/uy;
const OPERATORS: Record<string, '+' | '-' | '*' | '/'> = {
  '+': '+',
  '-': '-',
  '\u2212': '-',
  '*': '*',
  '×': '*',
  '·': '*',
  '/': '/',
  '÷': '/',
};

export function tokenize(text: string): Token[] | ExprError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (SPACE.test(char)) {
      i += 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      const parsed = parseFrenchNumber(number[0]);
      if (parsed) {
        const end = i + number[0].length;
        tokens.push({
          type: 'number',
          start: i,
          end,
          text: number[0],
          number: { type: 'number', value: parsed.value, decimals: parsed.decimals, unit: parsed.unit, raw: number[0] },
        });
        i = end;
        continue;
      }
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name) {
      const end = i + name[0].length;
      tokens.push({ type: 'name', start: i, end, text: name[0] });
      i = end;
      continue;
    }
    const operator = OPERATORS[char];
    if (operator) {
      tokens.push({ type: 'operator', start: i, end: i + 1, text: char, operator });
      i += 1;
      continue;
    }
    if (char === '(' || char === ')' || char === ';') {
      tokens.push({ type: char, start: i, end: i + 1, text: char });
      i += 1;
      continue;
    }
    const range = { start: i, end: i + 1 };
    if (char === ',') {
      return exprError('syntax', 'virgule inattendue : les arguments d’une fonction se séparent par « ; »', range);
    }
    if (char === '.' && /\d/.test(text[i - 1] ?? '')) {
      return exprError('syntax', 'point inattendu : la virgule marque les décimales (« 1,5 »)', range);
    }
    return exprError('syntax', `caractère inattendu « ${char} »`, range);
  }
  tokens.push({ type: 'end', start: text.length, end: text.length, text: '' });
  return tokens;
}
