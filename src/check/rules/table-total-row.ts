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
      // Totals not yet summed by a grand total: « Total fonctionnement », « Total investissement », then « TOTAL GÉNÉRAL ».
      let totalsSinceGrand: number[] = [];
      table.rows.forEach((row, index) => {
        const kind = rowTotalKind(row);
        if (!kind) return;
        let above = table.rows.slice(segmentStart, index);
        let what = above.length > 1 ? `des ${above.length} lignes au-dessus` : 'de la ligne au-dessus';
        let ofTotals = false;
        if (kind === 'total' && above.length === 0 && subtotalsSinceTotal.length > 0) {
          above = subtotalsSinceTotal.map((at) => table.rows[at] as TableCell[]);
          what = 'des sous-totaux au-dessus';
        } else if (kind === 'total' && above.length === 0 && totalsSinceGrand.length >= 2) {
          above = totalsSinceGrand.map((at) => table.rows[at] as TableCell[]);
          what = 'des totaux au-dessus';
          ofTotals = true;
        }
        row.forEach((cell, column) => {
          if (!numeric(cell)) return;
          const parts = above
            .map((candidate) => candidate[column])
            .filter(
              (candidate): candidate is NumericCell => numeric(candidate) && unitKind(candidate) === unitKind(cell),
            );
          if (parts.length === 0) return;
          // A balanced budget states its total once more: TOTAL = total des dépenses = total des recettes.
          if (ofTotals && parts.every((part) => part.number.value.eq(cell.number.value))) return;
          const finding = checkSum(cell, parts);
          if (!finding) return;
          const label = totalLabel(row).trim();
          const header = table.header[column]?.text.trim();
          report({
            ...finding,
            message: `${label} : ${cell.number.raw.trim()} ne vaut pas la somme ${what}${header ? ` (colonne « ${header} »)` : ''}`,
            place: cell.number.position,
          });
        });
        segmentStart = index + 1;
        if (kind === 'subtotal') subtotalsSinceTotal.push(index);
        else {
          subtotalsSinceTotal = [];
          totalsSinceGrand = ofTotals ? [] : [...totalsSinceGrand, index];
        }
      });
    }
  },
};

/**
 * A row is a total when one of its label cells (the non-numeric cells before its first number) says so: « TOTAL »,
 * « Total investissement », or, under a two-level layout (section | chapitre), « Fonctionnement | Total ».
 */
function labelCells(row: TableCell[]): TableCell[] {
  const first = row.findIndex((cell) => numeric(cell));
  return (first < 0 ? row : row.slice(0, first)).filter((cell) => cell.text.trim() !== '');
}

function rowTotalKind(row: TableCell[]): 'total' | 'subtotal' | undefined {
  const kinds = labelCells(row).map((cell) => totalKind(cell.text));
  return (
    kinds.find((kind) => kind === 'subtotal') ?? kinds.find((kind) => kind === 'total') ?? totalKind(rowLabel(row))
  );
}

function totalLabel(row: TableCell[]): string {
  const cells = labelCells(row);
  return cells.length > 0 ? cells.map((cell) => cell.text.trim()).join(' – ') : rowLabel(row);
}
