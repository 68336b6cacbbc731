/** GFM tables of the body: cells read as French numbers, with their annotations; totals not counted are reported. */
import type { Table } from 'mdast';
import type { NumberAnnotation, TableCell, TableModel } from '../model/types.js';
import { isRead, readNumber } from '../model/numbers.js';
import { withoutAnnotations } from '../model/annotation-syntax.js';
import { findAnnotations, locatedNumber } from './annotations.js';
import { MAX_TABLE_ROWS } from './source.js';
import { TextMap } from './text-map.js';
import { positionOf, type BodyContext as Context } from './body-context.js';
import { foldText } from '../model/fold.js';

export function buildTable(
  node: Table,
  item: number | undefined,
  context: Context,
  annotations: NumberAnnotation[],
): TableModel | undefined {
  if (node.children.length - 1 > MAX_TABLE_ROWS) {
    context.report.error(
      `Tableau trop grand (${node.children.length - 1} lignes) : minutier lit des tableaux de ${MAX_TABLE_ROWS} lignes au plus ; découpez-le.`,
      positionOf(node, context),
      'parse-limits',
    );
    return undefined;
  }
  const rows: TableCell[][] = node.children.map((row) =>
    row.children.map((cell) => {
      const map = TextMap.of(cell, context.source, context.locator);
      const found = findAnnotations(map, context.report, item);
      for (const annotation of found) annotations.push(annotation.annotation);
      const text = withoutAnnotations(map.text).trim();
      const result: TableCell = { text, position: positionOf(cell, context) };
      // Every form a published PV uses is read or reported, never skipped in silence (src/model/numbers.ts).
      const read = readNumber(text);
      if (read) {
        const at = map.text.indexOf(read.raw);
        const place = at >= 0 ? map.position(at, at + read.raw.length) : result.position;
        if (isRead(read)) {
          result.number = at >= 0 ? locatedNumber(map, read, at) : { ...read, position: result.position };
          for (const note of read.notes) context.report.warn(note, place, 'parse-number-format');
        } else {
          context.report.errorAndGoOn(
            `${read.reason} Tant que cette cellule n'est pas lisible, les totaux de ce tableau qui l'incluent ne sont pas vérifiés.`,
            place,
            'parse-number',
          );
        }
      }
      if (found[0]) result.annotation = found[0].annotation;
      return result;
    }),
  );
  const table: TableModel = {
    header: rows[0] ?? [],
    rows: rows.slice(1),
    position: positionOf(node, context),
    node,
  };
  if (item !== undefined) table.item = item;
  reportUncountedCells(table, context);
  return table;
}

const TOTAL_LABEL = /^(?:sous[-\s\u2011]?)?totau?[lx](?![\p{L}])/u;
const isTotalLabel = (text: string) => TOTAL_LABEL.test(foldText(text).trim());

/**
 * A table with a total (a Total row or column) whose column holds numbers, and a cell of that column with digits that
 * is not a number (`1 234,56 (1)`, `12 000 € *`): the totals leave it out; say so at the cell instead of checking a
 * partial sum in silence.
 */
function reportUncountedCells(table: TableModel, context: Context): void {
  const hasTotal =
    table.header.some((cell) => isTotalLabel(cell.text)) ||
    table.rows.some((row) => isTotalLabel(row.find((cell) => cell.text.trim() !== '')?.text ?? ''));
  if (!hasTotal) return;
  table.rows.forEach((row) => {
    row.forEach((cell, column) => {
      if (column === 0 || cell.number || !/\d/u.test(cell.text)) return;
      // Already reported as ambiguous or unreadable.
      if (readNumber(cell.text)) return;
      const numbers = table.rows.filter((other) => other[column]?.number).length;
      if (numbers === 0) return;
      const header = table.header[column]?.text.trim();
      context.report.warn(
        `« ${cell.text} » n'est pas lu comme un nombre (du texte l'accompagne) : les totaux de ce tableau${header ? ` (colonne « ${header} »)` : ''} ne le comptent pas. ` +
          'Écrivez le nombre seul dans la cellule, et le reste dans une autre colonne ou sous le tableau.',
        cell.position,
        'parse-number-format',
      );
    });
  });
}
