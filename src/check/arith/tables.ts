/** What the table rules share: recognising total rows and columns, and summing written cells exactly. */
import type { TableCell } from '../../model/types.js';
import { add, compare, fromWritten, point, type Interval } from './interval.js';
import { expectedAt, numberText, replaceDigits, writeLike } from './session.js';
import type { Finding } from '../rule.js';
import { foldText } from '../../model/fold.js';

function fold(text: string): string {
  return foldText(text).trim();
}

/** "Total", "TOTAL dépenses année scolaire 2021-2022", "Totaux budgets 2022", "Sous-total" (any case or accents). */
export function totalKind(label: string): 'total' | 'subtotal' | undefined {
  const folded = fold(label);
  if (/^sous[-\s\u2011]?totau?[lx]?(?![\p{L}])/u.test(folded)) return 'subtotal';
  if (/^totau?[lx](?![\p{L}])/u.test(folded)) return 'total';
  return undefined;
}

/** The first non-empty cell of a row, as typed. */
export function rowLabel(row: TableCell[]): string {
  return row.find((cell) => cell.text.trim() !== '')?.text ?? '';
}

/** Amounts and plain numbers add up together; percentages only with percentages. */
export function unitKind(cell: TableCell): 'percent' | 'amount' {
  return cell.number?.unit === '%' ? 'percent' : 'amount';
}

export function numeric(cell: TableCell | undefined): cell is TableCell & { number: NonNullable<TableCell['number']> } {
  return cell?.number !== undefined;
}

/**
 * Compares a written total with the sum of written cells; returns the finding's fields when it does not hold:
 * expected (the sum at the total's precision), actual, note ("a + b + c = s, et non t") and a suggestion.
 */
export function checkSum(
  total: TableCell & { number: NonNullable<TableCell['number']> },
  parts: Array<TableCell & { number: NonNullable<TableCell['number']> }>,
): Omit<Finding, 'message' | 'place'> | undefined {
  const sum = parts.reduce<Interval>((acc, cell) => add(acc, fromWritten(cell.number)), point(0));
  const written = fromWritten(total.number);
  if (compare(written, '=', sum).holds) return undefined;
  const number = total.number;
  const scaled =
    number.unit === '%' ? { lo: sum.lo.mul(100), hi: sum.hi.mul(100), nominal: sum.nominal.mul(100) } : sum;
  const expected = expectedAt(number, scaled);
  const percent = number.unit === '%' ? ' %' : '';
  const finding: Omit<Finding, 'message' | 'place'> = {
    expected: `${expected.text}${percent}`,
    actual: number.raw.trim(),
    note: `${parts.map((cell) => numberText(cell.number)).join(' + ')} = ${writeLike(number.raw, scaled.nominal, number.decimals)}${percent}, et non ${writeLike(number.raw, number.value, number.decimals)}${percent}`,
  };
  if (expected.single) finding.suggestion = replaceDigits(number.raw, expected.single);
  return finding;
}
