import type { Rule } from '../rule.js';
import { relationHolds } from './relation-holds.js';
import { relationReference } from './relation-reference.js';
import { relationSuggested } from './relation-suggested.js';
import { tableTotalColumn } from './table-total-column.js';
import { tableTotalRow } from './table-total-row.js';

/** The arithmetic rules: the relations the annotations state, and the totals of tables. */
export const arithmeticRules: Rule[] = [
  relationHolds,
  relationReference,
  tableTotalRow,
  tableTotalColumn,
  relationSuggested,
];
