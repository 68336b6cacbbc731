import { checkSum, numeric, totalKind, unitKind } from '../arith/tables.js';
import type { TableCell } from '../../model/types.js';
import type { Rule } from '../rule.js';

const id = 'table-total-column';

type NumericCell = TableCell & { number: NonNullable<TableCell['number']> };

/** A column headed Total or Totaux equals, in each row, the sum of the row's other numeric cells of the same kind. */
export const tableTotalColumn: Rule = {
  meta: {
    id,
    description: 'Une colonne Total ou Totaux d’un tableau vaut, à chaque ligne, la somme des autres colonnes.',
    severity: 'error',
    docs: `docs/rules/${id}.md`,
  },
  check({ session, report }) {
    for (const table of session.tables ?? []) {
      // A two-level header (« Fonctionnement | | Investissement » over « Dépenses | Recettes | Total »): the leading rows
      // without a number are header rows too; a column is a total when any of its header cells says so.
      const headerRows = [table.header];
      for (const row of table.rows) {
        if (row.some((cell) => numeric(cell))) break;
        headerRows.push(row);
      }
      const width = Math.max(...headerRows.map((row) => row.length));
      const headerOf = (column: number) => headerRows.map((row) => row[column]?.text.trim() ?? '').filter(Boolean);
      const totalColumns = [...Array(width).keys()].filter((column) =>
        headerOf(column).some((text) => totalKind(text)),
      );
      // Under a two-level header, a total adds the columns of its own group (the top cell, spanning the empty cells
      // on its right): « Fonctionnement » Dépenses, Recettes, Total | « Investissement » Dépenses, Recettes, Total.
      const groupOf = (column: number): number => {
        if (headerRows.length < 2) return 0;
        let at = column;
        while (at > 0 && (headerRows[0]![at]?.text.trim() ?? '') === '') at--;
        return at;
      };
      for (const column of totalColumns) {
        const header = headerOf(column).join(' – ');
        for (const row of table.rows) {
          const total = row[column];
          if (!numeric(total)) continue;
          const parts = row.filter(
            (cell, at): cell is NumericCell =>
              at !== column &&
              !totalColumns.includes(at) &&
              groupOf(at) === groupOf(column) &&
              numeric(cell) &&
              unitKind(cell) === unitKind(total),
          );
          if (parts.length === 0) continue;
          const finding = checkSum(total, parts);
          if (!finding) continue;
          const label = row.find((cell) => cell.text.trim() !== '' && !numeric(cell))?.text.trim();
          report({
            ...finding,
            message: `${header}${label ? `, ligne « ${label} »` : ''} : ${total.number.raw.trim()} ne vaut pas la somme des autres colonnes`,
            place: total.number.position,
          });
        }
      }
    }
  },
};
