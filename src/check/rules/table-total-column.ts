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
      const totalColumns = table.header
        .map((cell, column) => (totalKind(cell.text) ? column : -1))
        .filter((column) => column >= 0);
      for (const column of totalColumns) {
        const header = table.header[column]?.text.trim() ?? '';
        for (const row of table.rows) {
          const total = row[column];
          if (!numeric(total)) continue;
          const parts = row.filter(
            (cell, at): cell is NumericCell =>
              at !== column && !totalColumns.includes(at) && numeric(cell) && unitKind(cell) === unitKind(total),
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
