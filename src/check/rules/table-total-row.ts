import { checkSum, numeric, rowLabel, totalKind, unitKind } from '../arith/tables.js';
import type { TableCell } from '../../model/types.js';
import type { Rule } from '../rule.js';

const id = 'table-total-row';

type NumericCell = TableCell & { number: NonNullable<TableCell['number']> };

/**
 * A row labelled Total, TOTAL, Totaux or Sous-total equals, in each numeric column, the sum of the numeric cells
 * above it back to the previous total or subtotal row. A total right after subtotals sums those subtotals.
 */
export const tableTotalRow: Rule = {
  meta: {
    id,
    description: 'Une ligne Total ou Sous-total d’un tableau vaut la somme des lignes au-dessus d’elle.',
    severity: 'error',
    docs: `docs/rules/${id}.md`,
  },
  check({ session, report }) {
    for (const table of session.tables ?? []) {
      let segmentStart = 0;
      let subtotalsSinceTotal: number[] = [];
      table.rows.forEach((row, index) => {
        const kind = totalKind(rowLabel(row));
        if (!kind) return;
        let above = table.rows.slice(segmentStart, index);
        let what = above.length > 1 ? `des ${above.length} lignes au-dessus` : 'de la ligne au-dessus';
        if (kind === 'total' && above.length === 0 && subtotalsSinceTotal.length > 0) {
          above = subtotalsSinceTotal.map((at) => table.rows[at] as TableCell[]);
          what = 'des sous-totaux au-dessus';
        }
        row.forEach((cell, column) => {
          if (!numeric(cell)) return;
          const parts = above
            .map((candidate) => candidate[column])
            .filter((candidate): candidate is NumericCell => numeric(candidate) && unitKind(candidate) === unitKind(cell));
          if (parts.length === 0) return;
          const finding = checkSum(cell, parts);
          if (!finding) return;
          const label = rowLabel(row).trim();
          const header = table.header[column]?.text.trim();
          report({
            ...finding,
            message: `${label} : ${cell.number.raw.trim()} ne vaut pas la somme ${what}${header ? ` (colonne « ${header} »)` : ''}`,
            place: cell.number.position,
          });
        });
        segmentStart = index + 1;
        if (kind === 'subtotal') subtotalsSinceTotal.push(index);
        else subtotalsSinceTotal = [];
      });
    }
  },
};
