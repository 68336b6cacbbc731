/**
 * Shapes read across a table row, where the column headers say what each cell is: the closing result of a compte
 * administratif, a section voted in balance.
 */
import { parseFrenchNumber } from '../../model/numbers.js';
import { fold, type Num } from './numbers.js';
import type { Candidate, Scope } from './candidate.js';

/**
 * Across a row, where the column headers say what each cell is: the closing result of a compte administratif,
 * résultat de clôture = résultat N-1 − part affectée + résultat de l'exercice + transferts. And a section voted in
 * balance: its dépenses and recettes are equal, when the deliberation says « équilibre ».
 */
export function tableRows({ nums, blocks }: Scope): Candidate[] {
  const out: Candidate[] = [];
  const tables = new Map<number, Num[]>();
  for (const num of nums)
    if (num.table && num.table.row >= num.table.head)
      (tables.get(num.table.table) ?? tables.set(num.table.table, []).get(num.table.table)!).push(num);
  type Role = 'prev' | 'part' | 'year' | 'transfer' | 'close' | undefined;
  // Every cell of a row asks for its column's role, five times: read once per header.
  const roles = new Map<string, Role>();
  const role = (header: string): Role => {
    if (roles.has(header)) return roles.get(header);
    const found = roleOf(header);
    roles.set(header, found);
    return found;
  };
  const roleOf = (header: string): Role => {
    const h = fold(header);
    const previous = /(precedent|anterieur|n\s?-\s?1\b)/u.test(h);
    if (/cloture/u.test(h) && previous) return 'prev';
    if (/cloture/u.test(h)) return 'close';
    if (/resultat/u.test(h) && previous) return 'prev';
    if (/part affectee|affectation|\b1068\b/u.test(h)) return 'part';
    if (/transfert|integration/u.test(h)) return 'transfer';
    if (/resultat de l.?exercice|resultat exercice|solde d.?execution/u.test(h)) return 'year';
    return undefined;
  };
  for (const cells of tables.values()) {
    const rows = new Map<number, Num[]>();
    for (const num of cells) (rows.get(num.table!.row) ?? rows.set(num.table!.row, []).get(num.table!.row)!).push(num);
    for (const row of rows.values()) {
      const by = (wanted: string) => row.find((num) => role(num.table!.header) === wanted && num.kind !== 'percent');
      const close = by('close');
      const prev = by('prev');
      const year = by('year');
      if (!close || (!prev && !year)) continue;
      const part = by('part');
      const transfer = by('transfer');
      const operands = [prev, part, year, transfer].filter((num): num is Num => num !== undefined);
      out.push({
        shape: 'somme',
        target: close,
        operands,
        expression: (ref) =>
          [
            prev ? ref(prev) : '',
            part ? ` - ${ref(part)}` : '',
            year ? ` + ${ref(year)}` : '',
            transfer ? ` + ${ref(transfer)}` : '',
          ]
            .join('')
            .replace(/^ \+ /u, '')
            .trim(),
        strong: true,
        near: 0.05,
        cue: 'résultat de clôture = résultat antérieur − part affectée + résultat de l’exercice + transferts',
        named: true,
      });
    }
  }
  if (blocks.some((block) => /equilibr/u.test(fold(block.text)))) {
    for (const cells of tables.values()) {
      const rows = new Map<number, Num[]>();
      for (const num of cells)
        (rows.get(num.table!.row) ?? rows.set(num.table!.row, []).get(num.table!.row)!).push(num);
      for (const row of rows.values()) {
        const label = fold(row[0]!.table!.cells.filter((text) => parseFrenchNumber(text) === undefined).join(' '));
        if (!/total|section|fonctionnement|investissement/u.test(label)) continue;
        const spending = row.find((num) => /^depenses?\b/u.test(fold(num.table!.header)) && num.kind === 'amount');
        const income = row.find((num) => /^recettes?\b/u.test(fold(num.table!.header)) && num.kind === 'amount');
        if (!spending || !income) continue;
        out.push({
          shape: 'somme',
          target: income,
          operands: [spending],
          expression: (ref) => ref(spending),
          strong: true,
          near: 0.05,
          cue: 'section votée en équilibre : recettes = dépenses',
          named: false,
        });
      }
    }
  }
  return out;
}
